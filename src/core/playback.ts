import type { CoreConfig } from './config';
import { emit, patch, type Step } from './emit';
import { movedOn, position } from './position';
import type { Snapshot, TimeRangesLike } from './signals';

/** MC API `play`: the player entered playing (first frame, resume, end of buffering or seek). */
export function enterPlaying(step: Step, snap: Snapshot, now: number): Step {
  const { state } = step;
  if (state.phase !== 'active' || state.playback === 'playing') return step;
  const playhead = position(snap, now, state.live);
  // docs/mapping.md#playback: timeToStart (integer ms, play intent → first content frame) on the first
  // content play.
  const qoe = state.contentStarted
    ? undefined
    : { qoeData: { 'media.qoe.timeToStart': Math.max(0, Math.round(now - state.intentAt)) } };
  return patch(emit(step, 'play', playhead, now, qoe), {
    playback: 'playing',
    contentStarted: true,
    playhead,
    sampleAt: now,
    lastAdvanceAt: now,
    stallSince: undefined,
    inactiveSince: undefined,
  });
}

/** `pauseStart` at `playhead`; `playback` says why the session stopped playing. */
export function leavePlaying(
  step: Step,
  playhead: number,
  now: number,
  playback: 'paused' | 'seeking',
): Step {
  const paused = emit(step, 'pauseStart', playhead, now);
  return patch(paused, { playback, playhead, sampleAt: now, stallSince: undefined, inactiveSince: now });
}

/**
 * Where content is now by the last sample, for moments the snapshot cannot tell (a seek already moved it,
 * a break is loading). At a seek, `played` (the element's ranges) bounds it: the browser closed the range
 * being played at the old position, so the end of the first range reaching the sample is exact unless an
 * earlier range joins it. A page slowed by a busy machine handles `seeking` late, and extrapolation alone
 * then overshoots (docs/mapping.md#seeks). Live playheads are times of day, not media time: no bound.
 */
export function estimatedPosition(step: Step, now: number, played?: TimeRangesLike): number {
  const { playhead, sampleAt, live } = step.state;
  const estimate = playhead + Math.min(Math.max(0, now - sampleAt), 1_000) / 1000;
  for (let i = 0; played && !live && i < played.length; i++) {
    if (played.end(i) >= playhead) return Math.min(estimate, played.end(i));
  }
  return estimate;
}

/**
 * Watches the playhead on every signal: progress while playing refreshes the sample; no progress for
 * `stallWatchMs` is a stall even without `waiting` (Firefox often fires none); a stall that lasts
 * `stallFilterMs` becomes bufferStart stamped when it began; progress after a stop is `play`.
 */
export function observePlayhead(config: CoreConfig, step: Step, snap: Snapshot, now: number): Step {
  const { state } = step;
  if (state.phase !== 'active' || state.adBreak || snap.paused || snap.seeking || snap.ended) return step;
  const current = position(snap, now, state.live);
  const advanced = movedOn(current, state.playhead, state.live);
  if (state.resuming) {
    // Content reloading after a mid-roll: wait for it to move again, without calling it a stall.
    return advanced
      ? patch(step, { resuming: false, playhead: current, sampleAt: now, lastAdvanceAt: now })
      : step;
  }
  if (state.playback === 'playing') {
    if (advanced) {
      return patch(step, { playhead: current, sampleAt: now, lastAdvanceAt: now, stallSince: undefined });
    }
    const stallSince =
      state.stallSince ??
      (now - state.lastAdvanceAt >= config.stallWatchMs ? state.lastAdvanceAt : undefined);
    if (stallSince === undefined) return step;
    if (now - stallSince < config.stallFilterMs) return patch(step, { stallSince });
    const buffering = emit(step, 'bufferStart', state.playhead, stallSince);
    return patch(buffering, { playback: 'buffering', stallSince: undefined, inactiveSince: stallSince });
  }
  if (advanced && state.playback !== 'starting') return enterPlaying(step, snap, now);
  return step;
}
