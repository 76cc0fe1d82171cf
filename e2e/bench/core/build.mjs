// Bundles core-entry.ts (and the rxjs it uses) into one ESM file Node can import.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { OUT_DIR } from '../lib/paths.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function buildCore() {
  const outDir = path.join(OUT_DIR, 'core');
  await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      lib: { entry: path.join(here, 'core-entry.ts'), formats: ['es'], fileName: () => 'core.mjs' },
    },
  });
  return path.join(outDir, 'core.mjs');
}
