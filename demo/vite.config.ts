// `npm run demo`: the demo (index.html) and the e2e harness (harness.html) on http://127.0.0.1:5173,
// with the collector emulator on the dev server and standalone on :8787 (the pages post cross-origin).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { mediaCollectionEmulator } from '../src/emulator/index.ts';
import { demoBanner } from './banner.ts';
import { liveStream } from './live-stream.ts';
import { slowMedia } from './slow-media.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
// DEMO_PORT / COLLECTOR_PORT let two test runs share a machine without sharing a collector.
const demoPort = Number(process.env.DEMO_PORT ?? 5173);
const collectorPort = Number(process.env.COLLECTOR_PORT ?? 8787);

export default defineConfig({
  root: here,
  publicDir: path.join(here, 'public'),
  plugins: [
    demoBanner(`http://127.0.0.1:${demoPort}/`),
    mediaCollectionEmulator({ port: collectorPort }),
    slowMedia(path.join(here, 'public/media')),
    liveStream(path.join(here, 'public/media')),
  ],
  server: {
    host: '127.0.0.1',
    port: demoPort,
    strictPort: true,
    // Playwright starts the server with DEMO_NO_HMR=1: an edit in src/ must not reload a page mid-test.
    hmr: process.env.DEMO_NO_HMR ? false : undefined,
  },
  // Pre-bundled up front: a dependency discovered late makes Vite reload the page ("optimized dependencies changed").
  define: { __COLLECTOR__: JSON.stringify(`http://127.0.0.1:${collectorPort}`) },
  optimizeDeps: { include: ['video.js', 'rxjs', 'idb-keyval'] },
});
