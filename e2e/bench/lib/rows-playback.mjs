// Table rows for the figures measured in Chromium during playback: main thread and timing (items 3–4).
import { check, MISSING, ms, sec } from './format.mjs';
import { median } from './stats.mjs';

export function mainThreadRows({ main }) {
  if (!main) return [['3 Main thread', ...MISSING]];
  const perMinute = (v) => (v * 60_000) / main.playMs;
  const base = median(main.runs.map((r) => perMinute(r.scriptMs.base)));
  const plugin = median(main.runs.map((r) => perMinute(r.scriptMs.plugin)));
  const ratio = median(main.runs.map((r) => r.scriptMs.plugin / r.scriptMs.base));
  const added = median(main.runs.map((r) => perMinute(r.scriptMs.plugin - r.scriptMs.base)));
  const sum = (pick) => main.runs.reduce((total, r) => total + pick(r), 0);
  const attributed = sum((r) => r.longFramesWithPluginScripts);
  return [
    [
      `3 Main thread in Chromium, ${main.playMs / 1000} s playback × ${main.reps}, pages side by side`,
      '',
      '',
      '',
    ],
    [
      '  script time without → with plugin (CPU, median)',
      `${ms(base)} → ${ms(plugin)} ms/min (× ${ratio.toFixed(2)})`,
      'negligible',
      '–',
    ],
    [
      "  plugin's script time per minute of playback",
      `${added >= 0 ? '+' : ''}${ms(added)} ms (${((added / 60_000) * 100).toFixed(2)} % of a core)`,
      'negligible',
      '–',
    ],
    [
      '  long tasks ≥ 50 ms without / with; long frames with plugin scripts',
      `${sum((r) => r.longTasks.base)} / ${sum((r) => r.longTasks.plugin)}; ${attributed}`,
      'none caused by the plugin',
      check(attributed === 0),
    ],
  ];
}

export function timingRows({ fg, hidden }) {
  const rows = [['4 Timing (ping interval 10 s)', '', '', '']];
  if (fg) {
    const lag = fg.arrivalLagMs;
    rows.push(
      [
        `  foreground: arrival − ts, p50 / p99 / max (n = ${lag.n})`,
        `${ms(lag.p50)} / ${ms(lag.p99)} / ${ms(lag.max)} ms`,
        'p99 ≤ 50 ms',
        check(lag.n > 0 && lag.p99 <= fg.target.p99Ms),
      ],
      [
        '  foreground: of which timer (emitted − ts) / delivery, p50 / p99',
        `${ms(fg.emitLagMs.p50)} / ${ms(fg.emitLagMs.p99)} ms; ${ms(fg.deliveryMs?.p50)} / ${ms(fg.deliveryMs?.p99)} ms`,
        '',
        '–',
      ],
      [
        '  foreground: ts − grid max; missing; out of order',
        `${ms(fg.tsGridErrorMs.max)} ms; ${fg.missing}; ${fg.outOfOrder}`,
        'on the grid, in order',
        check(fg.tsGridErrorMs.max <= 1 && fg.missing === 0 && fg.outOfOrder === 0),
      ],
    );
  } else rows.push(['  foreground', ...MISSING]);
  if (hidden) {
    const onGrid =
      hidden.hiddenPings === hidden.expectedHiddenPings &&
      hidden.missingOnGrid === 0 &&
      hidden.duplicates === 0 &&
      hidden.tsGridErrorMaxMs <= 1 &&
      hidden.playheadErrorMaxMs <= 5;
    const alive =
      hidden.sessions === 1 &&
      hidden.sessionClosed === 'open' &&
      hidden.sessionEnds === 0 &&
      hidden.refused === 0 &&
      hidden.outOfOrder === 0;
    rows.push(
      [
        `  hidden ${Math.round(hidden.simulatedHiddenMs / 60_000)} min emulated: pings on grid; ts / playhead error`,
        `${hidden.hiddenPings}/${hidden.expectedHiddenPings}; ${hidden.tsGridErrorMaxMs} ms / ${hidden.playheadErrorMaxMs} ms`,
        'every ping, true ts and playhead',
        check(onGrid),
      ],
      [
        '  hidden: session; refused; order; longest silence',
        `${hidden.sessionClosed}, ${hidden.sessionEnds} sessionEnd; ${hidden.refused}; ${hidden.outOfOrder} out of order; ${sec(hidden.longestSilenceMs)} s`,
        'no expiry, order kept',
        check(alive),
      ],
    );
  } else rows.push(['  hidden tab', ...MISSING]);
  return rows;
}
