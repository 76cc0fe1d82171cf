// What a browser needs to run Adobe's Web SDK against the emulator: alloy only ever calls
// https://{edgeDomain}/ee/… on port 443, so the test serves the emulator over TLS (a self-signed
// certificate made at start-up) and gives the browser a forward proxy that tunnels that one host name to
// it. A proxy works the same in Chromium and Firefox (Firefox has no --host-resolver-rules; its DNS
// overrides cannot change the port); any other host is refused, so nothing leaves the machine.
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import {
  createEmulator,
  type Emulator,
  type EmulatorServer,
  startEmulatorServer,
} from '../../src/emulator/index';
import { makeSelfSigned } from '../../src/test-support/self-signed';

export const EDGE_HOST = 'edge.example.test';

/** Ports next to the collector's (COLLECTOR_PORT, default 8787): +1 the TLS emulator, +2 the proxy. */
const base = Number(process.env.COLLECTOR_PORT ?? 8787);
export const EDGE_TLS_PORT = Number(process.env.EDGE_TLS_PORT ?? base + 1);
export const EDGE_PROXY_PORT = Number(process.env.EDGE_PROXY_PORT ?? base + 2);

export interface EdgePeer {
  emulator: Emulator;
  /** Plain-HTTP door to the same emulator, for requests sent from Node. */
  http: EmulatorServer;
  close(): Promise<void>;
}

/** A fresh emulator behind TLS and the proxy. Manual-mode alloy sends no timed pings: cadence is not judged. */
export async function startEdgePeer(): Promise<EdgePeer> {
  const emulator = createEmulator({ mainPingIntervalMs: 3_600_000, adPingIntervalMs: 3_600_000 });
  const tls = await startEmulatorServer({ emulator, port: EDGE_TLS_PORT, tls: makeSelfSigned([EDGE_HOST]) });
  const http = await startEmulatorServer({ emulator, port: 0 });
  const proxy = await startProxy(EDGE_PROXY_PORT, EDGE_TLS_PORT);
  return {
    emulator,
    http,
    close: async () => {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await Promise.all([tls.close(), http.close()]);
    },
  };
}

function startProxy(port: number, target: number): Promise<Server> {
  const server = createServer((_req, res) => res.writeHead(403).end('CONNECT only\n'));
  server.on('connect', (req, client, head) => {
    if (req.url !== `${EDGE_HOST}:443`) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(target, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
