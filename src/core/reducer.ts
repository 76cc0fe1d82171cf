import { handleAd, isAdSignal } from './ad-signals';
import { syncChapter } from './chapters';
import type { CoreConfig } from './config';
import { handleContent } from './content-signals';
import type { Step } from './emit';
import { duePings } from './pings';
import { observePlayhead } from './playback';
import { canStart, endSession, rotate, startSession } from './session';
import type { PlayerSignal, Snapshot } from './signals';
import type { TrackerState } from './state';
import { syncStates } from './states';

/**
 * The pure core: one player signal, read with a snapshot of the player at wall time `now`, turns the
 * state into the next state and the Media Collection events it implies (docs/mapping.md).
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
  step = isAdSignal(signal)
    ? handleAd(config, step, signal, snap, now)
    : handleContent(config, step, signal, snap, now);
  step = expire(config, step, snap, now);
  if (step.state.phase !== 'active') return step;
  return syncStates(syncChapter(step, snap, now), snap, now);
}

/**
 * docs/mapping.md#session-lifetime: paused or buffering 30 min ends the session; 24 h rotates it into a new
 * one.
 */
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
