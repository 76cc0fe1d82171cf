// `npm run bench`: every figure of docs/benchmarks.md (items 1–6) in one run, printed as a table and
// written to bench-results/bench.json. Node measures size and core throughput; Playwright
// (e2e/bench/*.bench.ts, Chromium) measures main thread, timing, outbox and memory and leaves its figures
// in bench-results/parts.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildCore } from './core/build.mjs';
import { measureCore } from './core/throughput.mjs';
import { OUT_DIR, PARTS_DIR, RESULT_JSON, ROOT } from './lib/paths.mjs';
import { formatTable, tableRows } from './lib/table.mjs';
import { measureSizes, pluginBySourceFolder, sizeWorkDir } from './size/measure.mjs';

const started = Date.now();
const loadBefore = os.loadavg()[0];
const log = (message) => console.error(`bench: ${message} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

// Ports of the bench's own, so it never shares a collector with a test run on the same machine.
process.env.DEMO_PORT ??= '5193';
process.env.COLLECTOR_PORT ??= '8807';

async function readPart(name) {
  const file = path.join(PARTS_DIR, `${name}.json`);
  return existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : undefined;
}

function gitState() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return `${commit}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

await rm(PARTS_DIR, { recursive: true, force: true });
await mkdir(PARTS_DIR, { recursive: true });

log('1/3 size: building the plugin and the Vite apps');
const size = await measureSizes(sizeWorkDir(OUT_DIR));
size.pluginBySourceFolder = await pluginBySourceFolder(sizeWorkDir(OUT_DIR));
const budget = JSON.parse(await readFile(path.join(ROOT, 'e2e/bench/size/budget.json'), 'utf8'));

log('2/3 core throughput in Node');
const core = measureCore(await import(await buildCore()));

log('3/3 Chromium: main thread (real time), timing, outbox, memory');
const playwright = spawnSync(
  'npx',
  ['playwright', 'test', '-c', 'e2e/bench/playwright.bench.config.ts', ...process.argv.slice(2)],
  { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: process.env },
);

const results = {
  env: {
    date: new Date().toISOString(),
    commit: gitState(),
    node: process.version,
    chromium: (await readPart('env'))?.chromium ?? 'unknown',
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    // The machine is shared: a load above the core count means other work competed with the bench.
    loadAverage: { before: loadBefore, after: os.loadavg()[0] },
  },
  budget,
  size,
  core,
  main: await readPart('main-thread'),
  fg: await readPart('timing-foreground'),
  hidden: await readPart('timing-hidden'),
  outbox: await readPart('outbox'),
  recovery: await readPart('recovery'),
  heap: await readPart('memory-heap'),
  dispose: await readPart('memory-dispose'),
};
const table = formatTable(tableRows(results));
const { env } = results;
const reps = results.main?.reps ?? '?';
const heading = [
  `videojs-media-collection bench, ${env.date} (${env.commit})`,
  `Node ${env.node}, Chromium ${env.chromium}, ${env.cpus}, load average ${env.loadAverage.before.toFixed(1)} → ${env.loadAverage.after.toFixed(1)}`,
  `Repetitions: size 1 (deterministic build), core ${core.reps}, real-time playback ${reps}; took ${Math.round((Date.now() - started) / 1000)} s`,
];
await writeFile(RESULT_JSON, `${JSON.stringify({ ...results, table: table.split('\n') }, null, 2)}\n`);
console.log(`\n${heading.join('\n')}\n\n${table}\n\nJSON: ${path.relative(ROOT, RESULT_JSON)}`);
if (playwright.status !== 0) {
  console.error('bench: some Chromium measurements failed; their rows say "not measured".');
  process.exit(1);
}
