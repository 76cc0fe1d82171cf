// Table rows for the figures measured in Chromium around storage: outbox and memory (items 5–6).
import { check, MISSING, ms, sec, signed } from './format.mjs';

export function outboxRows({ outbox, recovery }) {
  if (!outbox) return [['5 Outbox', ...MISSING]];
  const floor = outbox.floorMsPerRequest;
  const rows = [['5 Outbox, to the emulator on loopback', '', '', '']];
  for (const q of outbox.queues) {
    const drains = q.drains.map((d) => sec(d.ms)).join(' / ');
    const thousand = q.drains.find((d) => d.size === 1_000);
    const e = q.expired;
    const oneBatch = e.reports.downloaded === 1 && e.downloaded === e.size - 1 && e.downloadedSessions === 1;
    rows.push(
      [
        `  ${q.label}: enqueue p50 / p99`,
        `${ms(q.enqueueMs.p50, 1)} / ${ms(q.enqueueMs.p99, 1)} ms`,
        '',
        '–',
      ],
      [
        `  ${q.label}: drain ${q.drains.map((d) => d.size).join(' / ')}`,
        `${drains} s`,
        '1 000 ≤ 2 s',
        check(thousand !== undefined && thousand.ms <= outbox.target.drain1000Ms),
      ],
      [
        `  ${q.label}: expired session, ${e.size} events`,
        `${e.requests} requests (1 × 410, ${e.reports.downloaded ?? 0} downloaded of ${e.downloadedEvents.join(', ')} events), ${ms(e.ms)} ms`,
        'one downloaded request',
        check(oneBatch),
      ],
    );
  }
  const sizes = outbox.queues[0]?.drains.map((d) => d.size) ?? [];
  rows.push([
    `  round-trip floor, same run: ${sizes.join(' / ')}`,
    `${sizes.map((n) => sec(n * floor.mean)).join(' / ')} s (${ms(floor.mean, 2)} ms/request, p99 ${ms(floor.p99, 1)})`,
    '',
    '–',
  ]);
  if (recovery) {
    rows.push([
      `  recovery after a server-side outage, playing: p50 / p95 (n ${recovery.n})`,
      `${sec(recovery.p50)} / ${sec(recovery.p95)} s`,
      'p95 ≤ 10 s',
      check(recovery.p95 !== null && recovery.p95 <= 10_000),
    ]);
  }
  return rows;
}

export function memoryRows({ heap, dispose }) {
  const rows = [['6 Memory', '', '', '']];
  if (heap) {
    const mb = (b) => (b / 1e6).toFixed(2);
    const p = heap.plugin;
    const b = heap.base;
    rows.push(
      [
        '  JS heap after 1 → 60 simulated min (page clock), plugin page',
        `${mb(p.heapAt[1])} → ${mb(p.heapAt[60])} MB (${signed(p.growth)} kB; without plugin ${signed(b.growth)} kB)`,
        '',
        '–',
      ],
      [
        '  of that, JS objects (the rest: V8 code, per-request records)',
        `${signed(p.growthByKind.js)} kB (without plugin ${signed(b.growthByKind.js)} kB)`,
        'no growth',
        check(p.growthByKind.js - b.growthByKind.js < 16_000),
      ],
    );
  } else rows.push(['  heap', ...MISSING]);
  if (dispose) {
    const { before, tracking, after } = dispose;
    const own = (c) => `${c.timers.plugin}/${c.listeners.plugin}/${c.playerHandlers.plugin}`;
    const page = (c) => `${c.timers.all}/${c.listeners.all}/${c.jsEventListeners}`;
    rows.push(
      [
        "  plugin's timers/DOM listeners/video.js handlers: tracking → disposed",
        `${own(tracking)} → ${own(after)}`,
        '0 after dispose',
        check(after.timers.plugin + after.listeners.plugin + after.playerHandlers.plugin === 0),
      ],
      [
        '  page timers/listeners/JSEventListeners: before plugin → after dispose',
        `${page(before)} → ${page(after)}`,
        'back to baseline',
        '–',
      ],
    );
  } else rows.push(['  dispose', ...MISSING]);
  return rows;
}
