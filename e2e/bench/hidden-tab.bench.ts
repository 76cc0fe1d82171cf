// Item 4 (hidden tab): a real hidden tab cannot be produced under Playwright (docs/browsers.md),
// so it is emulated: visibilityState is overridden to 'hidden', and page.clock holds timers back the
// way Chromium throttles a hidden, silent page (docs/browsers.md#timers-in-hidden-pages): wake-ups once a
// second for the first 5 minutes, then once a minute. While hidden no `timeupdate` reaches the plugin, so
// only its timers wake it (the worst case). The media timeline follows the page clock (init-clock-media).
// Between wake-ups the page is let finish its requests (tracker.flush()): in a throttled tab a minute
// passes between wake-ups and network replies are not held back, whereas jumping the clock while a
// request is in flight would fire its 10 s timeout early (the closed-lid case, not this one).
import { waitForEvents } from '../support/collector';
import { test } from '../support/fixtures';
import { installVisibilityOverride, openHarness, setVisibility, startPlayback } from '../support/player';
import { installClockMedia } from './support/init-clock-media';
import { gridReport } from './support/pings';
import { writePart } from './support/results';

const PING_MS = 10_000;
const SECOND_WAKEUPS = 300; // 5 minutes of 1 s wake-ups
const MINUTE_WAKEUPS = 6; // then 6 minutes of 1 min wake-ups: 11 simulated minutes hidden

test('hidden tab under intensive throttling', async ({ page, collector }) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: Date.now() });
  await installVisibilityOverride(page);
  await page.addInitScript(installClockMedia);
  await openHarness(page, collector, { ping: PING_MS / 1000 });
  await page.evaluate(() => {
    const produced: number[] = [];
    (window as unknown as { __producedAt: number[] }).__producedAt = produced;
    window.player.on('mediacollection:event', () => produced.push(Date.now()));
  });
  await startPlayback(page);
  await page.evaluate(() => window.player.loop(true));
  await waitForEvents(collector, (all) =>
    all.some((s) => s.events.some((e) => e.event.eventType === 'play')),
  );

  const hiddenAt = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(hiddenAt + 100);
  await page.evaluate(() => {
    window.__gateTimeupdate = true;
  });
  await setVisibility(page, 'hidden');
  const realStart = Date.now();
  const wakeUp = async (ms: number) => {
    await page.clock.fastForward(ms);
    await page.evaluate(() => (window.tracker as { flush(): Promise<void> }).flush());
  };
  for (let i = 0; i < SECOND_WAKEUPS; i++) await wakeUp(1_000);
  for (let i = 0; i < MINUTE_WAKEUPS; i++) await wakeUp(60_000);
  const shownAt = await page.evaluate(() => Date.now());
  const realMs = Date.now() - realStart;
  await setVisibility(page, 'visible');
  await page.evaluate(() => {
    window.__gateTimeupdate = false;
  });
  await page.clock.resume();
  await page.evaluate(() => (window.tracker as { flush(): Promise<void> }).flush());

  const media = await page.evaluate(() => window.__clockMedia!);
  const producedAt = await page.evaluate(
    () => (window as unknown as { __producedAt: number[] }).__producedAt,
  );
  const recorded = await collector.sessions();
  const live = recorded.filter((s) => !s.downloaded);
  const session = live[0]!;
  const grid = gridReport(session, PING_MS);
  const accepted = session.events.filter((e) => e.status < 300);
  const hiddenPings = session.events.filter(
    (e) =>
      e.event.eventType === 'ping' && e.event.playerTime.ts > hiddenAt && e.event.playerTime.ts <= shownAt,
  );
  // True playhead at a ping's ts: where the clock-driven media was at that simulated moment.
  const truth = (ts: number) => media.anchorPos + (ts - media.anchorAt) / 1000;
  const playheadErrorsMs = hiddenPings.map((p) =>
    Math.round(Math.abs(p.event.playerTime.playhead - truth(p.event.playerTime.ts)) * 1000),
  );
  const during = producedAt.filter((t) => t >= hiddenAt && t <= shownAt);
  const silences = [hiddenAt, ...during, shownAt].slice(1).map((t, i) => t - [hiddenAt, ...during][i]!);
  const startTs = session.events[0]!.event.playerTime.ts;
  const firstSlot = Math.floor((hiddenAt - startTs) / PING_MS) + 1;
  const lastSlot = Math.floor((shownAt - startTs) / PING_MS);
  const hiddenTs = hiddenPings.map((p) => p.event.playerTime.ts);
  writePart('timing-hidden', {
    simulatedHiddenMs: shownAt - hiddenAt,
    realMs,
    wakeups: { everySecond: SECOND_WAKEUPS, everyMinute: MINUTE_WAKEUPS },
    sessions: live.length,
    downloadedSessions: recorded.length - live.length,
    sessionClosed: session.closed,
    refused: session.events.length - accepted.length,
    sessionEnds: session.events.filter((e) => e.event.eventType === 'sessionEnd').length,
    hiddenPings: hiddenPings.length,
    expectedHiddenPings: lastSlot - firstSlot + 1,
    duplicates: hiddenTs.length - new Set(hiddenTs).size,
    missingOnGrid: grid.missing,
    tsGridErrorMaxMs: Math.max(0, ...grid.tsErrors),
    playheadErrorMaxMs: Math.max(0, ...playheadErrorsMs),
    outOfOrder: grid.outOfOrder,
    findings: session.findings.length,
    longestSilenceMs: Math.max(...silences),
    eventTypes: [...new Set(session.events.map((e) => e.event.eventType))],
  });
});
