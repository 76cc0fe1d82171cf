// A small local ad integration on videojs-contrib-ads, the way a site's own ad code would be:
// linear ad mode around each break, the common-interface events (ads-pod-*, ads-ad-*) for each ad,
// local clips as the ads. contrib-ads itself only manages ad mode; playing ads is the integration's job.
import 'videojs-contrib-ads';
import type videojs from 'video.js';
import type { AdFault, AdSchedule } from './ad-schedule';
import { absolute } from './demo-options';

type Player = ReturnType<typeof videojs>;
interface Ads {
  (options: object): void;
  startLinearAdMode(): void;
  endLinearAdMode(): void;
  skipLinearAdMode(): void;
  isInAdMode(): boolean;
}
const adsOf = (player: Player) => (player as unknown as { ads: Ads }).ads;

export interface AdControls {
  /** Skips the ad now playing (as a skip button would). */
  skip(): void;
}

/** Must run in the same tick as videojs(): contrib-ads has to be the first to see the player's events. */
export function installContribAds(player: Player, schedule: AdSchedule, fault: AdFault = 'none'): AdControls {
  // player.ads(options) sets contrib-ads up and replaces player.ads with its API: read it after.
  adsOf(player).call(player, { timeout: fault === 'timeout' ? 1_500 : 5_000 });
  const ads = adsOf(player);
  const done = { preroll: false, midroll: false, postroll: false };
  let advance: (() => void) | undefined;
  let stopCurrent = () => {};

  function playBreak(clips: string[]): void {
    ads.startLinearAdMode();
    player.trigger('ads-pod-started');
    let index = 0;
    advance = () => {
      if (index >= clips.length) {
        advance = undefined;
        player.trigger('ads-pod-ended');
        ads.endLinearAdMode();
        return;
      }
      const position = index++;
      player.src({ src: absolute(`/media/${clips[position]}`), type: 'video/webm' });
      player.one('adplaying', () => {
        player.trigger({ type: 'ads-ad-started', indexInBreak: position });
        if (fault === 'error') {
          // An ad that fails mid-way: the ad stack reports it and gives the content back.
          player.setTimeout(() => {
            advance = undefined;
            player.trigger('adserror');
            ads.endLinearAdMode();
          }, 1_000);
        }
      });
      const ended = () => {
        player.trigger('ads-ad-ended');
        advance?.();
      };
      stopCurrent = () => player.off('adended', ended);
      player.one('adended', ended);
      void player.play()?.catch(() => undefined);
    };
    advance();
  }

  const skipOrPlay = (slot: 'preroll' | 'postroll') => {
    if (done[slot] || schedule[slot].length === 0) return ads.skipLinearAdMode();
    done[slot] = true;
    playBreak(schedule[slot]);
  };
  player.on('contentchanged', () => player.trigger('adsready'));
  player.on('readyforpreroll', () => skipOrPlay('preroll'));
  player.on('readyforpostroll', () => skipOrPlay('postroll'));
  player.on('timeupdate', () => {
    const mid = schedule.midroll;
    if (!mid || done.midroll || ads.isInAdMode() || (player.currentTime() ?? 0) < mid.at) return;
    done.midroll = true;
    playBreak(mid.ads);
  });
  // An ad server that never answers: contrib-ads times out (adtimeout) and plays the content.
  if (fault !== 'timeout') player.trigger('adsready');

  return {
    skip() {
      if (!advance) return;
      stopCurrent();
      player.trigger('ads-ad-skipped');
      advance();
    },
  };
}
