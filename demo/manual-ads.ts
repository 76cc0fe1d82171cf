// The demo's second ad path: a site's own ad code, no ad plugin, telling the tracker about each break and
// ad through the manual calls (README, "Manual calls"). It plays the schedule's pre-roll and mid-roll in
// the same player by swapping sources, as simple custom stacks do. The break opens before the source
// changes and closes after the content is back in place, so the plugin reads every media event in
// between as the ad stack's, never as a new content source, a seek or a chapter change.
// No post-roll: this stack swaps sources after the content's `ended`, by which time the session has
// completed; `tracker.contentComplete()` is for stacks that know the end is coming (server-side ads,
// docs/mapping.md#manual-calls).
import type videojs from 'video.js';
import type { ManualAdApi } from '../src/index';
import type { AdSchedule } from './ad-schedule';
import { absolute } from './demo-options';

type Player = ReturnType<typeof videojs>;

export function installManualAds(
  player: Player,
  schedule: AdSchedule,
  tracker: ManualAdApi,
  content: string,
): void {
  let inBreak = false;
  let midrollDone = false;

  function playBreak(clips: readonly string[], resumeAt: number): void {
    inBreak = true;
    tracker.adBreakStart();
    player.addClass('demo-ad-playing'); // hides the progress bar: an ad is not seekable content
    let index = 0;
    const next = () => {
      if (index >= clips.length) return resume(resumeAt);
      const podPosition = ++index;
      const src = absolute(`/media/${clips[podPosition - 1]}`);
      player.src({ src, type: 'video/webm' });
      player.one('playing', () => {
        tracker.adStart({
          id: src,
          length: Math.round(player.duration() || 0),
          podPosition,
          name: `Demo ad ${podPosition}`,
        });
      });
      player.one('ended', () => {
        tracker.adComplete();
        next();
      });
      void player.play()?.catch(() => undefined);
    };
    next();
  }

  /**
   * The content comes back inside the break: its reload (position 0, then the seek back) is the ad
   * stack's business, so the break completes only once the content is where it left off.
   */
  function resume(at: number): void {
    player.src({ src: content, type: 'video/webm' });
    const back = () => {
      tracker.adBreakComplete();
      player.removeClass('demo-ad-playing');
      inBreak = false;
      void player.play()?.catch(() => undefined);
    };
    player.one('loadedmetadata', () => {
      if (at > 0) {
        player.one('seeked', back);
        player.currentTime(at);
      } else back();
    });
  }

  // The first play intent is the pre-roll's cue; the plugin reads the break as the play intent too.
  player.one('play', () => {
    if (schedule.preroll.length) playBreak(schedule.preroll, 0);
  });
  player.on('timeupdate', () => {
    const mid = schedule.midroll;
    if (!mid || midrollDone || inBreak || (player.currentTime() ?? 0) < mid.at) return;
    midrollDone = true;
    playBreak(mid.ads, player.currentTime() ?? mid.at);
  });
}
