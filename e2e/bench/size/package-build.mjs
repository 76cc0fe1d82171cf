// Builds the plugin exactly as it is published (the ESM library build of vite.config.ts, rxjs and
// idb-keyval left to the site's bundler) into a folder laid out like an installed package, so the app
// builds resolve `videojs-media-collection` through its package.json `exports` and `sideEffects`.
// Built into bench-results/, never dist/: other test runs may be reading dist/ at the same time.
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, loadConfigFromFile } from 'vite';
import { ROOT } from '../lib/paths.mjs';

/** Builds into `<into>/node_modules/videojs-media-collection`; returns that package folder. */
export async function buildPackage(into) {
  await makeAppScope(into);
  const pkgDir = path.join(into, 'node_modules', 'videojs-media-collection');
  await rm(pkgDir, { recursive: true, force: true });
  await mkdir(pkgDir, { recursive: true });
  const env = { command: 'build', mode: 'production', isSsrBuild: false, isPreview: false };
  const loaded = await loadConfigFromFile(env, path.join(ROOT, 'vite.config.ts'), ROOT, 'silent');
  const config = loaded.config;
  await build({
    ...config,
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    // The .d.ts plugin is the only plugin and writes into dist/types: the bench needs no types.
    plugins: [],
    build: { ...config.build, outDir: path.join(pkgDir, 'dist'), emptyOutDir: true, sourcemap: false },
  });
  await copyFile(path.join(ROOT, 'package.json'), path.join(pkgDir, 'package.json'));
  return pkgDir;
}

/**
 * `<into>` gets a package.json of its own: inside the repository's scope, `import 'videojs-media-collection'`
 * would resolve to the repository itself (Node's package self-reference), i.e. to whatever dist/ holds.
 */
export async function makeAppScope(into) {
  await mkdir(into, { recursive: true });
  await writeFile(path.join(into, 'package.json'), '{ "name": "bench-size-app", "private": true }\n');
}
