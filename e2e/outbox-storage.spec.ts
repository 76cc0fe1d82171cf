// When IndexedDB cannot keep the queue (docs/outbox.md#memory-fallback: quota errors and a missing IndexedDB
// fall back to memory and are reported), and how fast a queue of 1,000 events drains to the emulator on
// loopback.
import type { Page } from '@playwright/test';
import { expect, TIMING, test } from './support/fixtures';
import {
  expectExact,
  pauseAndPlay,
  printOutbox,
  type Recorder,
  recordPages,
  storedEvents,
  waitForDrain,
  waitFullyBuffered,
} from './support/outbox';
import { openHarness, startPlayback } from './support/player';

const fallbacks = async (recorder: Recorder) =>
  (await recorder.read()).errors.filter((e) => e.code === 'MC_STORAGE_FALLBACK').map((e) => e.reason);

/** Plays, delivers the start, then produces `rounds` pause/play pairs while offline. */
async function offlineBacklog(page: Page, rounds: number) {
  await page.context().setOffline(true);
  for (let i = 0; i < rounds; i++) await pauseAndPlay(page, 200);
}

test('quota exceeded: the outbox keeps events in memory, says so, and loses nothing', async ({
  browserName,
  context,
  page,
  collector,
}) => {
  test.skip(browserName !== 'chromium', 'Storage.overrideQuotaForOrigin is a Chromium DevTools command');
  const recorded = recordPages(context);
  // Chromium applies the override to IndexedDB connections opened after it (measured; a page that
  // already has its connection keeps writing), so the origin is full before the page opens it.
  const cdp = await context.newCDPSession(page);
  const origin = new URL(test.info().project.use.baseURL ?? '').origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await openHarness(page, collector, { record: 1 });
  await waitFullyBuffered(page);
  await startPlayback(page);
  await waitForDrain(collector, recorded, { since: Date.now() });
  await offlineBacklog(page, 3);
  expect(await fallbacks(recorded)).toEqual(['quota']);
  expect(await storedEvents(page)).toBe(0); // every event is in memory
  const since = Date.now();
  await context.setOffline(false);
  const { audit, drainMs } = await waitForDrain(collector, recorded, { since });
  printOutbox('quota-exceeded', audit, drainMs);
  await expectExact(collector, audit);
});

for (const how of ['missing', 'failing'] as const) {
  test(`IndexedDB ${how}: events kept in memory, reported, delivered`, async ({
    context,
    page,
    collector,
  }) => {
    await context.addInitScript((kind) => {
      if (kind === 'missing') {
        Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
        return;
      }
      // Firefox private windows before 115: open() fails with InvalidStateError
      // (docs/browsers.md#connection-drops-and-hanging-opens).
      IDBFactory.prototype.open = function open() {
        const request = {
          error: new DOMException('A mutation operation was attempted.', 'InvalidStateError'),
        };
        setTimeout(() => (request as { onerror?: () => void }).onerror?.(), 0);
        return request as unknown as IDBOpenDBRequest;
      };
    }, how);
    const recorded = recordPages(context);
    await openHarness(page, collector, { record: 1 });
    await waitFullyBuffered(page);
    await startPlayback(page);
    await offlineBacklog(page, 2);
    expect(await fallbacks(recorded)).toEqual(['unavailable']);
    const since = Date.now();
    await context.setOffline(false);
    const { audit, drainMs } = await waitForDrain(collector, recorded, { since });
    printOutbox(`indexeddb-${how}`, audit, drainMs);
    await expectExact(collector, audit);
  });
}

test(
  'drains 1,000 queued events to the emulator on loopback',
  TIMING,
  async ({ context, page, collector }) => {
    test.setTimeout(120_000);
    const recorded = recordPages(context);
    await openHarness(page, collector, { record: 1 });
    await waitFullyBuffered(page);
    await startPlayback(page);
    await page.evaluate(() => window.player.pause());
    await waitForDrain(collector, recorded, { since: Date.now() });
    const before = (await recorded.read()).produced.length;
    await context.setOffline(true);
    // 1,000 mute toggles: each one a stateStart or a stateEnd, real events from the tracker.
    await page.evaluate(async () => {
      for (let i = 0; i < 1_000; i++) {
        window.player.muted(!window.player.muted());
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    });
    await expect
      .poll(async () => (await recorded.read()).produced.length - before)
      .toBeGreaterThanOrEqual(1_000);
    await expect.poll(() => storedEvents(page)).toBeGreaterThanOrEqual(1_000);
    const since = Date.now();
    await context.setOffline(false);
    const { audit, drainMs } = await waitForDrain(collector, recorded, { since, timeoutMs: 100_000 });
    printOutbox('drain-1000', audit, drainMs);
    await expectExact(collector, audit);
    console.log(`METRIC ${test.info().project.name} drain-1000-events-ms ${drainMs}`);
  },
);
