// `npm run demo`: the demo (index.html) and the e2e harness (harness.html) on http://127.0.0.1:5173,
// with the collector emulator on the dev server and standalone on :8787 (the pages post cross-origin).
// `npm run demo:built`: the same pages built (as a site ships the plugin: bundled, minified, split
// chunks) and served by `vite preview` with the same middleware; the e2e suite runs against it
// (docs/contributing.md#the-pages-the-e2e-suite-opens).
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
/** Every page of the demo, built by `npm run demo:built`. */
const PAGES = ['index', 'harness', 'alloy-peer'];
/** Out of the repository's tree (and of the npm package's `dist/`); `npm ci` clears it. */
const BUILT_DEMO = path.join(here, '../node_modules/.cache/demo');

export default defineConfig({
  root: here,
  publicDir: path.join(here, 'public'),
  plugins: [
    demoBanner(`http://127.0.0.1:${demoPort}/`),
    mediaCollectionEmulator({ port: collectorPort }),
    slowMedia(path.join(here, 'public/media')),
    liveStream(path.join(here, 'public/media')),
  ],
  build: {
    outDir: BUILT_DEMO,
    emptyOutDir: true,
    sourcemap: true, // a failing e2e's stack names src/ lines
    chunkSizeWarningLimit: 1024, // video.js alone is ~700 kB minified, and that is not ours to split
    rolldownOptions: {
      input: Object.fromEntries(PAGES.map((page) => [page, path.join(here, `${page}.html`)])),
    },
  },
  preview: { host: '127.0.0.1', port: demoPort, strictPort: true },
  server: {
    host: '127.0.0.1',
    port: demoPort,
    strictPort: true,
    // The bench (e2e/bench/) starts the dev server with DEMO_NO_HMR=1: an edit in src/ must not reload a page
    // mid-run.
    hmr: process.env.DEMO_NO_HMR ? false : undefined,
  },
  // Pre-bundled up front: a dependency discovered late makes Vite reload the page ("optimized dependencies changed").
  define: { __COLLECTOR__: JSON.stringify(`http://127.0.0.1:${collectorPort}`) },
  optimizeDeps: { include: ['video.js', 'rxjs', 'idb-keyval'] },
});
