// One app build the way a site builds with Vite: production mode, tree-shaken, minified, one entry.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';
import { splitByPackage } from './attribute.mjs';

/** gzip -9 and brotli -q 11: how the peers measure the sizes they publish. */
export const compressed = (text) => {
  const bytes = Buffer.from(text);
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

/**
 * What a page downloads before anything is imported dynamically: the entry chunk and every chunk it
 * imports statically, transitively. Chunks reached only through `import()` (the plugin's ad chunk,
 * loaded only where the player has an ad stack) are left out.
 */
export function eagerChunks(chunks) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set();
  const visit = (chunk) => {
    if (!chunk || seen.has(chunk)) return;
    seen.add(chunk);
    for (const name of chunk.imports ?? []) visit(byName.get(name));
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk);
  return [...seen];
}

/**
 * Builds `code` as the entry of an app in `workDir` (whose node_modules may hold a package under test)
 * and returns every JS chunk's sizes and, for all chunks together, the text each npm package contributed.
 */
export async function bundleApp(workDir, id, code, { alias, ownerOf } = {}) {
  const appDir = path.join(workDir, 'apps');
  await mkdir(appDir, { recursive: true });
  const entry = path.join(appDir, `${id}.js`);
  await writeFile(entry, code);
  const result = await build({
    configFile: false,
    root: appDir,
    logLevel: 'silent',
    mode: 'production',
    ...(alias ? { resolve: { alias } } : {}),
    build: {
      write: false,
      minify: true,
      sourcemap: 'hidden',
      rollupOptions: { input: entry },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunks = outputs.filter((o) => o.type === 'chunk');
  const byPackage = new Map();
  for (const chunk of chunks) {
    for (const [owner, text] of splitByPackage(chunk.code, chunk.map, ownerOf)) {
      byPackage.set(owner, (byPackage.get(owner) ?? '') + text);
    }
  }
  // Compressed per chunk, as the browser downloads them.
  const sum = (list) =>
    list
      .map((c) => compressed(c.code))
      .reduce((a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }));
  // Each chunk only `import()` reaches, by its name (`ad-stacks`, `edge-protocol`: the Edge's code, loaded
  // only by a tracker with `api: 'edge'`), so the bench can print what each capability costs when used.
  const eager = eagerChunks(chunks);
  const lazy = chunks
    .filter((c) => !eager.includes(c))
    .map((c) => ({ name: c.name.replace(/-[\w-]{8}$/, ''), ...compressed(c.code) }));
  return { chunks: chunks.length, total: sum(chunks), eager: sum(eager), lazy, byPackage };
}
