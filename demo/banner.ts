// Vite plugin for `npm run demo`: the demo's own URLs are the first lines a person reads. Listed before
// the emulator plugin, so its line comes right after; both print while the dev server is being set up,
// before Vite's banner (the dev server uses strictPort, so a busy port fails loudly just below).
import type { Plugin } from 'vite';

export function demoBanner(pageUrl: string): Plugin {
  return {
    name: 'videojs-media-collection-demo-banner',
    apply: 'serve',
    configureServer(server) {
      server.config.logger.info(`  ➜  Demo: ${pageUrl}  (e2e harness: ${new URL('harness.html', pageUrl)})`);
    },
  };
}
