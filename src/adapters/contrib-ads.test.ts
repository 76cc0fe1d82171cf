import { filter, Subject, takeUntil } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { PlayerSignal } from '../core/signals';
import { createFakePlayer, type FakePlayer } from '../test-support/fake-player';
import { contribAds } from './contrib-ads';
import { pageLifecycle } from './page-lifecycle';
import { playerSignals } from './player-signals';

/** These recordings come from working ad stacks: any reported failure is a bug. */
const fail = (error: unknown): never => {
  throw new Error(`unexpected ad stack error: ${String(error)}`);
};

// Event sequences recorded from videojs-contrib-ads 7.5.2 with the demo integration
// (docs/browsers.md#videojs-contrib-ads), as a listener added after `player.ads()` sees them.
const AD1 = 'https://media.test/ad1.webm';
const AD2 = 'https://media.test/ad2.webm';
const CONTENT = 'https://media.test/content.webm';

type Step = [type: string, patch?: Partial<FakePlayer['state']>, data?: Record<string, unknown>];

const PREROLL_COMMON: Step[] = [
  ['adsready'],
  ['loadstart'],
  ['loadedmetadata'],
  ['canplay'],
  ['readyforpreroll'],
  ['adstart'],
  ['ads-pod-started'],
  ['play'],
  ['adloadstart', { src: AD1, duration: 5 }],
  ['adplaying'],
  ['ads-ad-started', {}, { indexInBreak: 0 }],
  ['adpause', { ended: true }],
  ['adended'],
  ['ads-ad-ended'],
  ['adloadstart', { src: AD2, ended: false }],
  ['adplaying'],
  ['ads-ad-started', {}, { indexInBreak: 1 }],
  ['adended', { ended: true }],
  ['ads-ad-ended'],
  ['ads-pod-ended'],
  ['adend'],
  ['contentloadstart', { src: CONTENT, duration: 30, ended: false }],
  ['contentplay'],
  ['playing'],
];

/** Fires the steps and returns the signals the ad source and the guarded content stream produced. */
function record(steps: Step[], richer = false, clock = { now: 0 }): string[] {
  const player = createFakePlayer();
  player.state.src = CONTENT;
  const source = contribAds(player, { now: () => clock.now, richer: () => richer, onError: fail });
  const out: string[] = [];
  const stop$ = new Subject<void>();
  const name = (s: PlayerSignal) =>
    s.type === 'adStart'
      ? `adStart(${s.ad.id.split('/').pop()},${s.ad.podPosition ?? '-'},${s.ad.length})`
      : s.type;
  source.signal$.pipe(takeUntil(stop$)).subscribe((s) => out.push(name(s)));
  playerSignals(player, pageLifecycle())
    .pipe(
      filter((s) => !source.leaked(s)),
      takeUntil(stop$),
    )
    .subscribe((s) => out.push(`content:${s.type}`));
  for (const [type, patch, data] of steps) {
    clock.now += 10;
    player.fire(type, patch, data);
  }
  stop$.next();
  return out.filter((s) => !s.startsWith('content:durationchange'));
}

describe('contribAds', () => {
  it('pre-roll with the common interface: bookends and ads with 1-based positions', () => {
    const signals = record(PREROLL_COMMON).filter((s) => !s.startsWith('content:'));
    expect(signals).toEqual([
      'adBreakStart',
      'adBreakStart',
      'playing',
      'adStart(ad1.webm,1,5)',
      'pause',
      'adComplete',
      'playing',
      'adStart(ad2.webm,2,5)',
      'adComplete',
      'adBreakComplete',
      'adBreakComplete',
    ]);
  });

  it('without the common interface, adplaying and adended find each ad', () => {
    const fallback = PREROLL_COMMON.filter(([t]) => !t.startsWith('ads-'));
    const signals = record(fallback).filter((s) => !s.startsWith('content:'));
    expect(signals).toEqual([
      'adBreakStart',
      'adStart(ad1.webm,-,5)',
      'playing',
      'pause',
      'adComplete',
      'adStart(ad2.webm,-,5)',
      'playing',
      'adComplete',
      'adBreakComplete',
    ]);
  });

  it('lets the content play intent through and keeps the unprefixed playing after the break', () => {
    const content = record(PREROLL_COMMON).filter((s) => s.startsWith('content:'));
    expect(content).toEqual(['content:loadstart', 'content:play', 'content:playing']);
  });

  it('drops the seeking/seeked/waiting Firefox leaks right after a break, not later', () => {
    const clock = { now: 0 };
    const leak: Step[] = [
      ['adstart'],
      ['adend'],
      ['playing'],
      ['seeking'],
      ['waiting'],
      ['seeked'],
      ['canplay'],
    ];
    const early = record(leak, false, clock).filter((s) => s.startsWith('content:'));
    expect(early).toEqual(['content:playing']);
    const later = record(
      [['adstart'], ['adend'], ...Array.from({ length: 300 }, (): Step => ['canplay']), ['seeking']],
      false,
      { now: 0 },
    );
    expect(later.filter((s) => s.startsWith('content:'))).toEqual(['content:seeking']);
  });

  it('post-roll: contentended, then the break; adskip without a post-roll means the end', () => {
    const post = record([
      ['pause', { ended: true }],
      ['contentended'],
      ['readyforpostroll'],
      ['adstart'],
      ['adplaying'],
      ['adended'],
      ['adend'],
      ['resumeended'],
    ]);
    expect(post.filter((s) => !s.startsWith('content:'))).toEqual([
      'contentEnded',
      'adBreakStart',
      'adStart(content.webm,-,30)',
      'playing',
      'adComplete',
      'adBreakComplete',
    ]);
    const none = record([['contentended'], ['readyforpostroll'], ['adskip']]);
    expect(none.filter((s) => !s.startsWith('content:'))).toEqual(['contentEnded', 'ended']);
  });

  it('adtimeout and adserror close whatever is open', () => {
    expect(record([['play'], ['adtimeout']]).filter((s) => !s.startsWith('content:'))).toEqual([
      'adBreakComplete',
    ]);
    expect(
      record([['adstart'], ['adplaying'], ['adserror']]).filter((s) => !s.startsWith('content:')),
    ).toEqual(['adBreakStart', 'adStart(content.webm,-,30)', 'playing', 'adBreakComplete']);
  });

  it('leaves the ads themselves to a richer source (IMA): only the bookends come from here', () => {
    const signals = record(PREROLL_COMMON, true).filter((s) => !s.startsWith('content:'));
    expect(signals).toEqual(['adBreakStart', 'adBreakStart', 'adBreakComplete', 'adBreakComplete']);
  });
});

describe('contribAds with an ad integration that misbehaves', () => {
  const listen = (player: FakePlayer) => {
    const errors: unknown[] = [];
    const signals: PlayerSignal[] = [];
    const source = contribAds(player, { now: () => 0, richer: () => false, onError: (e) => errors.push(e) });
    const subscription = source.signal$.subscribe((s) => signals.push(s));
    return { errors, signals, subscription };
  };

  it('a player whose reads throw still gets its ad bookended, and nothing is thrown into the player', () => {
    const player = createFakePlayer();
    player.currentSrc = () => {
      throw new Error('tech gone');
    };
    player.duration = () => {
      throw new Error('tech gone');
    };
    const { errors, signals } = listen(player);
    expect(() => {
      player.fire('adstart');
      player.fire('ads-ad-started', {}, { indexInBreak: 0, ad: { id: 'ad-1' } });
      player.fire('ads-ad-ended');
      player.fire('adend');
    }).not.toThrow();
    expect(signals).toEqual([
      { type: 'adBreakStart' },
      { type: 'adStart', ad: { id: 'ad-1', length: 0, podPosition: 1 } },
      { type: 'adComplete' },
      { type: 'adBreakComplete' },
    ]);
    expect(errors).toEqual([]);
  });

  it('an ad event that cannot be read is reported and skipped; the next ones still count', () => {
    const player = createFakePlayer();
    const { errors, signals } = listen(player);
    const broken = new Error('bad ad object');
    player.fire('adstart');
    const ad = {
      get id(): string {
        throw broken;
      },
    };
    player.fire('ads-ad-started', {}, { indexInBreak: 0, ad });
    player.fire('adend');
    expect(errors).toEqual([broken]);
    expect(signals.map((s) => s.type)).toEqual(['adBreakStart', 'adBreakComplete']);
  });

  it('a player that refuses listeners is reported, not thrown at the page', () => {
    const player = createFakePlayer();
    player.on = () => {
      throw new Error('disposed');
    };
    const { errors, signals, subscription } = listen(player);
    expect(errors).toEqual([new Error('disposed')]);
    expect(signals).toEqual([]);
    expect(subscription.closed).toBe(true);
  });
});
