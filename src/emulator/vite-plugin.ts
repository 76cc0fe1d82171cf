// The Vite plugin: mounts the emulator on the dev (and preview) server, so /api/v1/* and
// /__emulator/* answer on the page's own origin, and with `port` also starts a standalone server
// sharing the same emulator, for a cross-origin collector like Adobe's.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { EmulatorOptions } from './config.ts';
import { createEmulator, type Emulator } from './emulator.ts';
import { type EmulatorServer, startEmulatorServer } from './server.ts';

export interface EmulatorPluginOptions extends EmulatorOptions {
  /** Also serve the emulator standalone on this port (cross-origin for the page). */
  port?: number;
  /** Host for the standalone server; 127.0.0.1 by default. */
  host?: string;
}

/** The parts of Vite's dev and preview servers the plugin uses (both have them). */
export interface HostServer {
  middlewares: {
    use(fn: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void): unknown;
  };
  httpServer: { on(event: 'close', listener: () => void): unknown } | null;
  config: {
    logger: { info(message: string): void; warn(message: string): void; error(message: string): void };
  };
}

/**
 * What `mediaCollectionEmulator()` returns: a Vite plugin, spelled out here rather than typed as Vite's
 * `Plugin` so these declarations need no `vite` install (a site that only runs the standalone server
 * has none); it is assignable to Vite's `Plugin`.
 */
export interface EmulatorVitePlugin {
  name: string;
  /** The emulator both servers answer with: its sessions, report and faults. */
  emulator: Emulator;
  configureServer(server: HostServer): Promise<void>;
  configurePreviewServer(server: HostServer): Promise<void>;
}

// On a restart Vite builds the new server before closing the old one, so the old standalone still
// holds the port for a moment: retry instead of failing.
const PORT_RETRIES = 20;
const PORT_RETRY_MS = 250;

export function mediaCollectionEmulator(options: EmulatorPluginOptions = {}): EmulatorVitePlugin {
  const { port, host = '127.0.0.1', ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions);

  const mount = async (server: HostServer): Promise<void> => {
    // Vite's own CORS middleware runs before plugin middleware, so preflights on the page's origin are
    // Vite's; the standalone server answers cross-origin ones exactly as Adobe does.
    server.middlewares.use((req, res, next) => {
      emulator.handle(req, res).then((handled) => {
        if (!handled) next();
      }, next);
    });
    const { logger } = server.config;
    if (port === undefined) {
      logger.info('  ➜  Media Collection emulator: on this server (report: /__emulator/report)');
      return;
    }
    let standalone: EmulatorServer | undefined;
    let closed = false;
    // Node re-emits 'close' when close() is called on a closed server: close the standalone once.
    server.httpServer?.on('close', () => {
      if (closed) return;
      closed = true;
      void standalone?.close();
    });
    /** One listen attempt; false when the port is busy and a retry may succeed. */
    const attempt = async (final: boolean): Promise<boolean> => {
      try {
        standalone = await startEmulatorServer({ port, host, emulator });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' && !final) return false;
        logger.error(
          `Media Collection emulator: cannot listen on ${host}:${port}: ${(error as Error).message}`,
        );
        return true;
      }
      if (closed) {
        await standalone.close();
        return true;
      }
      logger.info(
        `  ➜  Media Collection emulator: ${standalone.url} — report: ${standalone.url}/__emulator/report`,
      );
      return true;
    };
    // A normal start is listening before Vite is (the e2e runner waits for Vite only); retries run on.
    if (await attempt(false)) return;
    logger.warn(`Media Collection emulator: ${host}:${port} is busy, retrying…`);
    void (async () => {
      for (let tries = 1; tries <= PORT_RETRIES && !closed; tries += 1) {
        await delay(PORT_RETRY_MS);
        if (!closed && (await attempt(tries === PORT_RETRIES))) return;
      }
    })();
  };

  return {
    name: 'videojs-media-collection-emulator',
    emulator,
    configureServer: (server) => mount(server),
    configurePreviewServer: (server) => mount(server),
  };
}
