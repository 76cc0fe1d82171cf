// Plain-object stand-ins for the IMA SDK objects the IMA adapter reads: an AdsManager that records
// its listeners, AdEvents with getAd(), Ads with getAdPodInfo(). Shaped after the IMA HTML5 reference.

type Listener = (event: unknown) => void;

export interface FakeAdSpec {
  id?: string;
  duration?: number;
  title?: string;
  advertiser?: string;
  creativeId?: string;
  mediaUrl?: string;
  /** 1-based, as IMA's getAdPosition(). */
  position?: number;
  total?: number;
  /** 0 pre-roll, seconds for a mid-roll, -1 post-roll (getTimeOffset()). */
  timeOffset?: number;
  linear?: boolean;
}

/** An IMA Ad: every getter IMA documents for what the adapter reads, returning '' when unknown as IMA does. */
export function fakeAd(spec: FakeAdSpec) {
  return {
    getAdId: () => spec.id ?? '',
    getDuration: () => spec.duration ?? -1,
    getTitle: () => spec.title ?? '',
    getAdvertiserName: () => spec.advertiser ?? '',
    getCreativeId: () => spec.creativeId ?? '',
    getMediaUrl: () => spec.mediaUrl ?? null,
    isLinear: () => spec.linear ?? true,
    getAdPodInfo: () => ({
      getAdPosition: () => spec.position ?? 1,
      getTotalAds: () => spec.total ?? 1,
      getTimeOffset: () => spec.timeOffset ?? 0,
      getPodIndex: () => spec.timeOffset ?? 0,
      getMaxDuration: () => -1,
    }),
  };
}

export type FakeAd = ReturnType<typeof fakeAd>;

export interface FakeAdsManager {
  addEventListener(type: string, listener: Listener): void;
  removeEventListener(type: string, listener: Listener): void;
  /** Fires an AdEvent (or, for `adError`, an AdErrorEvent) to the listeners of `type`. */
  dispatch(type: string, ad?: unknown): void;
  listenerCount(): number;
}

export function createFakeAdsManager(): FakeAdsManager {
  const listeners = new Map<string, Set<Listener>>();
  return {
    addEventListener(type, listener) {
      listeners.set(type, (listeners.get(type) ?? new Set()).add(listener));
    },
    removeEventListener(type, listener) {
      listeners.get(type)?.delete(listener);
    },
    dispatch(type, ad) {
      const event =
        type === 'adError'
          ? { type, getError: () => ({ getErrorCode: () => 400, getMessage: () => 'VIDEO_PLAY_ERROR' }) }
          : { type, getAd: () => ad ?? null, getAdData: () => ({}) };
      for (const listener of [...(listeners.get(type) ?? [])]) listener(event);
    },
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}
