// Items 3 and 4 (foreground): main-thread cost of the plugin over 60 s of real playback, and how
// close to the grid its pings leave and arrive. Each repetition plays the same harness page with and
// without the plugin side by side (separate contexts, so separate renderer processes): both see the
// same machine noise, and only their ratio is compared.
import type { Browser, Page } from '@playwright/test';
import type { Collector } from '../support/collector';
import { test } from '../support/fixtures';
import { openHarness, startPlayback } from '../support/player';
import { openCdp, readMetrics, startMetrics } from './support/cdp';
import { installLongFrameObservers, isPluginScript } from './support/init-observers';
import { gridReport } from './support/pings';
import { REPS, spread, writePart } from './support/results';

const PLAY_MS = 60_000;
const PING_MS = 10_000;

type PingWindow = Window & { __emittedAt?: Record<number, number> };

async function harnessPage(
  browser: Browser,
  baseURL: string,
  collector: Collector,
  query: Record<string, string | number>,
) {
  const context = await browser.newContext({ baseURL });
  await context.addInitScript(installLongFrameObservers);
  const page = await context.newPage();
  await openHarness(page, collector, query);
  await startPlayback(page);
  // The content is 30 s: looping keeps both pages playing for the whole minute.
  await page.evaluate(() => window.player.loop(true));
  return page;
}

/** Long tasks and long animation frames that began after `since` (page ms). */
const longWork = (page: Page, since: number) =>
  page.evaluate((t) => {
    const tasks = (window.__longTasks ?? []).filter((e) => e.start >= t);
    const frames = (window.__longFrames ?? []).filter((e) => e.start >= t);
    return { tasks, frames };
  }, since);

/** One repetition: a minute of playback on both pages, then what each cost and how the pings went. */
async function repetition(browser: Browser, baseURL: string, collector: Collector) {
  const base = await harnessPage(browser, baseURL, collector, { noplugin: 1 });
  const withPlugin = await harnessPage(browser, baseURL, collector, { ping: PING_MS / 1000 });
  const pages = [base, withPlugin];
  // When each ping left the core (page wall time), by its ts: splits timer lateness from delivery.
  await withPlugin.evaluate(() => {
    const emittedAt: Record<number, number> = {};
    (window as PingWindow).__emittedAt = emittedAt;
    window.player.on(
      'mediacollection:event',
      (_e: unknown, data: { event: { eventType: string; playerTime: { ts: number } } }) => {
        if (data.event.eventType === 'ping') emittedAt[data.event.playerTime.ts] = Date.now();
      },
    );
  });
  const cdps = await Promise.all(pages.map(openCdp));
  await Promise.all(cdps.map(startMetrics));
  const since = await Promise.all(pages.map((p) => p.evaluate(() => performance.now())));
  await base.waitForTimeout(PLAY_MS);
  const [mBase, mPlugin] = await Promise.all(cdps.map(readMetrics));
  const [workBase, workPlugin] = await Promise.all(pages.map((p, i) => longWork(p, since[i]!)));
  await withPlugin.evaluate(() => (window.tracker as { flush(): Promise<void> }).flush());
  const emittedAt = await withPlugin.evaluate(() => (window as PingWindow).__emittedAt ?? {});
  await Promise.all(pages.map((p) => p.context().close()));
  const pluginFrames = workPlugin!.frames.filter((f) => f.scripts.some((s) => isPluginScript(s.sourceURL)));
  return {
    emittedAt,
    run: {
      scriptMs: { base: mBase!.ScriptDuration! * 1000, plugin: mPlugin!.ScriptDuration! * 1000 },
      taskMs: { base: mBase!.TaskDuration! * 1000, plugin: mPlugin!.TaskDuration! * 1000 },
      longTasks: { base: workBase!.tasks.length, plugin: workPlugin!.tasks.length },
      longFrames: { base: workBase!.frames.length, plugin: workPlugin!.frames.length },
      longFramesWithPluginScripts: pluginFrames.length,
      // What a long frame pinned on the plugin was doing, to say what to cut.
      pluginFrames: pluginFrames.map((f) => ({
        duration: f.duration,
        scripts: f.scripts.filter((x) => isPluginScript(x.sourceURL)),
      })),
    },
  };
}

test('main thread and foreground ping timing', async ({ browser, collector, baseURL }) => {
  test.setTimeout(REPS * (PLAY_MS + 60_000));
  const runs = [];
  const lags: number[] = [];
  const timerLags: number[] = [];
  const deliveries: number[] = [];
  const tsErrors: number[] = [];
  let missing = 0;
  let outOfOrder = 0;
  for (let rep = 0; rep < REPS; rep++) {
    await collector.reset();
    const { emittedAt, run } = await repetition(browser, baseURL!, collector);
    const recorded = (await collector.sessions()).filter((s) => !s.downloaded);
    for (const session of recorded) {
      const grid = gridReport(session, PING_MS);
      lags.push(...grid.arrivalLags);
      tsErrors.push(...grid.tsErrors);
      missing += grid.missing;
      outOfOrder += grid.outOfOrder;
      for (const e of session.events.filter((e) => e.event.eventType === 'ping')) {
        const emitted = emittedAt[e.event.playerTime.ts];
        if (emitted === undefined) continue;
        timerLags.push(emitted - e.event.playerTime.ts);
        deliveries.push(e.receivedAt - emitted);
      }
    }
    runs.push({ sessions: recorded.length, ...run });
  }
  writePart('env', { chromium: browser.version() });
  writePart('main-thread', { reps: REPS, playMs: PLAY_MS, timeDomain: 'threadTicks', runs });
  writePart('timing-foreground', {
    reps: REPS,
    pingIntervalMs: PING_MS,
    arrivalLagMs: spread(lags),
    emitLagMs: spread(timerLags),
    deliveryMs: spread(deliveries),
    tsGridErrorMs: spread(tsErrors),
    missing,
    outOfOrder,
    target: { p99Ms: 50 },
  });
});
