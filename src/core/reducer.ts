import type { CoreConfig } from './config';
import { emit, patch, type Step } from './emit';
import { duePings } from './pings';
import { enterPlaying, leavePlaying, observePlayhead, positionBeforeSeek } from './playback';
import { position } from './position';
import { canStart, endSession, rotate, startSession } from './session';
import type { PlayerSignal, Snapshot } from './signals';
import type { TrackerState } from './state';
import { syncStates } from './states';

/**
 * The pure core: one player signal, read with a snapshot of the player at wall time `now`, turns the
 * state into the next state and the Media Collection events it implies (PRODUCT §3).
 */
export function reduce(
  config: CoreConfig,
  state: TrackerState,
  signal: PlayerSignal,
  snap: Snapshot,
  now: number,
): Step {
  if (state.phase === 'closed') return { state, out: [] };
  let step: Step = { state, out: [] };
  if (state.phase === 'pending' && (canStart(snap) || signal.type === 'playing')) {
    step = startSession(config, step, snap, state.intentAt, state.resumeNext);
  }
  // What became due before this signal happened comes first, so ts stays in order.
  step = duePings(config, step, snap, now);
  step = observePlayhead(config, step, snap, now);
  step = handle(config, step, signal, snap, now);
  step = expire(config, step, snap, now);
  return step.state.phase === 'active' ? syncStates(step, snap, now) : step;
}

function handle(config: CoreConfig, step: Step, signal: PlayerSignal, snap: Snapshot, now: number): Step {
  const { state } = step;
  const active = state.phase === 'active';
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
      return leavePlaying(step, snap.seeking ? state.playhead : position(snap, now), now, 'paused');
    case 'seeking':
      // PRODUCT §3: a seek while playing is pauseStart at the old position … play at the new one.
      if (!active || (state.playback !== 'playing' && state.playback !== 'buffering')) return step;
      return leavePlaying(step, positionBeforeSeek(step, now), now, 'seeking');
    case 'seeked':
      if (!active || state.playback !== 'seeking') return step;
      return snap.paused ? patch(step, { playback: 'paused' }) : enterPlaying(step, snap, now);
    case 'waiting':
      // Buffering during a seek or before the first frame is not bufferStart.
      if (!active || state.playback !== 'playing' || snap.seeking || state.stallSince !== undefined)
        return step;
      return patch(step, { stallSince: now });
    case 'ended':
      if (!active) return step;
      return patch(emit(step, 'sessionComplete', position(snap, now), now), {
        phase: 'complete',
        nextPingAt: Number.POSITIVE_INFINITY,
      });
    case 'loadstart':
      return snap.src && snap.src !== state.src ? newSource(step, snap, now) : step;
    case 'error':
      if (!active) return step;
      return emit(step, 'error', state.playhead, now, {
        qoeData: { 'media.qoe.errorID': signal.code, 'media.qoe.errorSource': signal.source },
      });
    case 'bitrate': {
      const bitrate = Math.round(signal.bitrate);
      if (!(bitrate > 0) || bitrate === state.bitrate) return step;
      const noted = patch(step, { bitrate });
      return active
        ? emit(noted, 'bitrateChange', state.playhead, now, { qoeData: { 'media.qoe.bitrate': bitrate } })
        : noted;
    }
    case 'pagehide':
      // A page kept in the back/forward cache may come back; only a final hide ends the session.
      return signal.persisted ? step : close(step, now);
    case 'dispose':
      return close(step, now);
    case 'sessionGone':
      return active && signal.session === state.session ? rotate(config, step, snap, now, false) : step;
    case 'durationchange':
    case 'statechange':
    case 'timeupdate':
    case 'tick':
      return step;
    default:
      return unknownSignal(signal, step);
  }
}

/** Exhaustive at compile time; at run time a signal this core does not know is ignored. */
const unknownSignal = (_signal: never, step: Step): Step => step;

function playIntent(config: CoreConfig, step: Step, snap: Snapshot, now: number): Step {
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

/** PRODUCT §3: paused or buffering 30 min ends the session; 24 h rotates it into a new one. */
function expire(config: CoreConfig, step: Step, snap: Snapshot, now: number): Step {
  const { state } = step;
  if (state.phase !== 'active') return step;
  if (state.inactiveSince !== undefined && now - state.inactiveSince >= config.idleMs) {
    return endSession(step, now, 'suspended');
  }
  if (now - state.sessionStartedAt >= config.maxSessionMs) return rotate(config, step, snap, now, true);
  return step;
}

/** The next wall time at which something becomes due without any player signal, if any. */
export function nextDeadline(config: CoreConfig, state: TrackerState, now: number): number | undefined {
  if (state.phase !== 'active') return undefined;
  const candidates = [state.nextPingAt, state.sessionStartedAt + config.maxSessionMs];
  if (state.stallSince !== undefined) candidates.push(state.stallSince + config.stallFilterMs);
  if (state.playback === 'playing') candidates.push(state.lastAdvanceAt + config.stallWatchMs);
  if (state.inactiveSince !== undefined) candidates.push(state.inactiveSince + config.idleMs);
  const future = candidates.filter((t) => t > now);
  return future.length > 0 ? Math.min(...future) : undefined;
}
