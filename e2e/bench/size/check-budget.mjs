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
const { added, breakdown } = candidates[0];
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const parts = breakdown.groups.map((g) => `${g.name} ${kB(g.gzip)}`).join(', ');
const verdict = `the plugin adds ${kB(added.gzip)} min+gzip to a Vite app (${parts}); budget ${kB(budget.maxAddedGzipBytes)}, target ${kB(budget.targetAddedGzipBytes)}`;
if (added.gzip > budget.maxAddedGzipBytes) {
  console.error(`size budget exceeded: ${verdict}.`);
  console.error(
    'Cut the growth, or, only if it is worth its bytes, raise e2e/bench/size/budget.json and say why.',
  );
  process.exit(1);
}
console.log(`size ok: ${verdict}.`);
