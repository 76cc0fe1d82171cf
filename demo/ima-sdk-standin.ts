// The Google IMA SDK half of the IMA stand-in (demo/ima-standin.ts is the videojs-ima half). It imitates
// an AdsManager as an analytics plugin sees one: add/removeEventListener, AdEvents with getAd() and
// getAdData(), Ads with IMA's getters and getAdPodInfo(), AdErrorEvents with getError(), the SDK's event
// type strings, and linear ads played in the SDK's own <video> laid over the player. It does not imitate
// ad requests, VAST/VMAP, the SDK's iframe and UI, quartile/impression/progress events or non-linear ads.
import { absolute } from './demo-options';

type Listener = (event: unknown) => void;

/** google.ima.AdEvent.Type and AdErrorEvent.Type values, as the IMA SDK spells them. */
export const AD_EVENT = {
  CONTENT_PAUSE_REQUESTED: 'contentPauseRequested',
  CONTENT_RESUME_REQUESTED: 'contentResumeRequested',
  LOADED: 'loaded',
  STARTED: 'start',
  COMPLETE: 'complete',
  SKIPPED: 'skip',
  PAUSED: 'pause',
  RESUMED: 'resume',
  ALL_ADS_COMPLETED: 'allAdsCompleted',
  AD_ERROR: 'adError',
} as const;

/** An IMA Ad; `offset` is getTimeOffset() (0 pre-roll, seconds, -1 post-roll), `pod` getPodIndex(). */
function imaAd(
  clip: string,
  position: number,
  total: number,
  offset: number,
  pod: number,
  el: HTMLVideoElement,
) {
  const url = absolute(`/media/${clip}`);
  const podInfo = {
    getAdPosition: () => position,
    getTotalAds: () => total,
    getTimeOffset: () => offset,
    getPodIndex: () => pod,
  };
  return {
    getAdId: () => `standin-${pod}-${position}`,
    getCreativeId: () => `creative-${clip}`,
    getTitle: () => clip,
    getAdvertiserName: () => 'Stand-in Advertiser',
    getDuration: () => el.duration,
    getMediaUrl: () => url,
    isLinear: () => true,
    getAdPodInfo: () => podInfo,
  };
}

/** An AdsManager-like object whose ads play in their own element inside `container`. */
export function createAdsManager(container: HTMLElement) {
  const listeners = new Map<string, Set<Listener>>();
  const dispatch = (type: string, ad: unknown = null) => {
    const event =
      type === AD_EVENT.AD_ERROR
        ? { type, getError: () => ({ getErrorCode: () => 400, getMessage: () => 'stand-in ad error' }) }
        : { type, getAd: () => ad, getAdData: () => ({}) };
    for (const listener of [...(listeners.get(type) ?? [])]) listener(event);
  };
  const el = Object.assign(document.createElement('video'), { muted: true, playsInline: true });
  const overlay = Object.assign(document.createElement('div'), { className: 'ima-standin' });
  overlay.style.cssText = 'position:absolute;inset:0;z-index:2;display:none;background:#000';
  overlay.append(el);
  container.append(overlay);

  let current: { ad: ReturnType<typeof imaAd>; started: boolean; paused: boolean } | undefined;
  let next: (() => void) | undefined;
  let midrolls = 0;
  const stop = () => {
    current = undefined;
    next = undefined;
    el.pause();
    overlay.style.display = 'none';
  };
  // STARTED when the ad really plays, PAUSED/RESUMED around a pause, COMPLETE at its end.
  el.addEventListener('playing', () => {
    if (current && !current.started) dispatch(AD_EVENT.STARTED, current.ad);
    else if (current?.paused) dispatch(AD_EVENT.RESUMED, current.ad);
    if (current) Object.assign(current, { started: true, paused: false });
  });
  el.addEventListener('pause', () => {
    if (!current?.started || el.ended) return;
    current.paused = true;
    dispatch(AD_EVENT.PAUSED, current.ad);
  });
  el.addEventListener('ended', () => {
    if (!current) return;
    dispatch(AD_EVENT.COMPLETE, current.ad);
    next?.();
  });

  return {
    addEventListener(type: string, listener: Listener): void {
      listeners.set(type, (listeners.get(type) ?? new Set()).add(listener));
    },
    removeEventListener(type: string, listener: Listener): void {
      listeners.get(type)?.delete(listener);
    },
    /** Plays one ad break, as the SDK does when a cue point is reached (`offset` as getTimeOffset()). */
    playBreak(clips: string[], offset: number): void {
      const pod = offset <= 0 ? offset : ++midrolls;
      dispatch(AD_EVENT.CONTENT_PAUSE_REQUESTED);
      overlay.style.display = 'block';
      let index = 0;
      next = () => {
        if (index >= clips.length) {
          stop();
          dispatch(AD_EVENT.CONTENT_RESUME_REQUESTED);
          if (offset === -1) dispatch(AD_EVENT.ALL_ADS_COMPLETED);
          return;
        }
        index++;
        const ad = imaAd(clips[index - 1] as string, index, clips.length, offset, pod, el);
        current = { ad, started: false, paused: false };
        dispatch(AD_EVENT.LOADED, ad);
        el.src = ad.getMediaUrl();
        void el.play().catch(() => undefined);
      };
      next();
    },
    skip(): void {
      if (!current?.started) return;
      const { ad } = current;
      current = undefined;
      el.pause();
      dispatch(AD_EVENT.SKIPPED, ad);
      next?.();
    },
    pause: () => el.pause(),
    resume: () => void el.play().catch(() => undefined),
    /** An ad that fails mid-way: an AdErrorEvent, after which this manager is done. */
    fail(): void {
      if (current) dispatch(AD_EVENT.AD_ERROR);
    },
    /** No ads left: what the SDK says once content is complete and no post-roll is scheduled. */
    allAdsCompleted: () => dispatch(AD_EVENT.ALL_ADS_COMPLETED),
    destroy(): void {
      stop();
      listeners.clear();
    },
  };
}

export type StandInAdsManager = ReturnType<typeof createAdsManager>;
