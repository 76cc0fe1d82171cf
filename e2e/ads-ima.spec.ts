// videojs-ima's path end to end through demo/ima-standin.ts (the IMA SDK cannot load here: its stand-in
// drives the plugin with IMA's AdEvents from its own <video>), asserted on what the emulator received.
// Then the same schedule through contrib-ads must give the same session (docs/mapping.md#ima-videojs-ima).
import type { Page } from '@playwright/test';
import type { McEvent } from '../src/mc/types';
import { type Collector, type EmulatedSession, waitForEvents } from './support/collector';
import { expect, test } from './support/fixtures';
import { openHarness, startPlayback } from './support/player';

const accepted = (s: EmulatedSession | undefined): McEvent[] =>
  (s?.events ?? []).filter((e) => e.status < 300).map((e) => e.event);
/** What the two ad paths must agree on: no pings, no player states (focus and mute are the browser's). */
const comparable = (events: McEvent[]) =>
  events.filter((e) => e.eventType !== 'ping' && !e.eventType.startsWith('state'));
const typesOf = (events: McEvent[]) => events.map((e) => e.eventType);
const paramsOf = (events: McEvent[], type: string) =>
  events.filter((e) => e.eventType === type).map((e) => e.params ?? {});
const done = (all: EmulatedSession[]) =>
  all.some((s) => accepted(s).some((e) => e.eventType === 'sessionComplete'));
const metric = (name: string, value: unknown) =>
  console.log(`METRIC ${test.info().project.name} ${name} ${JSON.stringify(value)}`);

/** Adobe's timeline 1 for demo/ad-schedule.ts: pre-roll of two, mid-roll, post-roll (chapters aside). */
const TIMELINE_1 = [
  'sessionStart',
  ...['adBreakStart', 'adStart', 'adComplete', 'adStart', 'adComplete', 'adBreakComplete'],
  'play',
  ...['adBreakStart', 'adStart', 'adComplete', 'adBreakComplete'],
  ...['adBreakStart', 'adStart', 'adComplete', 'adBreakComplete'],
  'sessionComplete',
];

/** Plays the whole demo schedule with chapters through one ad stack; returns the one session it made. */
async function playSchedule(page: Page, collector: Collector, ads: 'ima' | 'contrib') {
  await collector.reset();
  await openHarness(page, collector, { ads, chapters: 1 });
  await startPlayback(page, 30_000);
  const [session, ...others] = await waitForEvents(collector, done, 120_000);
  expect(others, `${ads}: one session`).toEqual([]);
  const r = await collector.report();
  return { events: accepted(session), raw: session, report: r };
}

type Played = Awaited<ReturnType<typeof playSchedule>>;

/** The IMA session on its own: timeline 1, ads described by getAd(), frozen playheads, nothing invalid. */
async function expectImaSession(page: Page, { events, raw, report: r }: Played) {
  const shape = typesOf(comparable(events).filter((e) => !e.eventType.startsWith('chapter')));
  metric('ima-shape', shape);
  expect.soft(shape, 'timeline 1').toEqual(TIMELINE_1);

  const breaks = paramsOf(events, 'adBreakStart');
  expect(breaks.map((p) => [p['media.ad.podIndex'], p['media.ad.podFriendlyName']])).toEqual([
    [1, 'preroll'],
    [2, 'midroll'],
    [3, 'postroll'],
  ]);
  const duration = await page.evaluate(() => window.player.duration() ?? 0);
  const podErrors = breaks.map((p, i) =>
    Math.abs((p['media.ad.podSecond'] as number) - [0, 9.5, duration][i]!),
  );
  metric('ima-podSecond-error-s', podErrors);
  for (const e of podErrors) expect(e).toBeLessThanOrEqual(1);

  // The ads are IMA's: its ad ids, titles, advertiser and creative ids, getAdPosition() as podPosition.
  const ads = paramsOf(events, 'adStart');
  expect(ads.map((p) => [p['media.ad.id'], p['media.ad.podPosition'], p['media.ad.name']])).toEqual([
    ['standin-0-1', 1, 'ad1.webm'],
    ['standin-0-2', 2, 'ad2.webm'],
    ['standin-1-1', 1, 'ad2.webm'],
    ['standin--1-1', 1, 'ad1.webm'],
  ]);
  for (const p of ads) {
    expect(p['media.ad.advertiser']).toBe('Stand-in Advertiser');
    expect(p['media.ad.creativeId']).toBe(`creative-${p['media.ad.name']}`);
    expect(Math.abs((p['media.ad.length'] as number) - 5.008)).toBeLessThanOrEqual(0.5);
  }
  // Content is paused under IMA's own ad element: one frozen playhead per break.
  let inBreak: number[] | undefined;
  for (const e of events) {
    if (e.eventType === 'adBreakStart') inBreak = [];
    inBreak?.push(e.playerTime.playhead);
    if (e.eventType === 'adBreakComplete') {
      expect(new Set(inBreak).size).toBe(1);
      inBreak = undefined;
    }
  }
  expect(raw?.rejected ?? []).toEqual([]);
  expect(r.validationErrors).toEqual([]);
  expect(r.findings).toEqual([]);
}

// One test plays each schedule once, both at the same time (the schedule is a minute of real time): the
// IMA session is checked on its own, then against contrib-ads'.
test('IMA (stand-in): the whole schedule is timeline 1, ads described by getAd(), no findings; (e) the same session as the contrib-ads path', async ({
  browser,
  baseURL,
  page,
  collector,
  secondCollector,
}) => {
  test.setTimeout(200_000);
  // A context and a collector of its own: nothing one viewing sends or stores reaches the other.
  const context = await browser.newContext({ baseURL });
  const [ima, contrib] = await Promise.all([
    playSchedule(page, collector, 'ima'),
    playSchedule(await context.newPage(), secondCollector, 'contrib'),
  ]);
  await test.step('the IMA session: timeline 1, ads described by getAd(), no findings', () =>
    expectImaSession(page, ima));
  await context.close();
  const [c, i] = [comparable(contrib.events), comparable(ima.events)];
  metric('contrib-types', typesOf(c));
  metric('ima-types', typesOf(i));
  // Soft: a difference is reported with every other one, so one run says all that differs.
  expect.soft(typesOf(i), 'event order').toEqual(typesOf(c));

  const pods = (events: McEvent[]) =>
    paramsOf(events, 'adBreakStart').map((p) => ({
      podIndex: p['media.ad.podIndex'],
      podFriendlyName: p['media.ad.podFriendlyName'],
      podSecond: p['media.ad.podSecond'] as number,
    }));
  const ads = (events: McEvent[]) =>
    paramsOf(events, 'adStart').map((p) => ({
      podPosition: p['media.ad.podPosition'],
      length: p['media.ad.length'] as number,
    }));
  metric('contrib-pods', pods(c));
  metric('ima-pods', pods(i));
  metric('contrib-ads', ads(c));
  metric('ima-ads', ads(i));
  expect.soft(pods(i).length, 'breaks').toBe(pods(c).length);
  pods(i).forEach((p, n) => {
    const q = pods(c)[n];
    expect.soft([p.podIndex, p.podFriendlyName], `break ${n + 1}`).toEqual([q?.podIndex, q?.podFriendlyName]);
    expect
      .soft(Math.abs(p.podSecond - (q?.podSecond ?? Number.NaN)), `break ${n + 1} podSecond`)
      .toBeLessThanOrEqual(1);
  });
  expect.soft(ads(i).length, 'ads').toBe(ads(c).length);
  ads(i).forEach((p, n) => {
    const q = ads(c)[n];
    expect.soft(p.podPosition, `ad ${n + 1} podPosition`).toBe(q?.podPosition);
    expect
      .soft(Math.abs(p.length - (q?.length ?? Number.NaN)), `ad ${n + 1} length`)
      .toBeLessThanOrEqual(0.5);
  });
  expect.soft(contrib.report.findings, 'contrib-ads findings').toEqual([]);
  expect.soft(ima.report.findings, 'IMA findings').toEqual([]);
});

const has =
  (type: string, count = 1) =>
  (all: EmulatedSession[]) =>
    accepted(all[0]).filter((e) => e.eventType === type).length >= count;
const ONE_AD = { preroll: ['ad1.webm'], postroll: [] };

test('IMA (stand-in): an ad paused and resumed is pauseStart … play; a skipped ad is adSkip', async ({
  page,
  collector,
}) => {
  await openHarness(page, collector, { ads: 'ima', schedule: ONE_AD });
  await page.locator('.vjs-big-play-button').click();
  await waitForEvents(collector, has('adStart'), 20_000);
  // The viewer pauses the ad itself: IMA's own element, not the (paused) content.
  const adElement = (action: 'pause' | 'play') =>
    page.evaluate((a) => {
      const el = document.querySelector<HTMLVideoElement>('.ima-standin video');
      return a === 'pause' ? el?.pause() : el?.play();
    }, action);
  await adElement('pause');
  await page.waitForTimeout(1_000);
  await adElement('play');
  await page.waitForTimeout(500);
  await page.evaluate(() => window.ads?.skip());
  // The first play is the ad's resume; the second, the content's start after the break.
  const [session] = await waitForEvents(collector, has('play', 2), 20_000);
  expect(typesOf(comparable(accepted(session)))).toEqual([
    'sessionStart',
    'adBreakStart',
    'adStart',
    'pauseStart',
    'play',
    'adSkip',
    'adBreakComplete',
    'play',
  ]);
  expect((await collector.report()).findings).toEqual([]);
});

test('IMA (stand-in): an AdErrorEvent mid-ad closes its break and content tracking goes on', async ({
  page,
  collector,
}) => {
  await openHarness(page, collector, { ads: 'ima', adfault: 'error', schedule: ONE_AD });
  await page.locator('.vjs-big-play-button').click();
  const [session] = await waitForEvents(collector, has('play'), 20_000);
  expect(typesOf(comparable(accepted(session)))).toEqual([
    'sessionStart',
    'adBreakStart',
    'adStart',
    'adComplete',
    'adBreakComplete',
    'play',
  ]);
  expect((await collector.report()).findings).toEqual([]);
});
