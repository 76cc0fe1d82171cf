#!/usr/bin/env node
// videojs-media-collection-emulator: the standalone collector from a terminal. Stops on SIGINT/SIGTERM.
import { parseCliArgs, USAGE } from './cli-args.ts';
import { startEmulatorServer } from './server.ts';

async function main(): Promise<void> {
  const command = parseCliArgs(process.argv.slice(2));
  if (command.help) {
    console.log(USAGE);
    return;
  }
  const server = await startEmulatorServer(command.options);
  console.log(`Media Collection emulator on ${server.url}`);
  console.log(`  session report: ${server.url}/__emulator/  (JSON: ${server.url}/__emulator/report)`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
