// Item 6: the JS heap after 60 simulated minutes of playback against after 1 minute (page.clock, the
// media timeline following it), with and without the plugin; then, on a page whose plugin was attached
// after load, the timers and listeners alive before the plugin, while it tracks, and after dispose.
import type { Page } from '@playwright/test';
import { type Collector, waitForEvents } from '../support/collector';
import { test } from '../support/fixtures';
import { openHarness, startPlayback } from '../support/player';
import { heapAfterGc, openCdp, readMetrics } from './support/cdp';
import { type HeapByKind, heapByKind } from './support/heap-snapshot';
import { installClockMedia } from './support/init-clock-media';
import { installLedger } from './support/init-ledger';
import { served, writePart } from './support/results';

/** Simulated minutes at which the heap is read. */
const CHECKPOINTS = [1, 10, 30, 45, 60];

/**
 * Plays `minutes` of simulated time in 10 s wake-ups (one per ping), letting the page deliver between
 * them. fastForward, not runFor: runFor replays every animation frame (~5 s of real time per simulated
 * 10 s here), which would make an hour take half an hour.
 */
async function play(page: Page, minutes: number, plugin: boolean) {
  for (let i = 0; i < minutes * 6; i++) {
    await page.clock.fastForward(10_000);
    if (plugin) await page.evaluate(() => (window.tracker as { flush(): Promise<void> }).flush());
  }
}

async function heapRun(page: Page, collector: Collector, plugin: boolean) {
  await page.clock.install({ time: Date.now() });
  await page.addInitScript(installClockMedia);
  await openHarness(page, collector, plugin ? { ping: 10 } : { noplugin: 1 });
  await startPlayback(page);
  await page.evaluate(() => window.player.loop(true));
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100);
  const cdp = await openCdp(page);
  // Checkpoints in between tell a leak (steady growth) from warm-up (growth that levels off).
  const heapAt: Record<number, number> = {};
  const kinds: HeapByKind[] = [];
  let played = 0;
  for (const minute of CHECKPOINTS) {
    await play(page, minute - played, plugin);
    played = minute;
    heapAt[minute] = await heapAfterGc(cdp);
    if (minute === CHECKPOINTS[0] || minute === CHECKPOINTS.at(-1)) kinds.push(await heapByKind(cdp));
  }
  const [first, last] = kinds as [HeapByKind, HeapByKind];
  const playheadAtEnd = await page.evaluate(() => window.player.currentTime() ?? 0);
  return {
    heapAt,
    growth: heapAt[60]! - heapAt[1]!,
    growthLast30: heapAt[60]! - heapAt[30]!,
    playheadAtEnd,
    growthByKind: {
      js: last.js - first.js,
      code: last.code - first.code,
      native: last.native - first.native,
      other: last.other - first.other,
    },
  };
}

test('heap over 60 simulated minutes', async ({ browser, collector, baseURL }) => {
  test.setTimeout(240_000);
  const results: Record<string, Awaited<ReturnType<typeof heapRun>>> = {};
  for (const plugin of [false, true]) {
    const context = await browser.newContext({ baseURL });
    results[plugin ? 'plugin' : 'base'] = await heapRun(await context.newPage(), collector, plugin);
    await context.close();
  }
  const [session] = await waitForEvents(collector, (all) => all.length > 0);
  writePart('memory-heap', {
    ...results,
    pingsDelivered: session?.events.filter((e) => e.event.eventType === 'ping').length ?? 0,
  });
});

test('timers and listeners after dispose', async ({ page, collector }) => {
  test.setTimeout(60_000);
  await page.addInitScript(installLedger);
  await openHarness(page, collector, { noplugin: 1 });
  await startPlayback(page);
  const cdp = await openCdp(page);
  await cdp.send('Performance.enable');
  const count = async () => {
    // Chromium's JSEventListeners counts listener objects still alive: collect removed ones first.
    await heapAfterGc(cdp);
    return {
      ...(await page.evaluate(() => window.__ledger!.counts())),
      jsEventListeners: (await readMetrics(cdp)).JSEventListeners,
    };
  };
  // The emitters the plugin subscribes to, wrapped before it exists so that its handlers are seen.
  await page.evaluate(() => {
    const player = window.player as unknown as { textTracks(): object; qualityLevels?(): object };
    window.__ledger!.watchEmitter(player);
    window.__ledger!.watchEmitter(player.textTracks());
    if (player.qualityLevels) window.__ledger!.watchEmitter(player.qualityLevels());
  });
  await page.waitForTimeout(1_000);
  const before = await count();
  await page.evaluate(async (url) => {
    const { attachPlugin } = await import(url);
    window.tracker = await attachPlugin(window.player);
    // The viewer's play intent came before the plugin existed: pause and play again to start a session.
    window.player.pause();
    await window.player.play();
  }, served('e2e/bench/page/attach.ts'));
  await waitForEvents(collector, (all) =>
    all.some((s) => s.events.some((e) => e.event.eventType === 'play')),
  );
  await page.waitForTimeout(2_000);
  const tracking = await count();
  await page.evaluate(() => (window.tracker as { dispose(): void }).dispose());
  await waitForEvents(collector, (all) =>
    all.some((s) => s.events.some((e) => e.event.eventType === 'sessionEnd')),
  );
  await page.waitForTimeout(1_000);
  const after = await count();
  writePart('memory-dispose', { before, tracking, after });
});
