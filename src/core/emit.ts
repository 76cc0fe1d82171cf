import type { McEvent, McEventType, Outgoing } from '../mc/types';
import type { TrackerState } from './state';

/** A reduction in progress: the state so far and the events produced so far. */
export interface Step {
  state: TrackerState;
  out: Outgoing[];
}

type Extra = Omit<McEvent, 'eventType' | 'playerTime'>;

/**
 * Appends one event to the open session. `at` is when the thing happened; the ts is pushed forward
 * when needed because MC API: consecutive ts must differ by at least 1 ms (ordering rules, facts §5.3).
 */
export function emit(step: Step, eventType: McEventType, playhead: number, at: number, extra?: Extra): Step {
  const ts = Math.max(Math.round(at), step.state.lastTs + 1);
  const event: McEvent = { eventType, playerTime: { playhead: roundPlayhead(playhead), ts }, ...extra };
  return {
    state: { ...step.state, lastTs: ts },
    out: [...step.out, { session: step.state.session, event }],
  };
}

export const patch = (step: Step, changes: Partial<TrackerState>): Step => ({
  state: { ...step.state, ...changes },
  out: step.out,
});

/** Millisecond precision is all the API can use; it keeps bodies short. */
const roundPlayhead = (p: number): number => (Number.isFinite(p) && p > 0 ? Math.round(p * 1000) / 1000 : 0);
