import { describe, expect, it, vi } from 'vitest';
import type { AdSignal, PlayerSignal } from '../core/signals';
import type { McEvent } from '../mc/types';
import { type Beat, playing, run, START } from '../test-support/core-driver';
import { createFakeAdsManager, type FakeAd, fakeAd } from '../test-support/fake-ima';
import { createFakePlayer, type FakePlayer } from '../test-support/fake-player';
import { imaAds } from './ima';
import { adInfoOf } from './ima-ad';

// IMA's AdEvent order for a linear pod (IMA HTML5 reference, AdEvent.Type): the break opens with
// CONTENT_PAUSE_REQUESTED, each ad is LOADED, STARTED, IMPRESSION, quartiles, COMPLETE; the break closes
// with CONTENT_RESUME_REQUESTED; ALL_ADS_COMPLETED after the last break. The types the adapter does not
// read are in the scripts too: they must change nothing.
type Step = [type: string, ad?: FakeAd];

const ad = (id: string, position: number, total: number, timeOffset: number, duration = 5) =>
  fakeAd({
    id,
    duration,
    title: `Ad ${id}`,
    advertiser: 'Acme',
    creativeId: `cr-${id}`,
    position,
    total,
    timeOffset,
  });
const A1 = ad('a1', 1, 2, 0, 15);
const A2 = ad('a2', 2, 2, 0, 7);
const MID = ad('m1', 1, 1, 21, 8);
const POST = ad('p1', 1, 1, -1);

const played = (a: FakeAd): Step[] => [
  ['loaded', a],
  ['start', a],
  ['impression', a],
  ['firstquartile', a],
  ['midpoint', a],
  ['thirdquartile', a],
  ['complete', a],
];
const PREROLL: Step[] = [['contentPauseRequested'], ...played(A1), ...played(A2), ['contentResumeRequested']];
const MIDROLL: Step[] = [['contentPauseRequested'], ...played(MID), ['contentResumeRequested']];
const POSTROLL: Step[] = [
  ['contentPauseRequested'],
  ...played(POST),
  ['contentResumeRequested'],
  ['allAdsCompleted'],
];

const adStart = (a: FakeAd) => ({ type: 'adStart', ad: adInfoOf({ getAd: () => a }) }) as AdSignal;

/** A fake player with IMA set up the way videojs-ima does it: the AdsManager arrives with `ads-manager`. */
function setUp(before?: (player: FakePlayer) => void) {
  const player = createFakePlayer();
  before?.(player);
  const errors: unknown[] = [];
  const ima = imaAds(player, { onError: (error) => errors.push(error) });
  const signals: PlayerSignal[] = [];
  const subscription = ima.signal$.subscribe((s) => signals.push(s));
  const manager = createFakeAdsManager();
  // videojs-ima: player.trigger({ type: 'ads-manager', adsManager })
  const announce = (adsManager: unknown = manager) => player.fire('ads-manager', undefined, { adsManager });
  const play = (steps: Step[]) => {
    for (const [type, a] of steps) manager.dispatch(type, a);
  };
  return { player, ima, signals, errors, subscription, manager, announce, play };
}

describe('imaAds: recorded AdEvent sequences → ad signals', () => {
  const rows: { name: string; steps: Step[]; signals: PlayerSignal[] }[] = [
    {
      name: 'pre-roll of two: getAd() data, podPosition straight from getAdPosition()',
      steps: PREROLL,
      signals: [
        { type: 'adBreakStart' },
        {
          type: 'adStart',
          ad: {
            id: 'a1',
            length: 15,
            podPosition: 1,
            name: 'Ad a1',
            advertiser: 'Acme',
            creativeId: 'cr-a1',
          },
        },
        { type: 'adComplete' },
        {
          type: 'adStart',
          ad: { id: 'a2', length: 7, podPosition: 2, name: 'Ad a2', advertiser: 'Acme', creativeId: 'cr-a2' },
        },
        { type: 'adComplete' },
        { type: 'adBreakComplete' },
      ],
    },
    {
      name: 'mid-roll',
      steps: MIDROLL,
      signals: [{ type: 'adBreakStart' }, adStart(MID), { type: 'adComplete' }, { type: 'adBreakComplete' }],
    },
    {
      name: 'post-roll, then ALL_ADS_COMPLETED with nothing left open',
      steps: POSTROLL,
      signals: [{ type: 'adBreakStart' }, adStart(POST), { type: 'adComplete' }, { type: 'adBreakComplete' }],
    },
    {
      name: 'a skipped ad is adSkip',
      steps: [['contentPauseRequested'], ['start', A1], ['skip', A1], ['contentResumeRequested']],
      signals: [{ type: 'adBreakStart' }, adStart(A1), { type: 'adSkip' }, { type: 'adBreakComplete' }],
    },
    {
      name: 'an AdErrorEvent mid-ad closes the break; nothing follows from the destroyed manager',
      steps: [
        ['contentPauseRequested'],
        ['start', A1],
        ['adError'],
        ['complete', A1],
        ['contentResumeRequested'],
      ],
      signals: [{ type: 'adBreakStart' }, adStart(A1), { type: 'adBreakComplete' }],
    },
    {
      name: 'an ad paused and resumed is pause … playing',
      steps: [
        ['contentPauseRequested'],
        ['start', A1],
        ['pause', A1],
        ['resume', A1],
        ['complete', A1],
        ['contentResumeRequested'],
      ],
      signals: [
        { type: 'adBreakStart' },
        adStart(A1),
        { type: 'pause' },
        { type: 'playing' },
        { type: 'adComplete' },
        { type: 'adBreakComplete' },
      ],
    },
    {
      name: 'ALL_ADS_COMPLETED closes a break still open',
      steps: [['contentPauseRequested'], ['start', POST], ['complete', POST], ['allAdsCompleted']],
      signals: [{ type: 'adBreakStart' }, adStart(POST), { type: 'adComplete' }, { type: 'adBreakComplete' }],
    },
    {
      name: 'a non-linear (overlay) ad is no ad break; pause/resume outside an ad mean nothing',
      steps: [
        ['start', fakeAd({ id: 'overlay', linear: false })],
        ['pause'],
        ['resume'],
        ['complete'],
        ['adError'],
      ],
      signals: [],
    },
  ];
  it.each(rows)('$name', ({ steps, signals }) => {
    const t = setUp();
    t.announce();
    t.play(steps);
    expect(t.signals).toEqual(signals);
    expect(t.errors).toEqual([]);
  });
});

describe('imaAds: reading IMA objects defensively', () => {
  it('falls back to the creative id, then the media URL, for media.ad.id', () => {
    expect(adInfoOf({ getAd: () => fakeAd({ creativeId: 'cr', duration: 5 }) }).id).toBe('cr');
    expect(adInfoOf({ getAd: () => fakeAd({ mediaUrl: 'https://ads.test/x.mp4' }) }).id).toBe(
      'https://ads.test/x.mp4',
    );
  });
  it('an Ad lacking methods, or whose getters throw, still gives an adStart', () => {
    const throwing = {
      getAdId: () => {
        throw new Error('x');
      },
      getDuration: () => Number.NaN,
      getAdPodInfo: () => null,
    };
    expect(adInfoOf({ getAd: () => throwing })).toEqual({ id: 'unknown', length: 0 });
    expect(adInfoOf({})).toEqual({ id: 'unknown', length: 0 });
    expect(adInfoOf(null)).toEqual({ id: 'unknown', length: 0 });
    const t = setUp();
    t.announce();
    t.manager.dispatch('start', { getAdPodInfo: () => ({ getAdPosition: () => 0 }) });
    expect(t.signals).toEqual([{ type: 'adStart', ad: { id: 'unknown', length: 0 } }]);
  });
  it('an AdsManager that throws on addEventListener neither throws into the player nor ends tracking', () => {
    const t = setUp();
    const broken = {
      addEventListener: () => {
        throw new Error('gone');
      },
    };
    expect(() => t.announce(broken)).not.toThrow();
    expect(t.errors).toEqual([new Error('gone')]); // said once for that manager, not once per event type
    t.announce();
    t.play(PREROLL.slice(0, 3));
    expect(t.signals).toEqual([{ type: 'adBreakStart' }, adStart(A1)]);
    expect(t.errors).toHaveLength(1);
  });
});

describe('imaAds: finding IMA', () => {
  it('is inactive without IMA, and while `ima` is still the unused plugin function', () => {
    expect(setUp().ima.active()).toBe(false);
    expect(setUp((p) => Object.assign(p, { ima: () => undefined })).ima.active()).toBe(false);
  });
  it('becomes active with the ads-manager event', () => {
    const t = setUp();
    t.announce();
    expect(t.ima.active()).toBe(true);
  });
  it('uses the AdsManager videojs-ima already has when the plugin starts after the ads loaded', () => {
    const manager = createFakeAdsManager();
    const t = setUp((p) =>
      Object.assign(p, { ima: { addEventListener: () => {}, getAdsManager: () => manager } }),
    );
    expect(t.ima.active()).toBe(true);
    manager.dispatch('contentPauseRequested');
    expect(t.signals).toEqual([{ type: 'adBreakStart' }]);
  });
  it('the same AdsManager announced again is not subscribed again, in each subscription', () => {
    const t = setUp();
    t.announce();
    const added = vi.spyOn(t.manager, 'addEventListener');
    t.announce(); // videojs-ima re-announces it, or the plugin already read it at start
    expect(added).not.toHaveBeenCalled();
    const second: PlayerSignal[] = [];
    const again = t.ima.signal$.subscribe((s) => second.push(s));
    t.announce(); // new to the second subscription only
    expect(added.mock.calls.length).toBe(t.manager.listenerCount() / 2);
    t.manager.dispatch('contentPauseRequested');
    expect(t.signals).toEqual([{ type: 'adBreakStart' }]);
    expect(second).toEqual([{ type: 'adBreakStart' }]);
    again.unsubscribe();
  });
  it('listens through player.ima.addEventListener when that is all there is', () => {
    const manager = createFakeAdsManager();
    const t = setUp((p) => Object.assign(p, { ima: { addEventListener: manager.addEventListener } }));
    manager.dispatch('contentPauseRequested');
    expect(t.signals).toEqual([{ type: 'adBreakStart' }]);
  });
  it('a new AdsManager replaces the old one, and unsubscribing leaves no listener anywhere', () => {
    const t = setUp();
    const before = t.player.listenerCount();
    t.announce();
    const next = createFakeAdsManager();
    t.announce(next);
    expect(t.manager.listenerCount()).toBe(0);
    t.manager.dispatch('contentPauseRequested');
    next.dispatch('contentPauseRequested');
    expect(t.signals).toEqual([{ type: 'adBreakStart' }]);
    expect(next.listenerCount()).toBeGreaterThan(0);
    t.subscription.unsubscribe();
    expect(next.listenerCount()).toBe(0);
    expect(t.player.listenerCount()).toBe(before - 1);
  });
});

// Through the real core: the adapter's signals, at the times IMA would fire them, make Adobe's bookends.
const noPings = (types: string[]) => types.filter((type) => type !== 'ping');
const paramsOf = (events: McEvent[], type: string) =>
  events.filter((e) => e.eventType === type).map((e) => e.params);

/** Beats from an IMA script: each step at its time, turned into whatever signals the adapter made of it. */
function imaBeats(script: [t: number, ...Step][]): Beat[] {
  const t = setUp();
  t.announce();
  return script.flatMap(([at, type, a]) => {
    const from = t.signals.length;
    t.manager.dispatch(type, a);
    return t.signals.slice(from).map((signal) => ({ t: at, signal }));
  });
}
const inOrder = (...lists: Beat[][]) => lists.flat().sort((x, y) => x.t - y.t);
/** contrib-ads' bookends as videojs-ima causes them: `adstart` just before CONTENT_PAUSE_REQUESTED reaches us, `adend` just before CONTENT_RESUME_REQUESTED does. */
const contrib = (start: number, end: number): Beat[] => [
  { t: start - 1, signal: { type: 'adBreakStart' } },
  { t: end - 1, signal: { type: 'adBreakComplete' } },
];

describe('IMA signals through the core', () => {
  it('a pre-roll of two from IMA alone is timeline 1: bookends, adStart params from getAd(), then play', () => {
    const beats = inOrder(
      [{ t: 0, signal: 'play', snap: { paused: false } }],
      imaBeats([
        [100, 'contentPauseRequested'],
        [200, 'start', A1],
        [15_200, 'complete', A1],
        [15_300, 'start', A2],
        [22_300, 'complete', A2],
        [22_400, 'contentResumeRequested'],
      ]),
      [{ t: 22_600, signal: 'playing' }],
    );
    const r = run(beats);
    expect(noPings(r.types)).toEqual([
      'sessionStart',
      'adBreakStart',
      'adStart',
      'adComplete',
      'adStart',
      'adComplete',
      'adBreakComplete',
      'play',
    ]);
    expect(paramsOf(r.events, 'adBreakStart')).toEqual([
      { 'media.ad.podIndex': 1, 'media.ad.podSecond': 0, 'media.ad.podFriendlyName': 'preroll' },
    ]);
    expect(paramsOf(r.events, 'adStart')).toEqual([
      {
        'media.ad.id': 'a1',
        'media.ad.length': 15,
        'media.ad.podPosition': 1,
        'media.ad.playerName': 'video.js',
        'media.ad.name': 'Ad a1',
        'media.ad.advertiser': 'Acme',
        'media.ad.creativeId': 'cr-a1',
      },
      {
        'media.ad.id': 'a2',
        'media.ad.length': 7,
        'media.ad.podPosition': 2,
        'media.ad.playerName': 'video.js',
        'media.ad.name': 'Ad a2',
        'media.ad.advertiser': 'Acme',
        'media.ad.creativeId': 'cr-a2',
      },
    ]);
  });

  it('pre-, mid- and post-roll with contrib-ads bookending too: one break each, named by the core, then sessionComplete', () => {
    const ima = imaBeats([
      [100, 'contentPauseRequested'],
      [200, 'start', A1],
      [5_200, 'complete', A1],
      [5_300, 'start', A2],
      [10_300, 'complete', A2],
      [10_400, 'contentResumeRequested'],
      [20_100, 'contentPauseRequested'],
      [20_200, 'start', MID],
      [25_200, 'complete', MID],
      [25_300, 'contentResumeRequested'],
      [31_100, 'contentPauseRequested'],
      [31_200, 'start', POST],
      [36_200, 'complete', POST],
      [36_300, 'contentResumeRequested'],
      [36_400, 'allAdsCompleted'],
    ]);
    const content: Beat[] = [
      { t: 50, signal: 'play', snap: { paused: false } },
      { t: 10_600, signal: 'playing', snap: { playhead: 0 } },
      ...playing(10_750, 20_000, 0),
      ...playing(25_500, 30_500, 9.3),
      { t: 30_900, signal: 'pause', snap: { paused: true, ended: true, playhead: 60 } },
      { t: 30_950, signal: { type: 'contentEnded' } },
      { t: 36_500, signal: 'ended' },
    ];
    const r = run(
      inOrder(content, contrib(100, 10_400), contrib(20_100, 25_300), contrib(31_100, 36_300), ima),
    );
    expect(noPings(r.types)).toEqual([
      'sessionStart',
      'adBreakStart',
      'adStart',
      'adComplete',
      'adStart',
      'adComplete',
      'adBreakComplete',
      'play',
      'adBreakStart',
      'adStart',
      'adComplete',
      'adBreakComplete',
      'adBreakStart',
      'adStart',
      'adComplete',
      'adBreakComplete',
      'sessionComplete',
    ]);
    expect(
      paramsOf(r.events, 'adBreakStart').map((p) => [
        p?.['media.ad.podIndex'],
        p?.['media.ad.podFriendlyName'],
      ]),
    ).toEqual([
      [1, 'preroll'],
      [2, 'midroll'],
      [3, 'postroll'],
    ]);
    expect(
      paramsOf(r.events, 'adStart').map((p) => [p?.['media.ad.id'], p?.['media.ad.podPosition']]),
    ).toEqual([
      ['a1', 1],
      ['a2', 2],
      ['m1', 1],
      ['p1', 1],
    ]);
  });

  it('skip, pause/resume and an ad error inside breaks keep every ad inside its bookends', () => {
    const beats = inOrder(
      START,
      playing(250, 2_000),
      imaBeats([
        [2_100, 'contentPauseRequested'],
        [2_200, 'start', A1],
        [3_000, 'pause', A1],
        [5_000, 'resume', A1],
        [6_000, 'skip', A1],
        [6_100, 'start', A2],
        [7_000, 'complete', A2],
        [7_100, 'contentResumeRequested'],
        [9_000, 'contentPauseRequested'],
        [9_100, 'start', MID],
        [10_000, 'adError'],
      ]),
    );
    expect(noPings(run(beats).types)).toEqual([
      'sessionStart',
      'play',
      'adBreakStart',
      'adStart',
      'pauseStart',
      'play',
      'adSkip',
      'adStart',
      'adComplete',
      'adBreakComplete',
      // The core closes the ad the error cut short as it closes any ad still open at a break's end.
      'adBreakStart',
      'adStart',
      'adComplete',
      'adBreakComplete',
    ]);
  });
});
