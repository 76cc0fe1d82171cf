import { emit, patch, type Step } from './emit';
import type { Snapshot } from './signals';
import type { OpenChapter } from './state';

/** A chapter counts as complete when play got within this many seconds of its end. */
const END_SLACK = 1;

export const reachedEnd = (chapter: OpenChapter, at: number): boolean =>
  at >= chapter.offset + chapter.length - END_SLACK;

export function openChapter(step: Step, now: number, chapter: Omit<OpenChapter, 'reached'>): Step {
  const started = emit(step, 'chapterStart', step.state.playhead, now, {
    params: {
      'media.chapter.index': chapter.index,
      'media.chapter.offset': chapter.offset,
      'media.chapter.length': chapter.length,
      'media.chapter.friendlyName': chapter.name,
    },
    ...(chapter.customMetadata ? { customMetadata: chapter.customMetadata } : {}),
  });
  return patch(started, {
    chapter: { ...chapter, reached: step.state.playhead },
    chapterCount: chapter.index,
    doneChapter: undefined,
  });
}

/** chapterComplete when play reached the chapter's end, chapterSkip when the viewer left it early. */
export function closeChapter(step: Step, now: number, how?: 'chapterComplete' | 'chapterSkip'): Step {
  const { chapter } = step.state;
  if (!chapter) return step;
  const type = how ?? (reachedEnd(chapter, chapter.reached) ? 'chapterComplete' : 'chapterSkip');
  const doneChapter = type === 'chapterComplete' ? chapter.index : undefined;
  return patch(emit(step, type, step.state.playhead, now), { chapter: undefined, doneChapter });
}

/**
 * Follows the chapters track: entering a cue starts its chapter, leaving it closes the open one.
 * Only while content plays outside breaks and seeks (MC API: no chapter events inside an ad break;
 * chapters never overlap — docs/mapping.md#chapters), and only after the first `play` (timeline 3).
 */
export function syncChapter(step: Step, snap: Snapshot, now: number): Step {
  const { state } = step;
  const { chapter } = state;
  if (snap.seeking || state.playback === 'seeking') {
    // The viewer's seek may come back into a completed chapter: that is a new viewing of it. (An ad
    // stack's own restore seek after a break is not the viewer's: the session stays 'playing'.)
    return state.playback === 'seeking' && state.doneChapter !== undefined
      ? patch(step, { doneChapter: undefined })
      : step;
  }
  if (state.adBreak || !state.contentStarted || (chapter && !chapter.auto)) return step;
  const cue = snap.chapter;
  if (!chapter && cue && cue.index === state.doneChapter) return step;
  if (chapter && cue?.index === chapter.index) {
    // Remember how far play got inside the chapter: a later seek out of it is then judged correctly.
    return state.playback === 'playing' && state.playhead > chapter.reached
      ? patch(step, { chapter: { ...chapter, reached: state.playhead } })
      : step;
  }
  const closed = closeChapter(step, now);
  if (!cue) return closed;
  return openChapter(closed, now, {
    index: cue.index,
    offset: cue.start,
    length: Math.max(0, cue.end - cue.start),
    name: cue.name,
    auto: true,
  });
}
