import { filter, fromEventPattern, map, type Observable, Subject } from 'rxjs';
import type { PlayerSignal } from '../core/signals';
import { endOnError } from '../streams/end-on-error';
import { deferred, each, just, merge, switchMap } from '../streams/sources';
import { call } from './guard';
import { adInfoOf } from './ima-ad';
import type { PlayerLike } from './player';
import { fromSource } from './player-signals';

export interface ImaDeps {
  /** An AdsManager misbehaved: the event is skipped (or, if it cannot be listened to, that manager). */
  onError: (error: unknown) => void;
}

export interface ImaSource {
  signal$: Observable<PlayerSignal>;
  /** True once the page's ads come through videojs-ima. */
  active(): boolean;
  /** An AdEvent heard before this adapter listened (src/wiring/ads.ts records them while the chunk loads). */
  replay(type: string, event: unknown): void;
}

/** The values of google.ima.AdEvent.Type / AdErrorEvent.Type we read (IMA HTML5 SDK reference). */
export const IMA_EVENT = {
  CONTENT_PAUSE_REQUESTED: 'contentPauseRequested',
  CONTENT_RESUME_REQUESTED: 'contentResumeRequested',
  STARTED: 'start',
  COMPLETE: 'complete',
  SKIPPED: 'skip',
  PAUSED: 'pause',
  RESUMED: 'resume',
  ALL_ADS_COMPLETED: 'allAdsCompleted',
  AD_ERROR: 'adError',
} as const;
type ImaEventType = (typeof IMA_EVENT)[keyof typeof IMA_EVENT];

type Listener = (event: unknown) => void;
/** An AdsManager, or videojs-ima's `player.ima`, which forwards to the AdsManager it has. */
interface AdEventTarget {
  addEventListener(type: string, listener: Listener): void;
  removeEventListener?(type: string, listener: Listener): void;
}

const isTarget = (value: unknown): value is AdEventTarget =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as AdEventTarget).addEventListener === 'function';

/** Where IMA's ad events can be heard right now: the AdsManager videojs-ima already has, or `player.ima`. */
function initialTarget(player: PlayerLike): AdEventTarget | undefined {
  const ima = (player as { ima?: unknown }).ima;
  const manager = call(ima, 'getAdsManager');
  if (isTarget(manager)) return manager;
  return isTarget(ima) ? ima : undefined;
}

/**
 * videojs-ima's AdEvents as ad signals. videojs-ima announces each AdsManager with the `ads-manager`
 * player event (after its own listeners, so contrib-ads has already opened the break by the time we
 * hear CONTENT_PAUSE_REQUESTED; the core makes the two one break). Breaks are not named here: IMA's
 * getTimeOffset() (0, seconds, -1) says pre/mid/post-roll, which the core already derives.
 */
export function imaAds(player: PlayerLike, { onError }: ImaDeps): ImaSource {
  let seen = false;
  let breakOpen = false;
  let adOpen = false;

  const managers$ = deferred(() => {
    let current: AdEventTarget | undefined; // each new AdsManager once (distinctUntilChanged, inlined)
    return merge(
      // Read when tracking starts: videojs-ima may have loaded its ads before the plugin.
      just(() => initialTarget(player)),
      fromSource(player, ['ads-manager']).pipe(map((e) => (e as { adsManager?: unknown }).adsManager)),
    ).pipe(
      filter((target): target is AdEventTarget => isTarget(target) && target !== current),
      map((target) => {
        seen = true;
        current = target;
        return target;
      }),
    );
  });

  const listen = (target: AdEventTarget, type: ImaEventType): Observable<[ImaEventType, unknown]> =>
    fromEventPattern<unknown>(
      (h: Listener) => target.addEventListener(type, h),
      (h: Listener) => target.removeEventListener?.(type, h),
    ).pipe(map((event): [ImaEventType, unknown] => [type, event]));

  const closeBreak = (): PlayerSignal[] => {
    const open = breakOpen || adOpen;
    breakOpen = false;
    adOpen = false;
    return open ? [{ type: 'adBreakComplete' }] : [];
  };

  function signals(type: ImaEventType, event: unknown): PlayerSignal[] {
    switch (type) {
      case IMA_EVENT.CONTENT_PAUSE_REQUESTED:
        breakOpen = true;
        return [{ type: 'adBreakStart' }];
      case IMA_EVENT.STARTED:
        // A non-linear (overlay) ad leaves the content playing: it is no ad break
        // (docs/mapping.md#ima-videojs-ima).
        if (call(call(event, 'getAd'), 'isLinear') === false) return [];
        adOpen = true;
        return [{ type: 'adStart', ad: adInfoOf(event) }];
      case IMA_EVENT.COMPLETE:
      case IMA_EVENT.SKIPPED: {
        if (!adOpen) return [];
        adOpen = false;
        return [{ type: type === IMA_EVENT.COMPLETE ? 'adComplete' : 'adSkip' }];
      }
      case IMA_EVENT.PAUSED:
        return adOpen ? [{ type: 'pause' }] : [];
      case IMA_EVENT.RESUMED:
        return adOpen ? [{ type: 'playing' }] : [];
      case IMA_EVENT.CONTENT_RESUME_REQUESTED:
      case IMA_EVENT.ALL_ADS_COMPLETED:
      case IMA_EVENT.AD_ERROR:
        // An AdsManager error is fatal for it (videojs-ima destroys it): close what is open.
        return closeBreak();
    }
  }

  const replayed$ = new Subject<[ImaEventType, unknown]>();
  const live$ = managers$.pipe(
    // A new AdsManager replaces the old one (videojs-ima destroys it on a new request).
    // An AdsManager that cannot be listened to is reported once and left; the next one is heard.
    switchMap((target) =>
      merge(...Object.values(IMA_EVENT).map((type) => listen(target, type))).pipe(endOnError(onError)),
    ),
  );
  const signal$ = merge(live$, replayed$).pipe(
    map(([type, event]) => {
      try {
        return signals(type, event);
      } catch (error) {
        onError(error);
        return [];
      }
    }),
    each,
    endOnError(onError),
  );

  return {
    signal$,
    // videojs-ima replaces the `ima` plugin function with its ImaPlugin object when `player.ima()` runs.
    active: () => seen || isTarget((player as { ima?: unknown }).ima),
    replay: (type, event) => replayed$.next([type as ImaEventType, event]),
  };
}
