// What a browser needs to run Adobe's Web SDK against the emulator: alloy only ever calls
// https://{edgeDomain}/ee/… on port 443, so the test serves the emulator over TLS (a self-signed
// certificate made at start-up) and gives the browser a forward proxy that tunnels that one host name to
// it. A proxy works the same in Chromium and Firefox (Firefox has no --host-resolver-rules; its DNS
// overrides cannot change the port); any other host is refused, so nothing leaves the machine.
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import {
  createEmulator,
  type Emulator,
  type EmulatorServer,
  startEmulatorServer,
} from '../../src/emulator/index';
import { makeSelfSigned } from '../../src/test-support/self-signed';

export const EDGE_HOST = 'edge.example.test';

export interface EdgePeer {
  emulator: Emulator;
  /** Plain-HTTP door to the same emulator, for requests sent from Node. */
  http: EmulatorServer;
  /** The forward proxy the browser context uses (only EDGE_HOST:443 passes, to the TLS emulator). */
  proxyPort: number;
  close(): Promise<void>;
}

/**
 * A fresh emulator behind TLS and the proxy, all on free ports (tests run in parallel workers).
 * Manual-mode alloy sends no timed pings: cadence is not judged.
 */
export async function startEdgePeer(): Promise<EdgePeer> {
  const emulator = createEmulator({ mainPingIntervalMs: 3_600_000, adPingIntervalMs: 3_600_000 });
  const tls = await startEmulatorServer({ emulator, port: 0, tls: makeSelfSigned([EDGE_HOST]) });
  const http = await startEmulatorServer({ emulator, port: 0 });
  const tunnels = new Set<Socket>();
  const proxy = await startProxy(tls.port, tunnels);
  return {
    emulator,
    http,
    proxyPort: (proxy.address() as AddressInfo).port,
    close: async () => {
      const closed = new Promise<void>((resolve) => proxy.close(() => resolve()));
      for (const socket of tunnels) socket.destroy(); // CONNECT tunnels outlive the HTTP server's own tracking
      proxy.closeAllConnections();
      await Promise.all([closed, tls.close(), http.close()]);
    },
  };
}

function startProxy(target: number, tunnels: Set<Socket>): Promise<Server> {
  const server = createServer((_req, res) => res.writeHead(403).end('CONNECT only\n'));
  server.on('connect', (req, client, head) => {
    if (req.url !== `${EDGE_HOST}:443`) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(target, '127.0.0.1', () => {
      tunnels.add(client as Socket).add(upstream);
      const forget = () => tunnels.delete(client as Socket) && tunnels.delete(upstream);
      client.once('close', forget);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
