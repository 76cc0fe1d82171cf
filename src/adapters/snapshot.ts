import type { Snapshot } from '../core/signals';
import { chapterAt } from './chapters-track';
import { type LivePlayer, type LivePosition, liveClock } from './live-clock';
import type { PlayerLike } from './player';

const clocks = new WeakMap<PlayerLike, (time: number) => LivePosition>();

/** Where a live viewer is (docs/mapping.md#live-content); nothing for on-demand content. */
function livePosition(player: LivePlayer, duration: number, time: number): LivePosition {
  if (duration !== Number.POSITIVE_INFINITY && !player.liveTracker?.isLive?.()) return {};
  const clock = clocks.get(player) ?? liveClock(player);
  clocks.set(player, clock);
  return clock(time);
}

const CAPTION_KINDS = new Set(['captions', 'subtitles']);

function captionsShowing(player: PlayerLike): boolean {
  const tracks = player.textTracks();
  for (let i = 0; i < tracks.length; i++) {
    const track = tracks[i];
    if (track && CAPTION_KINDS.has(track.kind) && track.mode === 'showing') return true;
  }
  return false;
}

function pageInFocus(): boolean {
  if (typeof document === 'undefined') return true;
  return (
    document.visibilityState !== 'hidden' && (typeof document.hasFocus !== 'function' || document.hasFocus())
  );
}

/** Reads the player into a plain snapshot for the core (docs/contributing.md#architecture). */
export function readSnapshot(player: PlayerLike): Snapshot {
  const quality = player.getVideoPlaybackQuality?.();
  const playhead = player.currentTime() || 0;
  const chapter = chapterAt(player, playhead);
  const duration = player.duration();
  return {
    playhead,
    duration,
    paused: player.paused(),
    seeking: player.seeking(),
    ended: player.ended(),
    played: player.played?.(),
    src: player.currentSrc() || '',
    muted: player.muted(),
    fullscreen: player.isFullscreen(),
    pictureInPicture: player.isInPictureInPicture?.() ?? false,
    captions: captionsShowing(player),
    inFocus: pageInFocus(),
    ...livePosition(player, duration, playhead),
    ...(chapter ? { chapter } : {}),
    ...(quality && quality.totalVideoFrames > 0
      ? { droppedFrames: quality.droppedVideoFrames, totalFrames: quality.totalVideoFrames }
      : {}),
  };
}
