// Live with DVR (docs/mapping.md#live-content) against the local sliding HLS stream (demo/live-stream.ts):
// every playhead the collector received is held against the second of day of the frame that was on
// screen when the event happened. The truth comes from the stream's own clock — segment n began at
// epoch + n·2 s — and VHS's placement of that segment on the player's timeline, sampled every 100 ms.
import type { McEvent } from '../src/mc/types';
import { type EmulatedSession, waitForEvents } from './support/collector';
import { expect, test } from './support/fixtures';
import { openHarness, startPlayback } from './support/player';

const DAY = 86_400;
const accepted = (s: EmulatedSession | undefined): McEvent[] =>
  (s?.events ?? []).filter((e) => e.status < 300).map((e) => e.event);
/** Distance between two seconds of day, across midnight too. */
const apart = (a: number, b: number) => Math.min(Math.abs(a - b), DAY - Math.abs(a - b));

type Sample = [wall: number, secondOfDay: number];

/** Samples, every 100 ms, the second of day of the frame on screen; read back with `truth()`. */
async function sampleTruth(page: import('@playwright/test').Page, epoch: number): Promise<void> {
  await page.evaluate((epochMs) => {
    interface Segment {
      uri: string;
      start?: number;
      end?: number;
    }
    const samples: [number, number][] = [];
    (window as unknown as { __truth: typeof samples }).__truth = samples;
    setInterval(() => {
      const player = window.player as unknown as {
        currentTime(): number;
        tech(o: object): { vhs?: { playlists: { media(): { segments: Segment[] } | undefined } } };
      };
      const time = player.currentTime();
      const segments = player.tech({ IWillNotUseThisInPlugins: true }).vhs?.playlists.media()?.segments ?? [];
      const on = segments.find(
        (s) => s.start !== undefined && s.end !== undefined && time >= s.start && time < s.end,
      );
      const n = on ? Number(/(\d+)\.ts/.exec(on.uri)?.[1]) : Number.NaN;
      if (!on || Number.isNaN(n)) return;
      const programTime = epochMs + n * 2000 + (time - (on.start as number)) * 1000;
      samples.push([Date.now(), (programTime % 86_400_000) / 1000]);
    }, 100);
  }, epoch);
}

const truth = (page: import('@playwright/test').Page): Promise<Sample[]> =>
  page.evaluate(() => (window as unknown as { __truth: Sample[] }).__truth);

const player = (page: import('@playwright/test').Page, script: string) =>
  page.evaluate((s) => new Function('player', s)(window.player), script);

test('live with DVR: play, pause, seek 20 s back, back to live — every playhead is the frame on screen', async ({
  page,
  collector,
}) => {
  test.setTimeout(150_000);
  const epoch = Date.now() - 40_000; // the DVR window is 40 s deep when the page opens
  await openHarness(page, collector, { live: epoch, opts: { params: { 'media.contentType': 'live' } } });
  await sampleTruth(page, epoch);
  await startPlayback(page, 30_000);
  await page.waitForTimeout(6000);
  await player(page, 'player.pause()');
  await page.waitForTimeout(5000);
  await player(page, 'player.play()');
  await page.waitForTimeout(6000);
  await player(page, 'player.currentTime(player.currentTime() - 20)');
  await page.waitForTimeout(8000);
  await player(page, 'player.liveTracker.seekToLiveEdge()');
  await page.waitForTimeout(8000);
  await page.evaluate(() => (window.tracker as { flush(): Promise<void> }).flush());

  const [session, ...others] = await waitForEvents(collector, (all) => accepted(all[0]).length > 8);
  expect(others).toEqual([]);
  const events = accepted(session);
  const types = events.map((e) => e.eventType);
  expect(events[0]?.params?.['media.length']).toBe(86_400);
  expect(types).not.toContain('sessionComplete');
  // The user pause and both DVR seeks, each a pauseStart … play.
  expect(types.filter((t) => t === 'pauseStart').length).toBeGreaterThanOrEqual(3);

  const samples = await truth(page);
  const firstPlay = events.find((e) => e.eventType === 'play') as McEvent;
  const misses: string[] = [];
  for (const e of events) {
    const { ts, playhead } = e.playerTime;
    // sessionStart, and the states that open with it, are stamped at the play intent with the first
    // frame that went on screen: on a loaded machine that frame can come well over 500 ms later.
    const [from, to] =
      ts < firstPlay.playerTime.ts ? [ts, firstPlay.playerTime.ts + 500] : [ts - 500, ts + 500];
    const near = samples.filter(([wall]) => wall >= from && wall <= to).map(([, s]) => apart(s, playhead));
    const best = near.length > 0 ? Math.min(...near) : Number.POSITIVE_INFINITY;
    if (!(best <= 2))
      misses.push(`${e.eventType}@${ts}: playhead ${playhead}, nearest truth ${best.toFixed(2)} s off`);
  }
  expect(misses).toEqual([]);

  // The seek back shows 20 s earlier; the live edge moves the playhead forward again.
  const plays = events.filter((e) => e.eventType === 'play').map((e) => e.playerTime.playhead);
  const pauses = events.filter((e) => e.eventType === 'pauseStart').map((e) => e.playerTime.playhead);
  const seekBack = pauses.findIndex((p, i) => i > 0 && plays.some((q) => apart(q, p - 20) <= 2));
  expect(seekBack).toBeGreaterThan(0);
  expect(plays.at(-1)).toBeGreaterThan((pauses[seekBack] as number) + 5);
  expect((await collector.report()).findings).toEqual([]);
});
