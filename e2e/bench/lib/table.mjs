// Turns the bench results into the printed table: one row per figure, with its target and a verdict
// (✓ met, ✗ missed, – no target). A part that did not run shows as "not measured", never as a pass.

import { coreRows, sizeRows } from './rows-node.mjs';
import { mainThreadRows, timingRows } from './rows-playback.mjs';
import { memoryRows, outboxRows } from './rows-storage.mjs';

/** All rows, as [figure, measured, target, verdict]. */
export const tableRows = (results) => [
  ...sizeRows(results),
  ...coreRows(results),
  ...mainThreadRows(results),
  ...timingRows(results),
  ...outboxRows(results),
  ...memoryRows(results),
];

/** Fixed-width text, the first column padded to its longest entry. */
export function formatTable(rows) {
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const header = ['figure', 'measured', 'target', ''];
  const line = (r) =>
    r
      .map((cell, i) => (i < 3 ? String(cell).padEnd(widths[i]) : cell))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w)).concat('-')), ...rows.map(line)].join('\n');
}
