// The offline outbox (docs/outbox.md) in a real browser on the real IndexedDB: faults of the connection
// and of the collector, asserted on what the emulator received against what the page produced.
// Every scenario prints `OUTBOX <browser> <scenario> lost= dup= disorder= drainMs=`.
import { expect, test } from './support/fixtures';
import {
  codes,
  expectExact,
  pauseAndPlay,
  printOutbox,
  recordPages,
  storedEvents,
  waitForDrain,
  waitFullyBuffered,
} from './support/outbox';
import { openHarness, startPlayback } from './support/player';

test('offline before the first play: everything queued in IndexedDB, delivered in order once online', async ({
  context,
  page,
  collector,
}) => {
  const recorded = recordPages(context);
  await openHarness(page, collector, { record: 1 });
  await waitFullyBuffered(page);
  await context.setOffline(true);
  await startPlayback(page);
  await pauseAndPlay(page);
  expect(await storedEvents(page)).toBe((await recorded.read()).produced.length);
  expect((await collector.report()).requests, 'requests that reached the collector while offline').toBe(0);
  const since = Date.now();
  await context.setOffline(false);
  const { audit, drainMs } = await waitForDrain(collector, recorded, { since });
  printOutbox('offline-before-first-play', audit, drainMs);
  await expectExact(collector, audit);
  await expect.poll(() => storedEvents(page)).toBe(0);
});

/** A small seeded generator, so a flapping run can be replayed. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

// Each flap fires `online`, whose rescan read used to race the next append: aborting a read that had
// just finished threw, the append never settled, and the queue stalled (fixed in idb-store/writer).
test('a flapping connection: nothing lost, nothing twice, in order', async ({ context, page, collector }) => {
  test.setTimeout(60_000);
  const recorded = recordPages(context);
  await openHarness(page, collector, { record: 1 });
  await waitFullyBuffered(page);
  await startPlayback(page);
  const random = seeded(7);
  let offline = false;
  for (const until = Date.now() + 8_000; Date.now() < until; ) {
    offline = !offline;
    await context.setOffline(offline);
    await pauseAndPlay(page, 100 + random() * 300);
    await page.waitForTimeout(random() * 1_000);
  }
  const since = Date.now();
  await context.setOffline(false);
  const { audit, drainMs } = await waitForDrain(collector, recorded, { since, timeoutMs: 40_000 });
  printOutbox('flapping', audit, drainMs);
  await expectExact(collector, audit);
});

test('a 5xx storm: the same event retried with backoff, order kept, nothing dropped', async ({
  context,
  page,
  collector,
}) => {
  const recorded = recordPages(context);
  await openHarness(page, collector, { record: 1 });
  await startPlayback(page);
  await collector.addFault({ status: 503, forMs: 6_000 });
  const since = Date.now() + 6_000;
  for (let i = 0; i < 3; i++) await pauseAndPlay(page);
  const { audit, drainMs } = await waitForDrain(collector, recorded, { since, timeoutMs: 40_000 });
  printOutbox('5xx-storm', audit, drainMs);
  await expectExact(collector, audit);
  expect((await collector.report()).faulted.length).toBeGreaterThan(0);
  expect(codes(await recorded.read())).toEqual([]);
});

test('429 with Retry-After: the next try waits at least that long', async ({ context, page, collector }) => {
  const recorded = recordPages(context);
  await openHarness(page, collector, { record: 1 });
  await startPlayback(page);
  await waitForDrain(collector, recorded, { since: Date.now() });
  await collector.addFault({ status: 429, retryAfter: 3, times: 1, match: 'events' });
  const since = Date.now();
  await pauseAndPlay(page);
  const { audit, drainMs } = await waitForDrain(collector, recorded, { since, timeoutMs: 20_000 });
  printOutbox('429-retry-after', audit, drainMs);
  await expectExact(collector, audit);
  const r = await collector.report();
  const [refused] = r.faulted;
  const after = r.sessions.flatMap((s) => s.events).filter((e) => e.receivedAt > (refused?.receivedAt ?? 0));
  expect(refused?.status).toBe(429);
  expect(Math.min(...after.map((e) => e.receivedAt)) - refused!.receivedAt).toBeGreaterThanOrEqual(3_000);
});

test('a 400 poison event: dropped and reported, everything else delivered', async ({
  context,
  page,
  collector,
}) => {
  const recorded = recordPages(context);
  await openHarness(page, collector, { record: 1 });
  await startPlayback(page);
  await waitForDrain(collector, recorded, { since: Date.now() });
  await collector.addFault({ status: 400, times: 1, match: 'events', body: { message: 'poison' } });
  const since = Date.now();
  await pauseAndPlay(page);
  await pauseAndPlay(page);
  const { audit, drainMs } = await waitForDrain(collector, recorded, { since });
  printOutbox('400-poison', audit, drainMs);
  await expectExact(collector, audit);
  expect(audit.dropped).toBe(1);
  expect((await recorded.read()).errors).toEqual([
    expect.objectContaining({ code: 'MC_EVENT_DROPPED', status: 400, message: 'poison' }),
  ]);
});

test('offline longer than the session idle timeout: one downloaded batch, the view goes on in a new session', async ({
  context,
  page,
  collector,
}) => {
  await collector.setConfig({ idleTimeoutMs: 4_000 });
  const recorded = recordPages(context);
  await openHarness(page, collector, { record: 1 });
  await waitFullyBuffered(page);
  await startPlayback(page);
  await waitForDrain(collector, recorded, { since: Date.now() });
  await context.setOffline(true);
  await pauseAndPlay(page);
  await page.waitForTimeout(4_500);
  const since = Date.now();
  await context.setOffline(false);
  // The view's new session is produced when the page hears that the old one is gone. A drain poll can
  // read the page's record just before that and the collector just after the batch landed, and call it
  // drained without the new session (1 of 20 runs in Chromium: 6 events produced instead of 10, and no
  // resumed session). Its arrival comes first; a page that never resumes fails here.
  const resumedLive = async () => (await collector.sessions()).filter((s) => !s.downloaded && s.resume);
  await expect
    .poll(async () => (await resumedLive()).length, { message: 'a resumed live session', timeout: 15_000 })
    .toBeGreaterThan(0);
  const { audit, drainMs } = await waitForDrain(collector, recorded, { since });
  printOutbox('offline-past-idle-timeout', audit, drainMs);
  await expectExact(collector, audit);
  const all = await collector.sessions();
  const batches = all.filter((s) => s.downloaded);
  expect(batches).toHaveLength(1);
  const batch = batches[0]!.events.map((e) => e.event);
  expect([batch[0]?.eventType, batch[0]?.params?.['media.resume'], batch.at(-1)?.eventType]).toEqual([
    'sessionStart',
    true,
    'sessionEnd',
  ]);
  expect(await resumedLive(), 'the live view continues on one new session').toHaveLength(1);
});
