import type { ChapterCue } from '../core/signals';
import type { PlayerLike } from './player';

interface CueLike {
  startTime: number;
  endTime: number;
  text: string;
}
interface ChaptersTrack {
  kind: string;
  mode: string;
  cues?: ArrayLike<CueLike> | null;
}

function chaptersTrack(player: PlayerLike): ChaptersTrack | undefined {
  const tracks = player.textTracks() as ArrayLike<ChaptersTrack>;
  for (let i = 0; i < tracks.length; i++) {
    const track = tracks[i];
    if (track?.kind === 'chapters') return track;
  }
  return undefined;
}

/**
 * A disabled track never loads its cues; `hidden` loads them without showing anything (the same
 * thing video.js's own chapters menu does). The tracker calls it with every snapshot: a scan of the
 * few text tracks, so a chapters track added or disabled at any time is caught without its own hook.
 */
export function enableChapters(player: PlayerLike): void {
  const track = chaptersTrack(player);
  if (track && track.mode === 'disabled') track.mode = 'hidden';
}

/** The chapter cue under `playhead` (index 1-based in cue order), if the content has a chapters track. */
export function chapterAt(player: PlayerLike, playhead: number): ChapterCue | undefined {
  const cues = chaptersTrack(player)?.cues;
  if (!cues) return undefined;
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i];
    if (cue && playhead >= cue.startTime && playhead < cue.endTime) {
      return { index: i + 1, start: cue.startTime, end: cue.endTime, name: cue.text.trim() };
    }
  }
  return undefined;
}
