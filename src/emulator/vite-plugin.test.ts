// The Vite plugin against a stand-in for Vite's server: a node:http server running the middleware
// chain the plugin registers, plus a logger that records what it printed.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Plugin } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { start } from './test-fixtures.ts';
import { type HostServer, mediaCollectionEmulator } from './vite-plugin.ts';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function fakeVite() {
  const stack: Middleware[] = [];
  const logs: string[] = [];
  const httpServer = createServer((req, res) => {
    const [first] = stack;
    first(req, res, () => res.writeHead(299).end('vite'));
  });
  servers.push(httpServer);
  httpServer.listen(0, '127.0.0.1');
  await once(httpServer, 'listening');
  const host: HostServer = {
    middlewares: { use: (fn) => stack.push(fn) },
    httpServer,
    config: { logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) } },
  };
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return { host, logs, url, httpServer };
}

const postStart = (base: string) =>
  fetch(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(start()),
  });

const configureServer = (plugin: ReturnType<typeof mediaCollectionEmulator>, host: HostServer) =>
  plugin.configureServer(host);

describe('mediaCollectionEmulator', () => {
  it('answers the API on the dev server and passes other routes on', async () => {
    // `satisfies`: its own declared type (no `vite` import) must stay assignable to Vite's Plugin.
    const plugin = mediaCollectionEmulator() satisfies Plugin;
    const vite = await fakeVite();
    await configureServer(plugin, vite.host);
    expect((await postStart(vite.url)).status).toBe(201);
    expect((await fetch(`${vite.url}/index.html`)).status).toBe(299);
    expect(plugin.emulator.sessions()).toHaveLength(1);
    expect(vite.logs).toEqual([expect.stringContaining('Media Collection emulator')]);
  });

  it('with a port, also serves the same emulator standalone and closes it with the dev server', async () => {
    const plugin = mediaCollectionEmulator({ port: 0, idleTimeoutMs: 1000 });
    const vite = await fakeVite();
    await configureServer(plugin, vite.host);
    const collector = /(http:\/\/127\.0\.0\.1:\d+) — report: \1\/__emulator\/report/.exec(
      vite.logs.join('\n'),
    )?.[1];
    expect(collector).toBeDefined();

    expect((await postStart(collector!)).status).toBe(201);
    expect((await postStart(vite.url)).status).toBe(201);
    const report = await (await fetch(`${vite.url}/__emulator/report`)).json();
    expect(report.sessions).toHaveLength(2);
    expect(plugin.emulator.config.idleTimeoutMs).toBe(1000);

    vite.httpServer.close();
    await expect
      .poll(() =>
        fetch(`${collector}/__emulator/report`).then(
          () => 'up',
          () => 'down',
        ),
      )
      .toBe('down');
  });

  it('keeps retrying while the standalone port is busy', async () => {
    const busy = createServer();
    servers.push(busy);
    busy.listen(0, '127.0.0.1');
    await once(busy, 'listening');
    const port = (busy.address() as AddressInfo).port;
    const vite = await fakeVite();
    await configureServer(mediaCollectionEmulator({ port }), vite.host);
    expect(vite.logs).toEqual([expect.stringContaining('is busy, retrying')]);

    await new Promise((resolve) => busy.close(resolve));
    await expect.poll(() => vite.logs.join('\n')).toContain(`http://127.0.0.1:${port} — report`);
    expect((await postStart(`http://127.0.0.1:${port}`)).status).toBe(201);
    vite.httpServer.close();
  });
});
