import { map, type Observable } from 'rxjs';
import type { AdSignal, PlayerSignal } from '../core/signals';
import { endOnError } from '../streams/end-on-error';
import { each, merge } from '../streams/sources';
import { call } from './guard';
import type { PlayerLike } from './player';
import { fromSource } from './player-signals';

/**
 * Firefox leaks unprefixed seeking/seeked/waiting when content resumes after a break
 * (docs/browsers.md#videojs-contrib-ads): for this long after `adend` they are the ad stack's, not the
 * viewer's.
 */
const RESUME_GUARD_MS = 2_000;
const LEAKED = new Set(['seeking', 'seeked', 'waiting']);

interface AdEvent {
  type: string;
  indexInBreak?: number;
  ad?: { id?: string; duration?: number; title?: string };
}

export interface ContribAdsDeps {
  now: () => number;
  /** True when another source (IMA) describes the ads better: then only the break bookends come from here. */
  richer: () => boolean;
  /** Reading an ad event failed: that event is skipped, the others go on. */
  onError: (error: unknown) => void;
}

export interface ContribAdsSource {
  signal$: Observable<PlayerSignal>;
  /** True for a content event contrib-ads lets leak while content resumes after a break: drop it. */
  leaked(signal: PlayerSignal): boolean;
}

/**
 * videojs-contrib-ads as ad signals: linear ad mode (`adstart`/`adend`) is the break; the common
 * interface (`ads-pod-started`, `ads-ad-started` with `indexInBreak`, `ads-ad-ended`, `ads-ad-skipped`)
 * finds the ads when the integration sends it, ad-prefixed media events (`adplaying`, `adended`)
 * otherwise. Every read of the player is guarded: an ad integration that broke it skips an event, never
 * throws into the player.
 */
export function contribAds(player: PlayerLike, { now, richer, onError }: ContribAdsDeps): ContribAdsSource {
  let commonInterface = false;
  let currentAd: string | undefined;
  let contentEnded = false;
  let guardUntil = 0;
  const currentSrc = () => String(call(player, 'currentSrc') ?? '');
  const adFrom = (e: AdEvent, position?: number): AdSignal => {
    const src = currentSrc();
    const duration = call(player, 'duration');
    currentAd = src;
    return {
      type: 'adStart',
      ad: {
        id: e.ad?.id ?? src,
        length: e.ad?.duration ?? (typeof duration === 'number' ? duration : 0),
        ...(position !== undefined ? { podPosition: position } : {}),
        ...(e.ad?.title ? { name: e.ad.title } : {}),
      },
    };
  };
  const on = (types: string[], handle: (e: AdEvent) => PlayerSignal[]) =>
    fromSource(player, types).pipe(
      map((e) => {
        try {
          return handle(e as AdEvent);
        } catch (error) {
          onError(error);
          return [];
        }
      }),
    );

  const closeBreak = (): PlayerSignal[] => {
    currentAd = undefined;
    guardUntil = now() + RESUME_GUARD_MS;
    return [{ type: 'adBreakComplete' }];
  };

  const batches$ = merge(
    on(['adstart'], () => {
      currentAd = undefined;
      return [{ type: 'adBreakStart' }];
    }),
    on(['ads-pod-started'], () => {
      commonInterface = true;
      return [{ type: 'adBreakStart' }];
    }),
    on(['ads-ad-started'], (e) => {
      commonInterface = true;
      // The fallback may already have announced this ad from its `adplaying`.
      if (richer() || (currentAd !== undefined && currentAd === currentSrc())) return [];
      return [adFrom(e, typeof e.indexInBreak === 'number' ? e.indexInBreak + 1 : undefined)];
    }),
    on(['adplaying'], (e) => {
      // A richer source reports its own ads' pauses; here the content element is only being parked.
      if (richer()) return [];
      const start = !commonInterface && currentAd !== currentSrc() ? [adFrom(e)] : [];
      // Also the resume of a paused ad.
      return [...start, { type: 'playing' }];
    }),
    on(['adpause'], () => (richer() ? [] : [{ type: 'pause' }])),
    on(['adended', 'ads-ad-ended'], (e) => {
      if (richer() || (e.type === 'adended' && commonInterface)) return [];
      currentAd = undefined;
      return [{ type: 'adComplete' }];
    }),
    on(['ads-ad-skipped'], () => (richer() ? [] : [{ type: 'adSkip' }])),
    // adskip: no ad this time (preroll or postroll skipped); after the content's end that means it is over.
    on(['adskip'], () => (contentEnded ? [{ type: 'ended' }] : [])),
    on(['adend', 'ads-pod-ended', 'adtimeout', 'adserror'], closeBreak),
    on(['contentended'], () => {
      contentEnded = true;
      return [{ type: 'contentEnded' }];
    }),
    on(['loadstart'], () => {
      contentEnded = false;
      return [];
    }),
  );
  return {
    signal$: batches$.pipe(each, endOnError(onError)),
    leaked: (s) => LEAKED.has(s.type) && now() < guardUntil,
  };
}
