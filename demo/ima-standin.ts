// A local stand-in for videojs-ima 2.x on the Google IMA SDK, which cannot load here (the SDK comes from
// imasdk.googleapis.com, out of reach). This file is the videojs-ima half; demo/ima-sdk-standin.ts is the
// SDK's AdsManager. Imitated, as an analytics plugin can see it:
// - `player.ima` with addEventListener (forwarded to the AdsManager once there is one, a no-op before, as
//   videojs-ima does) and getAdsManager(); the `ads-manager` player event carrying the AdsManager, sent
//   after videojs-ima's own listeners are on it, then `adsready`;
// - videojs-contrib-ads used as videojs-ima uses it: ads() in the same tick as videojs() (its default
//   timeouts), readyforpreroll starts the pre-roll, CONTENT_PAUSE_REQUESTED → startLinearAdMode, control
//   bar hidden, content paused; STARTED → `ads-ad-started`; CONTENT_RESUME_REQUESTED → endLinearAdMode;
//   `contentended` → post-roll or `nopostroll`; an AdErrorEvent → `adserror` (contrib-ads ends ad mode).
// Not imitated: ad requests and the ad server's latency, VMAP cue handling inside the SDK (mid-rolls are
// cued from the content's timeupdate, not from videojs-ima's playhead tracker), autoPlayAdBreaks=false,
// setContentWithAdTag / requestAds, the ad UI (countdown, ad-playing controls, click-through), iOS paths.
import 'videojs-contrib-ads';
import type videojs from 'video.js';
import type { AdFault, AdSchedule } from './ad-schedule';
import type { AdControls } from './contrib-ads-integration';
import { AD_EVENT, createAdsManager, type StandInAdsManager } from './ima-sdk-standin';

type Player = ReturnType<typeof videojs>;
type Listener = (event: unknown) => void;
interface Ads {
  (options: object): void;
  startLinearAdMode(): void;
  endLinearAdMode(): void;
  inAdBreak(): boolean;
  isInAdMode(): boolean;
}

/** The SDK answers on a later task, never inside the call that asked. */
const later = (fn: () => void, ms = 0) => window.setTimeout(fn, ms);

/** Must run in the same tick as videojs(), as `player.ima(options)` does (it calls `player.ads()`). */
export function installImaStandIn(player: Player, schedule: AdSchedule, fault: AdFault = 'none'): AdControls {
  const adsOf = () => (player as unknown as { ads: Ads }).ads;
  // player.ads() sets contrib-ads up and replaces player.ads with its API; these are videojs-ima's defaults.
  adsOf().call(player, { timeout: 5_000, prerollTimeout: 1_000 });
  const ads = adsOf();
  const controlBar = () => player.getChild('ControlBar');
  let manager: StandInAdsManager | undefined;

  /** SdkImpl.onAdsManagerLoaded: its own listeners first, then the `ads-manager` event, then `adsready`. */
  function adsManagerLoaded(): void {
    const loaded = createAdsManager(player.el() as HTMLElement);
    loaded.addEventListener(AD_EVENT.CONTENT_PAUSE_REQUESTED, () => {
      ads.startLinearAdMode();
      controlBar()?.hide();
      player.pause();
    });
    loaded.addEventListener(AD_EVENT.CONTENT_RESUME_REQUESTED, () => {
      if (ads.inAdBreak()) ads.endLinearAdMode();
      controlBar()?.show();
    });
    loaded.addEventListener(AD_EVENT.STARTED, () => {
      player.trigger('ads-ad-started');
      if (fault === 'error') later(() => manager?.fail(), 1_000);
    });
    loaded.addEventListener(AD_EVENT.AD_ERROR, (adErrorEvent) => {
      loaded.destroy();
      manager = undefined;
      controlBar()?.show();
      player.trigger({
        type: 'adserror',
        data: { AdError: 'stand-in ad error', AdErrorEvent: adErrorEvent },
      });
    });
    manager = loaded;
    player.trigger({ type: 'ads-manager', adsManager: loaded });
    player.trigger('adsready');
  }

  (player as unknown as { ima: object }).ima = {
    addEventListener: (type: string, listener: Listener) => manager?.addEventListener(type, listener),
    getAdsManager: () => manager ?? null,
  };
  // The ads load once the player is ready; an ad server that never answers makes contrib-ads time out.
  player.ready(() => {
    if (fault !== 'timeout') later(adsManagerLoaded);
  });
  player.on('readyforpreroll', () => {
    if (schedule.preroll.length > 0) later(() => manager?.playBreak(schedule.preroll, 0));
  });
  let midrollCued = false;
  player.on('timeupdate', () => {
    const mid = schedule.midroll;
    const at = player.currentTime() ?? 0;
    if (!manager || !mid || midrollCued || ads.isInAdMode() || at < mid.at - 1) return;
    midrollCued = true;
    // The SDK cues a mid-roll on the content time itself; timeupdate only comes every 250 ms or so.
    later(() => manager?.playBreak(mid.ads, mid.at), Math.max(0, (mid.at - at) * 1_000));
  });
  player.on('contentended', () => {
    if (manager && schedule.postroll.length > 0) {
      later(() => manager?.playBreak(schedule.postroll, -1));
      return;
    }
    player.trigger('nopostroll');
    manager?.allAdsCompleted();
  });

  return { skip: () => manager?.skip() };
}
