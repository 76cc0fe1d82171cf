import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from './cli-args.ts';

describe('parseCliArgs', () => {
  it('defaults to nothing (the server applies its own defaults)', () => {
    expect(parseCliArgs([])).toEqual({ help: false, options: {} });
  });

  it('reads --port, --host and --idle-timeout', () => {
    expect(parseCliArgs(['--port', '9000', '--host', '0.0.0.0', '--idle-timeout', '5000'])).toEqual({
      help: false,
      options: { port: 9000, host: '0.0.0.0', idleTimeoutMs: 5000 },
    });
  });

  it('reads --help', () => {
    expect(parseCliArgs(['--help'])).toEqual({ help: true });
  });

  it.each([
    [['--port', 'x'], '--port must be a whole number'],
    [['--port', '70000'], '--port must be a whole number ≤ 65535'],
    [['--idle-timeout', '1.5'], '--idle-timeout must be a whole number'],
    [['--verbose'], "Unknown option '--verbose'"],
    [['extra'], 'Unexpected argument'],
  ])('rejects %j with the usage', (args, fragment) => {
    expect(() => parseCliArgs(args)).toThrow(CliUsageError);
    expect(() => parseCliArgs(args)).toThrow(fragment);
  });
});
