// Each bench spec writes its figures to bench-results/parts/<name>.json; e2e/bench/run.mjs joins them
// with the Node-side figures into one table.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PARTS_DIR = path.resolve(import.meta.dirname, '../../../bench-results/parts');

export function writePart(name: string, data: unknown): void {
  mkdirSync(PARTS_DIR, { recursive: true });
  writeFileSync(path.join(PARTS_DIR, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
}

/** URL under which the demo's Vite server serves a file of this repository (its fs.allow is the repo). */
export const served = (fromRepoRoot: string): string =>
  `/@fs${path.resolve(import.meta.dirname, '../../..', fromRepoRoot)}`;

/** Nearest-rank percentile; null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? null;
}

export const spread = (values: readonly number[]) => ({
  n: values.length,
  p50: percentile(values, 50),
  p99: percentile(values, 99),
  max: values.length > 0 ? Math.max(...values) : null,
});

/** Repetitions of the real-time measurements (each 60 s of playback); BENCH_REPS overrides. */
export const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 3));
