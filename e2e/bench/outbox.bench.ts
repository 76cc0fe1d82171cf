// Item 5: enqueue cost and drain time of the delivery path to the emulator on loopback, next to the
// round-trip floor measured in the same page, for the IndexedDB outbox the plugin uses and for the
// memory queue (the same sender without storage). The page module is page/outbox-bench.ts.
import { test } from '../support/fixtures';
import { openHarness, startPlayback } from '../support/player';
import { recoveryMs } from '../support/recovery';
import type { DrainResult, QueueKind } from './page/outbox-bench';
import { percentile, served, spread, writePart } from './support/results';

const MODULE = served('e2e/bench/page/outbox-bench.ts');
const SIZES = [100, 1_000, 10_000];
const EXPIRED_SIZE = 1_000;
const KINDS: QueueKind[] = ['outbox', 'memory'];

test('outbox enqueue and drain', async ({ page, collector }) => {
  test.setTimeout(480_000);
  await openHarness(page, collector, { noplugin: 1 });
  const call = <R>(fn: string, ...args: unknown[]) =>
    page.evaluate(
      async ({ url, fn, args }) => {
        const bench = (await import(url)) as Record<string, (...a: unknown[]) => unknown>;
        return bench[fn]!(...args);
      },
      { url: MODULE, fn, args },
    ) as Promise<R>;

  const floorSid = await call<string>('createSession');
  const floorMs = await call<number[]>('roundTrips', floorSid, 300);
  const floorPerRequest = floorMs.reduce((a, b) => a + b, 0) / floorMs.length;

  const queues = [];
  for (const kind of KINDS) {
    const enqueue = await call<{ label: string; ms: number[] }>('enqueueCost', kind, 1_000);
    const drains = [];
    for (const size of SIZES) {
      const result = await call<DrainResult>('drain', kind, size);
      drains.push({ size, ...result, floorMs: size * floorPerRequest });
    }
    // An expired session: its sessionStart went out, then the collector forgot it (410 on the next
    // event); everything still queued must leave as one /api/v1/downloaded request.
    await collector.reset();
    const sid = await call<string>('createSession');
    await collector.expire(sid);
    const expired = await call<DrainResult>('drain', kind, EXPIRED_SIZE, sid);
    const downloadedSessions = (await collector.sessions()).filter((s) => s.downloaded);
    queues.push({
      kind,
      label: enqueue.label,
      enqueueMs: { ...spread(enqueue.ms), mean: enqueue.ms.reduce((a, b) => a + b, 0) / enqueue.ms.length },
      drains,
      expired: {
        size: EXPIRED_SIZE,
        ...expired,
        downloadedSessions: downloadedSessions.length,
        downloadedEvents: downloadedSessions.map((s) => s.events.length),
      },
    });
  }
  writePart('outbox', {
    floorMsPerRequest: { mean: floorPerRequest, ...spread(floorMs) },
    queues,
    target: { drain1000Ms: 2_000, expiredRequests: 'one downloaded request' },
  });
});

// docs/delivery.md#fast-recovery: a server-side outage (no `online` event) while a session plays; the
// time from the collector's return to the first event it accepts, over outages of different lengths.
test('recovery after a server-side outage', async ({ browser, collector }) => {
  test.setTimeout(400_000);
  const outagesMs = [18_000, 21_000, 24_000, 27_000, 30_000];
  const recoveries: number[] = [];
  for (const outage of outagesMs) {
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const page = await context.newPage();
    await collector.reset();
    await openHarness(page, collector, {});
    await startPlayback(page);
    await page.evaluate(() => window.player.playbackRate(0.5)); // the 30 s content outlasts the outage
    await page.waitForTimeout(1_000);
    recoveries.push(await recoveryMs(page, collector, outage));
    await context.close();
  }
  writePart('recovery', { outagesMs, recoveries, ...spread(recoveries), p95: percentile(recoveries, 95) });
});
