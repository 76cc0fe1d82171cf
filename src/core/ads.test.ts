import { describe, expect, it } from 'vitest';
import type { McEvent } from '../mc/types';
import { type Beat, playing, run, START, snapshot, T0, testConfig } from '../test-support/core-driver';
import { reduce } from './reducer';
import type { AdInfo, ChapterCue } from './signals';

const ad = (id: string, length = 5): Beat['signal'] => ({ type: 'adStart', ad: { id, length } as AdInfo });
const noPings = (types: string[]) => types.filter((t) => t !== 'ping');
const paramsOf = (events: McEvent[], type: string) =>
  events.filter((e) => e.eventType === type).map((e) => e.params);

/** contrib-ads order for a two-ad pre-roll: adstart reaches us before the content's play. */
const PREROLL: Beat[] = [
  { t: 0, signal: { type: 'adBreakStart' }, snap: { paused: false } },
  { t: 5, signal: 'play' },
  { t: 100, signal: ad('ad1.webm'), snap: { duration: 5, playhead: 0.1 } },
  { t: 5100, signal: 'pause', snap: { ended: true, paused: true } },
  { t: 5101, signal: 'adComplete' },
  { t: 5200, signal: ad('ad2.webm'), snap: { ended: false, paused: false } },
  { t: 10_200, signal: 'adComplete' },
  { t: 10_201, signal: 'adBreakComplete', snap: { duration: 60, playhead: 0 } },
  { t: 10_400, signal: 'playing' },
];

describe('ads: bookends (table)', () => {
  const rows: { name: string; beats: Beat[]; types: string[] }[] = [
    {
      name: 'pre-roll of two ads: sessionStart first, no play until content starts (timeline 1)',
      beats: PREROLL,
      types: [
        'sessionStart',
        'adBreakStart',
        'adStart',
        'adComplete',
        'adStart',
        'adComplete',
        'adBreakComplete',
        'play',
      ],
    },
    {
      name: 'mid-roll while playing: no play after it (timelines 1, 3)',
      beats: [
        ...START,
        ...playing(250, 3000),
        { t: 3100, signal: { type: 'adBreakStart' } },
        { t: 3200, signal: ad('mid') },
        { t: 8200, signal: 'adComplete' },
        { t: 8300, signal: 'adBreakComplete' },
        { t: 9000, signal: 'playing', snap: { playhead: 2.85 } },
        ...playing(9250, 9750, 3.1),
      ],
      types: ['sessionStart', 'play', 'adBreakStart', 'adStart', 'adComplete', 'adBreakComplete'],
    },
    {
      name: 'an ad outside a break opens one',
      beats: [...START, { t: 1000, signal: ad('x') }],
      types: ['sessionStart', 'play', 'adBreakStart', 'adStart'],
    },
    {
      name: 'a second ad closes the first',
      beats: [...START, { t: 1000, signal: ad('x') }, { t: 2000, signal: ad('y') }],
      types: ['sessionStart', 'play', 'adBreakStart', 'adStart', 'adComplete', 'adStart'],
    },
    {
      name: 'content resuming closes what is open',
      beats: [...START, { t: 1000, signal: ad('x') }, { t: 2000, signal: 'adBreakComplete' }],
      types: ['sessionStart', 'play', 'adBreakStart', 'adStart', 'adComplete', 'adBreakComplete'],
    },
    {
      name: 'a skipped ad is adSkip, then the break closes',
      beats: [
        ...START,
        { t: 1000, signal: ad('x') },
        { t: 2000, signal: 'adSkip' },
        { t: 2001, signal: 'adBreakComplete' },
      ],
      types: ['sessionStart', 'play', 'adBreakStart', 'adStart', 'adSkip', 'adBreakComplete'],
    },
    {
      name: 'a second source announcing the same break makes one break',
      beats: [
        ...START,
        { t: 1000, signal: { type: 'adBreakStart' } },
        { t: 1001, signal: { type: 'adBreakStart' } },
      ],
      types: ['sessionStart', 'play', 'adBreakStart'],
    },
    {
      name: 'pause inside an ad is pauseStart … play; the pause at its end is not',
      beats: [
        ...START,
        { t: 1000, signal: ad('x'), snap: { playhead: 0 } },
        { t: 2000, signal: 'pause', snap: { paused: true, playhead: 1 } },
        { t: 4000, signal: 'playing', snap: { paused: false } },
        { t: 6000, signal: 'pause', snap: { paused: true, ended: true } },
      ],
      types: ['sessionStart', 'play', 'adBreakStart', 'adStart', 'pauseStart', 'play'],
    },
    {
      name: 'seeks, stalls and sources inside a break belong to the ad',
      beats: [
        ...START,
        { t: 1000, signal: ad('x') },
        { t: 1100, signal: 'loadstart', snap: { src: 'https://ads.test/x.webm' } },
        { t: 1200, signal: 'seeking', snap: { seeking: true } },
        { t: 1300, signal: 'waiting' },
        { t: 3000, signal: 'seeked', snap: { seeking: false } },
      ],
      types: ['sessionStart', 'play', 'adBreakStart', 'adStart'],
    },
    {
      name: 'post-roll comes before sessionComplete, which follows its break (Chromium sends no final ended)',
      beats: [
        ...START,
        { t: 1000, signal: 'pause', snap: { paused: true, ended: true, playhead: 60 } },
        { t: 1001, signal: 'contentEnded' },
        { t: 1100, signal: { type: 'adBreakStart' } },
        { t: 1200, signal: ad('post') },
        { t: 6200, signal: 'adBreakComplete' },
        { t: 6300, signal: 'ended' },
      ],
      types: [
        'sessionStart',
        'play',
        'adBreakStart',
        'adStart',
        'adComplete',
        'adBreakComplete',
        'sessionComplete',
      ],
    },
    {
      name: 'after a mid-roll the content reload is neither a seek nor a stall',
      beats: [
        ...START,
        ...playing(250, 3000),
        { t: 3100, signal: { type: 'adBreakStart' } },
        { t: 8300, signal: 'adBreakComplete', snap: { playhead: 0 } },
        { t: 8400, signal: 'seeking', snap: { seeking: true } },
        { t: 8500, signal: 'waiting' },
        { t: 9500, signal: 'seeked', snap: { seeking: false, playhead: 2.85 } },
        { t: 11_000, signal: 'tick' },
        ...playing(11_250, 12_000, 2.9),
      ],
      types: ['sessionStart', 'play', 'adBreakStart', 'adBreakComplete'],
    },
  ];
  it.each(rows)('$name', ({ beats, types }) => {
    expect(noPings(run(beats).types)).toEqual(types);
  });
});

describe('ads: params and playheads', () => {
  it('adBreakStart and adStart carry 1-based indexes, the content position and the ad length', () => {
    const r = run([
      ...PREROLL,
      ...playing(10_500, 13_000, 0.1),
      { t: 13_100, signal: { type: 'adBreakStart' } },
      { t: 13_200, signal: ad('mid', 7.5) },
    ]);
    expect(paramsOf(r.events, 'adBreakStart')).toEqual([
      { 'media.ad.podIndex': 1, 'media.ad.podSecond': 0, 'media.ad.podFriendlyName': 'preroll' },
      {
        'media.ad.podIndex': 2,
        'media.ad.podSecond': expect.closeTo(2.7, 1),
        'media.ad.podFriendlyName': 'midroll',
      },
    ]);
    expect(
      paramsOf(r.events, 'adStart').map((p) => [
        p?.['media.ad.id'],
        p?.['media.ad.podPosition'],
        p?.['media.ad.length'],
      ]),
    ).toEqual([
      ['ad1.webm', 1, 5],
      ['ad2.webm', 2, 5],
      ['mid', 1, 7.5],
    ]);
    expect(paramsOf(r.events, 'adStart')[0]?.['media.ad.playerName']).toBe('video.js');
  });

  it('a named break and an ad with metadata keep what the integration gave', () => {
    const r = run([
      ...START,
      { t: 500, signal: { type: 'adBreakStart', name: 'sponsor' } },
      {
        t: 600,
        signal: {
          type: 'adStart',
          ad: { id: 'a', length: 3, podPosition: 4, advertiser: 'ACME', customMetadata: { campaign: 'x' } },
        },
      },
    ]);
    expect(paramsOf(r.events, 'adBreakStart')[0]?.['media.ad.podFriendlyName']).toBe('sponsor');
    const start = r.events.find((e) => e.eventType === 'adStart');
    expect(start?.params).toMatchObject({ 'media.ad.podPosition': 4, 'media.ad.advertiser': 'ACME' });
    expect(start?.customMetadata).toEqual({ campaign: 'x' });
  });

  it('the playhead stays frozen at the break position for every event inside it', () => {
    const beats: Beat[] = [
      ...START,
      ...playing(250, 4000),
      { t: 4100, signal: { type: 'adBreakStart' } },
      { t: 4200, signal: ad('x') },
      ...playing(4300, 9000, 0).map((b) => ({ ...b, snap: { ...b.snap, duration: 5 } })),
      { t: 9100, signal: 'adBreakComplete' },
    ];
    const r = run(beats);
    const inBreak = r.events.slice(r.types.indexOf('adBreakStart'), r.types.indexOf('adBreakComplete') + 1);
    const heads = new Set(inBreak.map((e) => e.playerTime.playhead));
    expect(heads.size).toBe(1);
    expect([...heads][0]).toBeCloseTo(3.85, 1);
  });

  it('media.length is the content duration, never the ad', () => {
    const r = run(PREROLL);
    expect(r.events[0]?.params?.['media.length']).toBe(60);
  });

  it('pings every adPingInterval inside a break, then back on the content grid', () => {
    const r = run([
      ...START,
      ...playing(250, 12_000),
      { t: 12_100, signal: { type: 'adBreakStart' } },
      { t: 15_150, signal: 'tick' },
      { t: 15_200, signal: 'adBreakComplete' },
      ...playing(15_250, 31_000, 11.9),
    ]);
    const pings = r.events.filter((e) => e.eventType === 'ping').map((e) => e.playerTime.ts - T0);
    expect(pings).toEqual([10_000, 13_100, 14_100, 15_100, 20_000, 30_000]);
  });
});

describe('chapters', () => {
  const CUES: ChapterCue[] = [
    { index: 1, start: 0, end: 10, name: 'Opening' },
    { index: 2, start: 10, end: 20, name: 'Middle' },
    { index: 3, start: 20, end: 30, name: 'Ending' },
  ];
  const cueAt = (t: number) => CUES.find((c) => t >= c.start && t < c.end);
  /** Timeupdates with the chapter cue under the playhead, as the adapter reads it. */
  const withCues = (beats: Beat[]) =>
    beats.map((b) => ({
      ...b,
      snap: { ...b.snap, ...(b.snap?.playhead !== undefined ? { chapter: cueAt(b.snap.playhead) } : {}) },
    }));
  const chapterEvents = (events: McEvent[]) =>
    events
      .filter((e) => e.eventType.startsWith('chapter'))
      .map((e) => `${e.eventType}:${e.params?.['media.chapter.index'] ?? ''}`);

  it('entering a cue starts its chapter after play; reaching its end completes it', () => {
    const r = run(withCues([...START, ...playing(250, 12_000)]));
    expect(chapterEvents(r.events)).toEqual(['chapterStart:1', 'chapterComplete:', 'chapterStart:2']);
    expect(r.types.indexOf('play')).toBeLessThan(r.types.indexOf('chapterStart'));
    expect(r.events.find((e) => e.eventType === 'chapterStart')?.params).toEqual({
      'media.chapter.index': 1,
      'media.chapter.offset': 0,
      'media.chapter.length': 10,
      'media.chapter.friendlyName': 'Opening',
    });
  });

  it('seeking out of a chapter early is chapterSkip', () => {
    const r = run(
      withCues([
        ...START,
        ...playing(250, 3000),
        { t: 3100, signal: 'seeking', snap: { seeking: true, playhead: 25 } },
        { t: 3300, signal: 'seeked', snap: { seeking: false, playhead: 25 } },
        ...playing(3550, 4000, 25.25),
      ]),
    );
    expect(chapterEvents(r.events)).toEqual(['chapterStart:1', 'chapterSkip:', 'chapterStart:3']);
  });

  it('a chapter ending where a mid-roll begins closes before the break; the next starts after it (timeline 3)', () => {
    const r = run(
      withCues([
        ...START,
        ...playing(250, 9900),
        { t: 9950, signal: { type: 'adBreakStart' } },
        { t: 15_000, signal: 'adBreakComplete' },
        ...playing(15_500, 16_500, 9.9),
      ]),
    );
    const order = r.events
      .map((e) => e.eventType)
      .filter((t) => t !== 'ping' && t !== 'play' && t !== 'sessionStart');
    expect(order).toEqual([
      'chapterStart',
      'chapterComplete',
      'adBreakStart',
      'adBreakComplete',
      'chapterStart',
    ]);
  });

  it('sessionComplete completes the open chapter first', () => {
    const r = run(
      withCues([...START, ...playing(250, 1000), { t: 1100, signal: 'ended', snap: { ended: true } }]),
    );
    expect(noPings(r.types).slice(-2)).toEqual(['chapterComplete', 'sessionComplete']);
  });

  it('manual chapters: start, complete, skip; never inside a break', () => {
    const chapter = (offset: number): Beat['signal'] => ({
      type: 'chapterStart',
      chapter: { offset, length: 10, name: `c${offset}` },
    });
    const r = run([
      ...START,
      { t: 500, signal: chapter(0) },
      { t: 600, signal: 'chapterComplete' },
      { t: 700, signal: chapter(10) },
      { t: 800, signal: 'chapterSkip' },
      { t: 900, signal: { type: 'adBreakStart' } },
      { t: 950, signal: chapter(20) },
    ]);
    expect(chapterEvents(r.events)).toEqual([
      'chapterStart:1',
      'chapterComplete:',
      'chapterStart:2',
      'chapterSkip:',
    ]);
  });
});

describe('context re-sent in a resumed session', () => {
  it('a session lost inside an ad resumes with the break and the ad', () => {
    const first = run([...START, { t: 1000, signal: ad('x') }]);
    const gone = reduce(
      testConfig(),
      first.state,
      { type: 'sessionGone', session: first.state.session },
      snapshot({ paused: false }),
      T0 + 2000,
    );
    expect(noPings(gone.out.map((o) => o.event.eventType))).toEqual([
      'sessionStart',
      'adBreakStart',
      'adStart',
      'play',
    ]);
    expect(gone.out.find((o) => o.event.eventType === 'sessionStart')?.event.params?.['media.resume']).toBe(
      true,
    );
  });
});
