// Table rows for the figures measured in Node: size (item 1) and core throughput (item 2).
import { check, kB, MISSING } from './format.mjs';

export function sizeRows({ size, budget }) {
  if (!size) return [['1 Size', ...MISSING]];
  const row = (c, added = c.added) => `${kB(added.min)} / ${kB(added.gzip)} / ${kB(added.brotli)}`;
  const plugin = size.candidates.find((c) => c.id === 'plugin');
  const ratio = (c) => `ours ÷ theirs (gzip) = ${(plugin.added.gzip / c.added.gzip).toFixed(2)}`;
  const target = budget.targetAddedGzipBytes;
  return [
    ['1 Size: what a Vite app build of a video.js page adds, kB min / gzip / brotli', '', '', ''],
    [
      '  videojs-media-collection, no ads (main entry + what a page without an ad stack loads)',
      row(plugin, plugin.addedNoAds),
      `≤ ${kB(target)} gzip (npm test budget ${kB(budget.maxAddedGzipBytes)})`,
      check(plugin.addedNoAds.gzip <= target),
    ],
    ['  videojs-media-collection, with ads (+ the ad chunk)', row(plugin), '', '–'],
    ...(plugin.lazy ?? []).map((c) => [
      `    lazy chunk ${c.name}${c.name === 'edge-protocol' ? " (api: 'edge')" : ''}`,
      `${kB(c.min)} / ${kB(c.gzip)} / ${kB(c.brotli)}`,
      'loaded only when used',
      '–',
    ]),
    ...plugin.breakdown.groups.map((g) => [
      `    ${g.name === 'rxjs' ? 'rxjs (+tslib)' : g.name}`,
      `${kB(g.min)} / ${kB(g.gzip)} / ${kB(g.brotli)}`,
      `alone: ${kB(g.alone.gzip)} gzip`,
      '–',
    ]),
    [
      '    plugin by src/ folder, gzip alone',
      (size.pluginBySourceFolder ?? []).map((f) => `${f.folder} ${kB(f.gzip)}`).join(', '),
      '',
      '–',
    ],
    ...size.candidates.filter((c) => c.id !== 'plugin').map((c) => [`  ${c.label}`, row(c), ratio(c), '–']),
  ];
}

export function coreRows({ core }) {
  if (!core) return [['2 Core', ...MISSING]];
  const rate = core.signalsPerSecond;
  const m = (v) => (v / 1e6).toFixed(2);
  return [
    [`2 Core throughput in Node (${core.reps} repetitions)`, '', '', ''],
    [
      '  player signals per CPU second through reduce(), scripted viewing hour',
      `${m(rate.median)} M/s (${m(rate.min)}–${m(rate.max)})`,
      '≥ 1 M/s',
      check(rate.median >= core.target.signalsPerSecond),
    ],
    [
      '  CPU cost per timeupdate, reduce()',
      `${(core.reduceNsPerTimeupdate.median / 1000).toFixed(2)} µs`,
      '',
      '–',
    ],
    [
      '  CPU cost per timeupdate, tracking() (rxjs, timer re-armed)',
      `${(core.trackingNsPerTimeupdate.median / 1000).toFixed(2)} µs`,
      '',
      '–',
    ],
  ];
}
