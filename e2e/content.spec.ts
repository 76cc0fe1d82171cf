// Content tracking end to end: the harness page plays real media, the plugin talks to the emulator on
// another origin (:8787, so CORS and the Location header are exercised), and every assertion is on what
// the emulator received.
import type { Page } from '@playwright/test';
import type { McEvent } from '../src/mc/types';
import { type Collector, type EmulatedSession, waitForEvents } from './support/collector';
import { expect, TIMING, test } from './support/fixtures';
import { currentTime, openHarness, startPlayback } from './support/player';
import { CONTENT_STALL } from './support/stall';

/**
 * What the collector accepted (the emulator also records events it answered 410), without states:
 * mute and inFocus depend on the browser's focus handling, and these specs are about playback.
 */
const playback = (s: EmulatedSession | undefined): McEvent[] =>
  (s?.events ?? [])
    .filter((e) => e.status < 300)
    .map((e) => e.event)
    .filter((e) => !e.eventType.startsWith('state'));
const types = (s: EmulatedSession | undefined) => playback(s).map((e) => e.eventType);
const live = (all: EmulatedSession[]) => all.filter((s) => !s.downloaded);
const has =
  (type: string, count = 1) =>
  (all: EmulatedSession[]) =>
    live(all)
      .flatMap((s) => types(s))
      .filter((t) => t === type).length >= count;

/** Prints a measured figure in a form the closing note (and a reader of the CI log) can grep. */
const metric = (name: string, value: unknown) =>
  console.log(`METRIC ${test.info().project.name} ${name} ${JSON.stringify(value)}`);

/** Records, in the page, every event the plugin produced (the collector's view is compared against it). */
async function recordProduced(page: Page) {
  await page.evaluate(() => {
    const produced: McEvent[] = [];
    (window as unknown as { __produced: McEvent[] }).__produced = produced;
    window.player.on('mediacollection:event', (_e: unknown, data: { event: McEvent }) =>
      produced.push(data.event),
    );
  });
}
const produced = (page: Page) =>
  page.evaluate(() => (window as unknown as { __produced: McEvent[] }).__produced);

async function expectNoProblems(collector: Collector) {
  const r = await collector.report();
  expect(r.validationErrors, 'validation errors').toEqual([]);
  expect(r.findings, 'sequence findings').toEqual([]);
}

test(
  '(a) 20 s of play: sessionStart, play, pings 10 s apart, nothing invalid',
  TIMING,
  async ({ page, collector }) => {
    test.setTimeout(60_000);
    await openHarness(page, collector);
    await startPlayback(page);
    // The second ping is due 20 s after sessionStart: poll for it rather than sleep past it.
    const [session, ...others] = await waitForEvents(collector, has('ping', 2), 30_000);
    expect(others).toEqual([]);
    expect(types(session).slice(0, 4)).toEqual(['sessionStart', 'play', 'ping', 'ping']);
    const events = session?.events ?? [];
    const start = events[0];
    const pings = events.filter((e) => e.event.eventType === 'ping');
    // ts is on the grid anchored at sessionStart; arrival shows the ping left on time.
    const tsGaps = [start, ...pings]
      .slice(1)
      .map((p, i) => (p?.event.playerTime.ts ?? 0) - ([start, ...pings][i]?.event.playerTime.ts ?? 0));
    const arrivalGaps = pings.slice(1).map((p, i) => p.receivedAt - (pings[i]?.receivedAt ?? 0));
    for (const gap of [...tsGaps, ...arrivalGaps]) expect(Math.abs(gap - 10_000)).toBeLessThanOrEqual(500);
    metric('ping-ts-gaps-ms', tsGaps);
    metric('ping-arrival-gaps-ms', arrivalGaps);
    metric(
      'ping-send-lag-ms',
      pings.map((p) => p.receivedAt - p.event.playerTime.ts),
    );
    // Pings carry the playhead of their moment: about 10 s and 20 s into the content. Never ahead of the
    // wall clock; behind it only by what a loaded machine's playback stutters lose.
    const playStart = playback(session).find((e) => e.eventType === 'play')?.playerTime ?? {
      ts: 0,
      playhead: 0,
    };
    for (const p of pings) {
      const wall = playStart.playhead + (p.event.playerTime.ts - playStart.ts) / 1000;
      expect(p.event.playerTime.playhead).toBeLessThanOrEqual(wall + 0.25);
      expect(p.event.playerTime.playhead).toBeGreaterThan(wall - 1.5);
    }
    await expectNoProblems(collector);
  },
);

test('(b) pause 3 s and resume: pauseStart and play at the player position', async ({ page, collector }) => {
  await openHarness(page, collector);
  await startPlayback(page);
  await page.waitForTimeout(2_000);
  const pausedAt = await page.evaluate(() => {
    window.player.pause();
    return window.player.currentTime() ?? 0;
  });
  await page.waitForTimeout(3_000);
  const resumedAt = await page.evaluate(() => {
    const t = window.player.currentTime() ?? 0;
    void window.player.play();
    return t;
  });
  const [session] = await waitForEvents(collector, has('play', 2));
  expect(types(session)).toEqual(['sessionStart', 'play', 'pauseStart', 'play']);
  const [, , pause, resume] = playback(session);
  const errors = [
    Math.abs((pause?.playerTime.playhead ?? -1) - pausedAt),
    Math.abs((resume?.playerTime.playhead ?? -1) - resumedAt),
  ];
  metric('pause-resume-playhead-error-s', errors);
  for (const e of errors) expect(e).toBeLessThanOrEqual(0.25);
  expect((resume?.playerTime.ts ?? 0) - (pause?.playerTime.ts ?? 0)).toBeGreaterThanOrEqual(2_900);
  await expectNoProblems(collector);
});

test('(c) seek while playing: pauseStart at the old position, play at the new one, no bufferStart', async ({
  page,
  collector,
}) => {
  await openHarness(page, collector);
  await startPlayback(page);
  await page.waitForTimeout(2_000);
  const before = await page.evaluate(() => {
    const t = window.player.currentTime() ?? 0;
    window.player.currentTime(20);
    return t;
  });
  await expect.poll(() => currentTime(page)).toBeGreaterThan(20.5);
  await page.waitForTimeout(1_500);
  const [session] = await waitForEvents(collector, has('play', 2));
  expect(types(session)).toEqual(['sessionStart', 'play', 'pauseStart', 'play']);
  const [, , pause, play] = playback(session);
  const errors = [
    Math.abs((pause?.playerTime.playhead ?? -1) - before),
    Math.abs((play?.playerTime.playhead ?? -1) - 20),
  ];
  metric('seek-playhead-error-s', errors);
  for (const e of errors) expect(e).toBeLessThanOrEqual(0.25);
  await expectNoProblems(collector);
});

test('(d) play to the end: sessionComplete', async ({ page, collector }) => {
  await openHarness(page, collector, { media: 'short.webm' });
  await startPlayback(page);
  const [session] = await waitForEvents(collector, has('sessionComplete'), 20_000);
  expect(types(session)).toEqual(['sessionStart', 'play', 'sessionComplete']);
  const duration = await page.evaluate(() => window.player.duration() ?? 0);
  expect(playback(session)[0]?.params?.['media.length']).toBeCloseTo(duration, 1);
  expect(playback(session).at(-1)?.playerTime.playhead).toBeCloseTo(duration, 0);
  await expectNoProblems(collector);
});

test('(e) player.dispose(): sessionEnd, and nothing after it', async ({ page, collector }) => {
  await openHarness(page, collector);
  await startPlayback(page);
  await page.waitForTimeout(1_000);
  await page.evaluate(() => window.player.dispose());
  const [session] = await waitForEvents(collector, has('sessionEnd'));
  expect(types(session)).toEqual(['sessionStart', 'play', 'sessionEnd']);
  expect(session?.closed).toBe('ended');
  // Long enough for the next ping on the 10 s grid anchored at sessionStart to have been due.
  const startTs = session?.events[0]?.event.playerTime.ts ?? 0;
  await page.waitForTimeout(Math.max(0, startTs + 11_000 - Date.now()));
  expect(types((await collector.sessions())[0])).toEqual(['sessionStart', 'play', 'sessionEnd']);
  await expectNoProblems(collector);
});

test('(f) a stalled media response: bufferStart, then play', TIMING, async ({ page, collector }) => {
  await openHarness(page, collector, { slow: CONTENT_STALL.query });
  await startPlayback(page);
  const [session] = await waitForEvents(collector, has('play', 2), 20_000);
  const sequence = types(session);
  expect(sequence.filter((t) => t !== 'ping')).toEqual(['sessionStart', 'play', 'bufferStart', 'play']);
  const buffer = playback(session).find((e) => e.eventType === 'bufferStart');
  const resume = playback(session).filter((e) => e.eventType === 'play')[1];
  const stallMs = (resume?.playerTime.ts ?? 0) - (buffer?.playerTime.ts ?? 0);
  metric('stall-reported-ms', stallMs);
  expect(stallMs).toBeGreaterThanOrEqual(1_000);
  // The playhead is frozen through the stall.
  expect(Math.abs((resume?.playerTime.playhead ?? 0) - (buffer?.playerTime.playhead ?? 0))).toBeLessThan(0.5);
  await expectNoProblems(collector);
});

test('(g) the collector answers 500 for 5 s: every event arrives afterwards, in order', async ({
  page,
  collector,
}) => {
  await openHarness(page, collector);
  await recordProduced(page);
  await startPlayback(page);
  await waitForEvents(collector, has('play'));
  await collector.addFault({ status: 500, forMs: 5_000, match: 'events' });
  await page.evaluate(() => window.player.pause());
  await page.waitForTimeout(1_000);
  await page.evaluate(() => window.player.play());
  await page.waitForTimeout(1_000);
  await page.evaluate(() => window.player.pause());
  await waitForEvents(collector, has('ping'), 30_000);
  const faulted = (await collector.report()) as unknown as { faulted: unknown[] };
  expect(faulted.faulted.length).toBeGreaterThan(0);
  const sent = await produced(page);
  const [session, ...others] = await waitForEvents(
    collector,
    (all) => (all[0]?.events.length ?? 0) >= sent.length,
    30_000,
  );
  expect(others).toEqual([]);
  const received = (session?.events ?? []).map((e) => e.event);
  expect(received.map((e) => `${e.eventType}@${e.playerTime.ts}`)).toEqual(
    sent.map((e) => `${e.eventType}@${e.playerTime.ts}`),
  );
  expect(types(session).filter((t) => t !== 'ping')).toEqual([
    'sessionStart',
    'play',
    'pauseStart',
    'play',
    'pauseStart',
  ]);
  await expectNoProblems(collector);
});

test('(h) 410 on events: one new session with media.resume, the lost events downloaded', async ({
  page,
  collector,
}) => {
  await openHarness(page, collector);
  await startPlayback(page);
  await waitForEvents(collector, has('play'));
  await page.waitForTimeout(1_000);
  await collector.expire();
  const pausedAt = await page.evaluate(() => {
    window.player.pause();
    return window.player.currentTime() ?? 0;
  });
  // The resumed session's pauseStart can arrive after the downloaded batch: wait for all three.
  const all = await waitForEvents(
    collector,
    (s) => types(live(s)[1]).includes('pauseStart') && s.some((x) => x.downloaded),
  );
  const [first, second, ...more] = live(all);
  expect(more).toEqual([]);
  expect(first?.closed).toBe('expired');
  expect(types(first)).toEqual(['sessionStart', 'play']);
  expect(second?.resume).toBe(true);
  expect(types(second)).toEqual(['sessionStart', 'pauseStart']);
  expect(Math.abs((playback(second)[0]?.playerTime.playhead ?? -1) - pausedAt)).toBeLessThan(0.25);
  // The pauseStart the dead session refused is delivered with its original ts in a downloaded batch.
  const downloaded = all.find((s) => s.downloaded);
  const lost = playback(downloaded).find((e) => e.eventType === 'pauseStart');
  expect(lost?.playerTime.ts).toBeLessThan(playback(second)[0]?.playerTime.ts ?? 0);
  expect(types(downloaded)).toEqual(['sessionStart', 'pauseStart', 'sessionEnd']);
  const r = await collector.report();
  expect(r.validationErrors).toEqual([]);
});

test('(i) bad options: one clear error naming every problem, and the video still plays', async ({
  page,
  collector,
}) => {
  await openHarness(page, collector, {
    opts: {
      endpoint: 'ftp://collector.example',
      params: { 'media.id': null, 'analytics.reportSuite': 7 },
      mainPingInterval: 3,
    },
  });
  const message = await page.evaluate(() => window.__initError ?? '');
  expect(message).toContain('invalid options');
  for (const part of ['endpoint', 'media.id', 'analytics.reportSuite', 'mainPingInterval'])
    expect(message).toContain(part);
  await startPlayback(page);
  await page.waitForTimeout(1_500);
  expect(await currentTime(page)).toBeGreaterThan(1);
  expect(await collector.sessions()).toEqual([]);
});
