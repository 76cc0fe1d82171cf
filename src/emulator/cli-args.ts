// Command-line arguments of videojs-media-collection-emulator, parsed without side effects.
import { parseArgs } from 'node:util';
import type { EmulatorServerOptions } from './server.ts';

export const USAGE =
  'Usage: videojs-media-collection-emulator [--port 8787] [--host 127.0.0.1] [--idle-timeout ms]';

export class CliUsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${USAGE}`);
    this.name = 'CliUsageError';
  }
}

export type CliCommand = { help: true } | { help: false; options: EmulatorServerOptions };

export function parseCliArgs(args: readonly string[]): CliCommand {
  let values: { port?: string; host?: string; 'idle-timeout'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        'idle-timeout': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  if (values.help) return { help: true };
  const options: EmulatorServerOptions = {};
  if (values.port !== undefined) options.port = whole('--port', values.port, 65_535);
  if (values.host !== undefined) options.host = values.host;
  if (values['idle-timeout'] !== undefined) {
    options.idleTimeoutMs = whole('--idle-timeout', values['idle-timeout'], Number.MAX_SAFE_INTEGER);
  }
  return { help: false, options };
}

function whole(flag: string, text: string, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > max) throw new CliUsageError(`${flag} must be a whole number ≤ ${max}.`);
  return value;
}
