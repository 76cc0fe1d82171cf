// The standalone collector: a plain node:http (or, with `tls`, node:https) server around one emulator.
// Unknown routes get 404, preflights on any path get 204, both with CORS headers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { EmulatorOptions } from './config.ts';
import { createEmulator, type Emulator } from './emulator.ts';
import { CONTROL_CORS, errorReply, writeFallback, writeReply } from './http-io.ts';

export interface EmulatorServerOptions extends EmulatorOptions {
  /** 8787 by default; 0 picks a free port. */
  port?: number;
  /** 127.0.0.1 by default. */
  host?: string;
  /** Serve this emulator instead of creating one (then the other options are ignored). */
  emulator?: Emulator;
  /**
   * Serve HTTPS with this PEM key and certificate. Adobe's Web SDK only ever calls `https://{edgeDomain}`,
   * so its tests need it (docs/edge.md#https-for-adobes-web-sdk).
   */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export interface EmulatorServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:8787 (https with `tls`). */
  url: string;
  port: number;
  close(): Promise<void>;
  emulator: Emulator;
}

export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const { port = 8787, host = '127.0.0.1', emulator: given, tls, ...emulatorOptions } = options;
  const emulator = given ?? createEmulator(emulatorOptions);
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    emulator.handle(req, res).then(
      (handled) => {
        if (!handled) writeFallback(req, res);
      },
      (error: Error) =>
        writeReply(res, errorReply(500, `The emulator failed: ${error.message}`), CONTROL_CORS),
    );
  };
  const server = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, listener) : createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${tls ? 'https' : 'http'}://${urlHost}:${bound}`,
    port: bound,
    emulator,
    // Idempotent: a second close() resolves once the first has.
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections (fetch pools them) would hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
