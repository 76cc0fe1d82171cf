import type { CoreConfig } from './config';
import { emit, patch, type Step } from './emit';
import { enterPlaying, estimatedPosition, leavePlaying } from './playback';
import { position } from './position';
import { canStart, completeSession, endSession, rotate, startSession } from './session';
import type { PlayerSignal, Snapshot } from './signals';

/** Player (non-ad) signals: playback, source, QoE and lifetime (docs/mapping.md: Session, Playback, QoE). */
export function handleContent(
  config: CoreConfig,
  step: Step,
  signal: PlayerSignal,
  snap: Snapshot,
  now: number,
): Step {
  const { state } = step;
  const active = state.phase === 'active';
  if (active && state.adBreak) return handleInBreak(config, step, signal, snap, now);
  // A seek makes the frame counter and the playhead incomparable across it (WebKit restarts the counter):
  // the next ping only takes a fresh sample (docs/mapping.md#qoe).
  if (signal.type === 'seeking' && state.frameSample) {
    return handleContent(config, patch(step, { frameSample: undefined }), signal, snap, now);
  }
  switch (signal.type) {
    case 'play':
      return playIntent(config, step, snap, now);
    case 'playing':
      if (!active || snap.paused || snap.seeking) return step;
      // Data arrived: a stall not yet reported is over, and the watchdog starts again.
      return state.playback === 'playing'
        ? patch(step, { stallSince: undefined, lastAdvanceAt: now })
        : enterPlaying(step, snap, now);
    case 'pause':
      // Not at the end (the element pauses before `ended`), and not twice.
      if (!active || snap.ended || (state.playback !== 'playing' && state.playback !== 'buffering'))
        return step;
      return leavePlaying(
        step,
        snap.seeking || state.resuming ? state.playhead : position(snap, now, state.live),
        now,
        'paused',
      );
    case 'seeking':
      // docs/mapping.md#seeks: a seek while playing is pauseStart at the old position … play at the new one.
      if (!active || state.resuming || (state.playback !== 'playing' && state.playback !== 'buffering'))
        return step;
      return leavePlaying(step, estimatedPosition(step, now, snap.played), now, 'seeking');
    case 'seeked':
      if (!active || state.playback !== 'seeking') return step;
      return snap.paused ? patch(step, { playback: 'paused' }) : enterPlaying(step, snap, now);
    case 'waiting':
      // Buffering during a seek, before the first frame or while content reloads after a break is not bufferStart.
      if (
        !active ||
        state.playback !== 'playing' ||
        state.resuming ||
        snap.seeking ||
        state.stallSince !== undefined
      ) {
        return step;
      }
      return patch(step, { stallSince: now });
    case 'ended':
      return active ? completeSession(step, snap, now) : step;
    case 'loadstart':
      return snap.src && snap.src !== state.src ? newSource(step, snap, now) : step;
    case 'bitrate': {
      const bitrate = Math.round(signal.bitrate);
      if (!(bitrate > 0) || bitrate === state.bitrate) return step;
      const noted = patch(step, { bitrate });
      const qoeData = { 'media.qoe.bitrate': bitrate };
      return active ? emit(noted, 'bitrateChange', state.playhead, now, { qoeData }) : noted;
    }
    default:
      return handleCommon(config, step, signal, snap, now);
  }
}

/**
 * Inside a break the media events describe the ad: only a pause and its resume count (with the
 * frozen content playhead, docs/mapping.md#ad-rules); seeks, stalls and sources belong to the ad stack.
 */
function handleInBreak(
  config: CoreConfig,
  step: Step,
  signal: PlayerSignal,
  snap: Snapshot,
  now: number,
): Step {
  const open = step.state.adBreak;
  if (!open) return step;
  switch (signal.type) {
    case 'pause':
      if (snap.ended || open.paused) return step;
      return patch(emit(step, 'pauseStart', open.podSecond, now), {
        adBreak: { ...open, paused: true },
        inactiveSince: now,
      });
    case 'playing':
      if (!open.paused) return step;
      return patch(emit(step, 'play', open.podSecond, now), {
        adBreak: { ...open, paused: false },
        inactiveSince: undefined,
      });
    case 'error':
    case 'pagehide':
    case 'pageshow':
    case 'dispose':
    case 'sessionGone':
      return handleCommon(config, step, signal, snap, now);
    default:
      return step;
  }
}

function handleCommon(
  config: CoreConfig,
  step: Step,
  signal: PlayerSignal,
  snap: Snapshot,
  now: number,
): Step {
  const { state } = step;
  const active = state.phase === 'active';
  switch (signal.type) {
    case 'error':
      if (!active) return step;
      return emit(step, 'error', state.playhead, now, {
        qoeData: { 'media.qoe.errorID': signal.code, 'media.qoe.errorSource': signal.source },
      });
    case 'pagehide':
      // docs/browsers.md#the-backforward-cache: a page going into the cache ends its session too (most
      // never come back, and nothing runs there); if it comes back, the next play resumes the viewing.
      if (!signal.persisted) return close(step, now);
      return active ? patch(endSession(step, now, 'suspended'), { resumeNext: true }) : step;
    case 'pageshow':
      // Restored with a reset player (WebKit: emptied, currentTime 0): that viewing cannot resume; the
      // next play starts afresh, never at the playhead the player no longer has.
      if (!signal.persisted || state.phase !== 'suspended' || !state.resumeNext) return step;
      return Math.abs(snap.playhead - state.playhead) > 1
        ? patch(step, { phase: 'idle', contentStarted: false, resumeNext: false })
        : step;
    case 'dispose':
      return close(step, now);
    case 'sessionGone':
      return active && signal.session === state.session ? rotate(config, step, snap, now, false) : step;
    default:
      return step;
  }
}

/** A play intent starts a session (or resumes a suspended one); without a duration yet, it waits. */
export function playIntent(config: CoreConfig, step: Step, snap: Snapshot, now: number): Step {
  const { phase } = step.state;
  if (phase === 'active' || phase === 'pending' || !snap.src) return step;
  const resume = phase === 'suspended';
  const intent = patch(step, {
    src: snap.src,
    intentAt: now,
    contentStarted: resume && step.state.contentStarted,
  });
  if (canStart(snap)) return startSession(config, intent, snap, now, resume);
  return patch(intent, { phase: 'pending', resumeNext: resume });
}

function newSource(step: Step, snap: Snapshot, now: number): Step {
  const ended = step.state.phase === 'active' ? endSession(step, now, 'idle') : step;
  return patch(ended, { phase: 'idle', src: snap.src, contentStarted: false, resumeNext: false });
}

function close(step: Step, now: number): Step {
  return step.state.phase === 'active' ? endSession(step, now, 'closed') : patch(step, { phase: 'closed' });
}
