import { request } from 'node:https';
import { describe, expect, it } from 'vitest';
import { makeSelfSigned } from '../test-support/self-signed.ts';
import { DEFAULT_CONFIG } from './config.ts';
import { createEmulator } from './emulator.ts';
import { startEmulatorServer } from './server.ts';

describe('createEmulator', () => {
  it('starts from the defaults overlaid with the options', () => {
    expect(createEmulator({ idleTimeoutMs: 5 }).config).toEqual({ ...DEFAULT_CONFIG, idleTimeoutMs: 5 });
  });

  it('rejects bad options and bad config patches in one error', () => {
    expect(() => createEmulator({ idleTimeoutMs: -1 })).toThrow('"idleTimeoutMs" must be a number');
    const emulator = createEmulator();
    expect(() => emulator.configure({ pingToleranceMs: Number.NaN })).toThrow('"pingToleranceMs"');
  });

  it('hands out copies of its config', () => {
    const emulator = createEmulator();
    emulator.config.idleTimeoutMs = 1;
    expect(emulator.config.idleTimeoutMs).toBe(DEFAULT_CONFIG.idleTimeoutMs);
  });

  it('validates programmatic faults and reports unknown sids on expire', () => {
    const emulator = createEmulator();
    expect(() => emulator.addFault({ match: 'events' })).toThrow('needs at least one of');
    expect(emulator.addFault({ status: 503, times: 1 })).toMatchObject({ id: 1, match: 'all', remaining: 1 });
    expect(emulator.expire('nope')).toBeUndefined();
    expect(emulator.expire()).toEqual([]);
  });

  it('leaves routes outside /api/v1/ and /__emulator/ to the host', async () => {
    const emulator = createEmulator();
    const req = { method: 'GET', url: '/index.html' } as never;
    expect(await emulator.handle(req, {} as never)).toBe(false);
  });
});

describe('startEmulatorServer', () => {
  it('binds port 0 to a free port, reports its URL, and closes idempotently', async () => {
    const server = await startEmulatorServer({ port: 0 });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    await Promise.all([server.close(), server.close()]);
    await expect(fetch(`${server.url}/__emulator/report`)).rejects.toThrow();
  });

  it('serves HTTPS with the tls option (Adobe’s Web SDK calls only https://)', async () => {
    const tls = makeSelfSigned(['edge.example.test']);
    const server = await startEmulatorServer({ port: 0, tls });
    expect(server.url).toBe(`https://127.0.0.1:${server.port}`);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request(`${server.url}/__emulator/report`, { ca: tls.cert }, (response) => {
        response.resume();
        resolve(response.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(200);
    await server.close();
  });

  it('rejects when the port is taken', async () => {
    const first = await startEmulatorServer({ port: 0 });
    await expect(startEmulatorServer({ port: first.port })).rejects.toThrow(/EADDRINUSE/);
    await first.close();
  });
});
