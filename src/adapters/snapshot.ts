import type { Snapshot } from '../core/signals';
import { chapterAt } from './chapters-track';
import type { PlayerLike } from './player';

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
  return {
    playhead,
    duration: player.duration(),
    paused: player.paused(),
    seeking: player.seeking(),
    ended: player.ended(),
    src: player.currentSrc() || '',
    muted: player.muted(),
    fullscreen: player.isFullscreen(),
    pictureInPicture: player.isInPictureInPicture?.() ?? false,
    captions: captionsShowing(player),
    inFocus: pageInFocus(),
    ...(chapter ? { chapter } : {}),
    ...(quality && quality.totalVideoFrames > 0
      ? { droppedFrames: quality.droppedVideoFrames, totalFrames: quality.totalVideoFrames }
      : {}),
  };
}
