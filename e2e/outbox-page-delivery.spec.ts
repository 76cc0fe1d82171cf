// Delivery belongs to the page (docs/delivery.md#page-delivery): a disposed player's events still
// arrive while the page lives, two players share one outbox, and an outage ends fast for a session
// being played (docs/delivery.md#fast-recovery).
import type { Page } from '@playwright/test';
import { percentile } from './bench/support/results';
import { expect, TIMING, test, withEmulators } from './support/fixtures';
import {
  expectExact,
  printOutbox,
  recordPages,
  types,
  waitForDrain,
  waitFullyBuffered,
} from './support/outbox';
import { offlineSwitch } from './support/outbox-offline';
import { currentTime, openHarness, startPlayback } from './support/player';
import { recoveryMs } from './support/recovery';

/** Counts the page's opens of the outbox's database (init script: before any module runs). */
function countOutboxOpens() {
  const open = IDBFactory.prototype.open;
  const w = window as unknown as { __outboxOpens: number };
  w.__outboxOpens = 0;
  IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
    if (name === 'videojs-media-collection') w.__outboxOpens += 1;
    return version === undefined ? open.call(this, name) : open.call(this, name, version);
  };
}

const disposePlayer = (page: Page) => page.evaluate(() => window.player.dispose());

for (const cut of ['collector refused at the server', 'browser offline'] as const) {
  test(`disposed during an outage (${cut}): sessionEnd and every earlier event arrive once the collector is back`, async ({
    browserName,
    context,
    page,
    collector,
  }) => {
    test.setTimeout(90_000);
    const net = cut === 'browser offline' ? await offlineSwitch(context, collector, browserName) : undefined;
    const recorded = recordPages(context);
    await openHarness(page, collector, { record: 1 });
    await waitFullyBuffered(page);
    await startPlayback(page);
    await waitForDrain(collector, recorded, { since: Date.now() });
    if (net) await net.set(true);
    else await collector.addFault({ refuse: true });
    await page.evaluate(() => window.player.pause());
    await page.waitForTimeout(500);
    await page.evaluate(() => window.player.play());
    await page.waitForTimeout(1_000);
    await disposePlayer(page);
    expect(types(await recorded.read()).at(-1), 'the disposed player ended its session').toBe('sessionEnd');
    // No player left on the page; a short outage, so the backoff's next try comes soon after it (a
    // session nobody plays any more waits the normal backoff: docs/delivery.md#fast-recovery).
    await page.waitForTimeout(4_000);
    const back = Date.now();
    if (net) await net.set(false);
    else await collector.clearFaults();
    const { audit, drainMs } = await waitForDrain(collector, recorded, { since: back, timeoutMs: 15_000 });
    printOutbox(`disposed-during-outage(${net ? net.mode : 'refused'})`, audit, drainMs);
    await expectExact(collector, audit);
    expect(drainMs).toBeLessThanOrEqual(15_000);
    expect((await collector.sessions()).map((s) => s.closed)).toEqual(['ended']);
  });
}

test('two players share one outbox; disposing one does not stop the other', async ({
  context,
  page,
  collector,
}) => {
  test.setTimeout(90_000);
  await context.addInitScript(countOutboxOpens);
  const recorded = recordPages(context);
  await openHarness(page, collector, { record: 1, players: 2 });
  await page.waitForFunction(() => typeof window.player2?.currentTime === 'function');
  const buttons = page.locator('.vjs-big-play-button');
  await buttons.nth(0).click();
  await buttons.nth(1).click();
  await expect.poll(() => currentTime(page)).toBeGreaterThan(0.3);
  await expect.poll(() => page.evaluate(() => window.player2?.currentTime() ?? 0)).toBeGreaterThan(0.3);
  await waitForDrain(collector, recorded, { since: Date.now() });
  expect(await page.evaluate(() => (window as unknown as { __outboxOpens: number }).__outboxOpens)).toBe(1);
  await disposePlayer(page);
  await page.waitForTimeout(1_000);
  // The second player goes on: a pause and a play, delivered by the same page delivery.
  await page.evaluate(() => window.player2?.pause());
  await page.waitForTimeout(400);
  await page.evaluate(() => window.player2?.play());
  const since = Date.now();
  await page.waitForTimeout(400);
  const { audit } = await waitForDrain(collector, recorded, { since });
  printOutbox('two-players-one-outbox', audit);
  await expectExact(collector, audit);
  const sessions = await collector.sessions();
  expect(sessions).toHaveLength(2);
  const ended = sessions.find((s) => s.events.some((e) => e.event.eventType === 'sessionEnd'))!;
  const endedAt = ended.events.find((e) => e.event.eventType === 'sessionEnd')!.receivedAt;
  const other = sessions.find((s) => s !== ended)!;
  expect(
    other.events.filter((e) => e.receivedAt > endedAt).map((e) => e.event.eventType),
    'the second player delivered after the first was disposed',
  ).toEqual(expect.arrayContaining(['pauseStart', 'play']));
  expect(await page.evaluate(() => (window as unknown as { __outboxOpens: number }).__outboxOpens)).toBe(1);
});

test(
  'recovery after a server-side outage, while playing: first accepted event within 10 s (p95)',
  TIMING,
  async ({ browser }) => {
    test.setTimeout(150_000);
    // Outages of different lengths catch the backoff at different points of its steps. The five run at
    // once, each in a context and with a collector of its own (no earlier page's sessions to adopt, a
    // fault that cuts only its own page), so the test lasts the longest outage, not their sum.
    const OUTAGES_MS = [18_000, 21_000, 24_000, 27_000, 30_000];
    const recoveries = await withEmulators(OUTAGES_MS.length, (collectors) =>
      Promise.all(
        OUTAGES_MS.map(async (outage, n) => {
          const collector = collectors[n]!;
          const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
          try {
            const page = await context.newPage();
            await openHarness(page, collector, {});
            await startPlayback(page);
            await page.evaluate(() => window.player.playbackRate(0.5)); // the 30 s content outlasts the outage
            await page.waitForTimeout(1_000);
            return await recoveryMs(page, collector, outage);
          } finally {
            await context.close();
          }
        }),
      ),
    );
    const p50 = percentile(recoveries, 50);
    const p95 = percentile(recoveries, 95);
    console.log(`METRIC recovery-ms ${JSON.stringify(recoveries)} p50=${p50} p95=${p95}`);
    expect(p95).toBeLessThanOrEqual(10_000);
  },
);
