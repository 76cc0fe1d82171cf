// The size gate run by `npm test`: fails when the plugin adds more min+gzip to a Vite app than its
// budget (size/budget.json). Builds from src/ the way `npm run build` publishes it, in bench-results/.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT_DIR } from '../lib/paths.mjs';
import { measureSizes, sizeWorkDir } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const budget = JSON.parse(await readFile(path.join(here, 'budget.json'), 'utf8'));
const { candidates } = await measureSizes(sizeWorkDir(OUT_DIR, 'size-gate'), ['plugin']);
const { added, addedNoAds, breakdown, lazy } = candidates[0];
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
// Lazy chunks: not in the gate (a page loads each only when it uses it), printed so each stays visible.
const chunks = lazy.map((c) => `${c.name} ${kB(c.gzip)}`).join(', ');
const parts = breakdown.groups.map((g) => `${g.name} ${kB(g.gzip)}`).join(', ');
// The gate is on what a page without ads downloads; the ad chunk loads only where an ad stack is.
const verdict = `the plugin adds ${kB(addedNoAds.gzip)} min+gzip to a Vite app without ads, ${kB(added.gzip)} with ads (${parts}); budget ${kB(budget.maxAddedGzipBytes)} (no ads), target ${kB(budget.targetAddedGzipBytes)}`;
if (addedNoAds.gzip > budget.maxAddedGzipBytes) {
  console.error(`size budget exceeded: ${verdict}.`);
  console.error(
    'Cut the growth, or, only if it is worth its bytes, raise e2e/bench/size/budget.json and say why.',
  );
  process.exit(1);
}
console.log(`size ok: ${verdict}.`);
console.log(`lazy chunks, min+gzip each: ${chunks}; with api 'edge' a page loads edge-protocol too.`);
