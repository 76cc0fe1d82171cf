// One session's delivery state as a pure state machine (docs/delivery.md#the-lane): a function of
// (state, input) giving the next state and the actions to perform. No I/O, no timers, no clock: the
// lanes module (`lanes.ts`) holds the state of every session and performs the actions; time and
// jitter arrive as data in the inputs.
import type { McEvent } from '../mc/types';
import { backoffDelay } from './backoff';
import type { Answer } from './exchange';
import type { DeliveryReport } from './reports';

export interface LaneState {
  readonly session: string;
  /** `running`: a drain loop is stepping (the one sender of this session); `waiting`: a backoff. */
  readonly phase: 'idle' | 'running' | 'waiting';
  /** Woken while running: read the queue once more before going idle (an append raced the last read). */
  readonly again: boolean;
  /** Consecutive retries of the head request; any answer but a retry resets it. */
  readonly attempt: number;
  /** Queued ids the drain loop has in flight. */
  readonly inFlight: readonly number[];
  /** That request was sent with keepalive: it outlives the page. */
  readonly inFlightKeepalive: boolean;
  /** The in-flight request carries a downloaded batch (a gone session's replay). */
  readonly replaying: boolean;
  /** Ids a final page hide sent that are still unanswered; the loop pauses until they are. */
  readonly finals: readonly number[];
  /** Ids this page marked shipped (final page hide) and whose answer it has not seen yet. */
  readonly shipped: readonly number[];
  /** The last request got an HTTP answer: the collector is reachable, whatever onLine says. */
  readonly heard: boolean;
  /** `online` came while a request was in flight: if it fails, try again at once. */
  readonly retryNow: boolean;
  /** The collector session is gone; reported once. */
  readonly gone: boolean;
  /** When the running backoff ends (ms, the sender's clock). */
  readonly waitUntil: number | undefined;
  /** `Retry-After`: no request before this (ms). */
  readonly notBefore: number | undefined;
  /** The wait follows a network error, a timeout or a 5xx: a new event may bring the next try forward. */
  readonly recoverable: boolean;
  /** When the last request left (ms). */
  readonly lastTryAt: number | undefined;
}

export const createLaneState = (session: string): LaneState => ({
  session,
  phase: 'idle',
  again: false,
  attempt: 0,
  inFlight: [],
  inFlightKeepalive: false,
  replaying: false,
  finals: [],
  shipped: [],
  heard: false,
  retryNow: false,
  gone: false,
  waitUntil: undefined,
  notBefore: undefined,
  recoverable: false,
  lastTryAt: undefined,
});

/** What the head request got that calls for another try, and the head it was for. */
export type RetryCause = Pick<Answer, 'reason' | 'status' | 'message' | 'retryAfterMs'>;

export type LaneInput =
  /** Something may be queued: start the drain loop unless it runs, waits, or awaits final requests. */
  | { type: 'drain' }
  /** The session's own tracker produced an event (its session is being played) at `at`. */
  | { type: 'newEvent'; at: number }
  /** Back online (or a keepalive flush): cut the backoff short and try again now. */
  | { type: 'online' }
  /** The backoff wait ended. */
  | { type: 'timerFired' }
  /** One step of the loop ended: `next` looks at the queue again, `idle` found nothing to send. */
  | { type: 'stepped'; outcome: 'next' | 'idle' }
  /** A request left. */
  | { type: 'sent'; ids: readonly number[]; keepalive: boolean; replay: boolean; at: number }
  /** Its answer (any class; `status` 0 without an HTTP answer). */
  | { type: 'answered'; ids: readonly number[]; status: number; retry: boolean }
  /** The head must be tried again (`reason: 'offline'`: nothing was sent, the browser says offline). */
  | { type: 'retry'; event: McEvent; cause: RetryCause; at: number; jitter: number }
  /** The queue (storage) failed during a step: nothing left it, the same step is tried later. */
  | { type: 'failed'; message: string; jitter: number }
  /** The collector session is gone (404/410, or decided here with status 0). */
  | { type: 'gone'; sid: string | undefined; status: number }
  /** Final page hide: these ids leave now with keepalive; what is in flight is marked shipped too. */
  | { type: 'finalShip'; ids: readonly number[] }
  /** A final request's answer arrived. */
  | { type: 'finalAnswered'; id: number; retry: boolean }
  /** A final request is done with (answer applied, or failed). */
  | { type: 'finalSettled'; id: number };

export type LaneAction =
  /** Run one step of the drain loop (send what the queue head calls for), then feed its outcome back. */
  | { type: 'step' }
  /** (Re)arm the lane's one timer: `timerFired` after `ms`. */
  | { type: 'wait'; ms: number }
  | { type: 'cancelWait' }
  | { type: 'report'; report: DeliveryReport }
  /** This page saw how these shipped requests ended: clear their stored `shipped` mark. */
  | { type: 'unmark'; ids: readonly number[] }
  /** Record in the queue that the session is gone (the rest goes to /downloaded). */
  | { type: 'markGone' };

export interface Transition {
  state: LaneState;
  actions: LaneAction[];
}

/**
 * docs/delivery.md#fast-recovery: while the session is played, a lane waiting after a network error,
 * a timeout or a 5xx tries again at most this long after its last try.
 */
export const PROBE_GAP_MS = 10_000;

export function transition(state: LaneState, input: LaneInput): Transition {
  switch (input.type) {
    case 'drain':
      return drain(state, []);
    case 'newEvent':
      return state.phase === 'waiting' ? recover(state, input.at) : drain(state, []);
    case 'online':
      if (state.phase === 'waiting') return drain(stopWaiting(state), [{ type: 'cancelWait' }]);
      return drain(state.phase === 'running' ? { ...state, retryNow: true } : state, []);
    case 'timerFired':
      return state.phase === 'waiting' ? drain(stopWaiting(state), []) : { state, actions: [] };
    case 'stepped':
      return stepped(state, input.outcome);
    case 'sent':
      return {
        state: {
          ...state,
          inFlight: input.ids,
          inFlightKeepalive: input.keepalive,
          replaying: input.replay,
          lastTryAt: input.at,
        },
        actions: [],
      };
    case 'answered': {
      const seen = state.shipped.filter((id) => input.ids.includes(id));
      const next: LaneState = {
        ...state,
        inFlight: [],
        inFlightKeepalive: false,
        replaying: false,
        heard: input.status !== 0,
        shipped: state.shipped.filter((id) => !seen.includes(id)),
        // docs/delivery.md#retries-and-backoff: any answer but a retry ends the run of failures.
        ...(input.retry ? {} : { attempt: 0, recoverable: false, notBefore: undefined }),
      };
      return { state: next, actions: seen.length > 0 ? [{ type: 'unmark', ids: seen }] : [] };
    }
    case 'retry':
      return retry(state, input);
    case 'failed': {
      const attempt = state.attempt + 1;
      const ms = backoffDelay({ attempt, random: () => input.jitter });
      const report: DeliveryReport = { type: 'queueError', session: state.session, message: input.message };
      return {
        state: { ...state, phase: 'waiting', attempt, again: false, retryNow: false, recoverable: false },
        actions: [
          { type: 'report', report },
          { type: 'wait', ms },
        ],
      };
    }
    case 'gone': {
      if (state.gone) return { state, actions: [] }; // several in-flight answers may say so: once
      const { sid, status } = input;
      const report: DeliveryReport = {
        type: 'sessionGone',
        session: state.session,
        ...(sid === undefined ? {} : { sid }),
        status,
      };
      return { state: { ...state, gone: true }, actions: [{ type: 'markGone' }, { type: 'report', report }] };
    }
    case 'finalShip': {
      const shipped = [...state.shipped, ...state.inFlight, ...input.ids];
      const finals = [...state.finals, ...input.ids];
      const cut: LaneAction[] = state.phase === 'waiting' ? [{ type: 'cancelWait' }] : [];
      // No backoff now: there is no later on this page.
      const next = { ...(state.phase === 'waiting' ? stopWaiting(state) : state), shipped, finals };
      return finals.length === 0 ? drain(next, cut) : { state: next, actions: cut };
    }
    case 'finalAnswered': {
      const seen = state.shipped.includes(input.id);
      const next: LaneState = {
        ...state,
        shipped: state.shipped.filter((id) => id !== input.id),
        ...(input.retry ? {} : { attempt: 0, recoverable: false, notBefore: undefined }),
      };
      return { state: next, actions: seen ? [{ type: 'unmark', ids: [input.id] }] : [] };
    }
    case 'finalSettled': {
      const next = { ...state, finals: state.finals.filter((id) => id !== input.id) };
      return next.finals.length === 0 ? drain(next, []) : { state: next, actions: [] };
    }
  }
}

/** Whether a final page hide may ship this lane's queue (docs/delivery.md#page-hide-and-keepalive). */
export function mayShip(state: LaneState, durable: boolean): boolean {
  if (!durable) return true; // no later page will send it: this is the only chance
  return state.attempt === 0 && (state.inFlight.length === 0 || state.inFlightKeepalive);
}

/** Whether the browser's `offline` keeps this lane from sending (docs/delivery.md#offline). */
export const heldOffline = (state: LaneState, online: boolean): boolean =>
  !online && !state.heard && state.attempt === 0;

function drain(state: LaneState, actions: LaneAction[]): Transition {
  if (state.phase === 'waiting' || state.finals.length > 0) return { state, actions };
  if (state.phase === 'running') return { state: { ...state, again: true }, actions };
  return { state: { ...state, phase: 'running', again: false }, actions: [...actions, { type: 'step' }] };
}

function stopWaiting(state: LaneState): LaneState {
  return { ...state, phase: 'idle', waitUntil: undefined };
}

function stepped(state: LaneState, outcome: 'next' | 'idle'): Transition {
  const base = { ...state, retryNow: false };
  // Final requests in flight: the loop resumes once they are settled (`finalSettled`).
  if ((outcome === 'next' || state.again) && state.finals.length === 0) {
    return { state: { ...base, again: false }, actions: [{ type: 'step' }] };
  }
  return { state: { ...base, phase: 'idle', again: false }, actions: [] };
}

function retry(state: LaneState, input: Extract<LaneInput, { type: 'retry' }>): Transition {
  const { cause, at, jitter } = input;
  const attempt = state.attempt + 1;
  const ms = backoffDelay({ attempt, random: () => jitter, retryAfterMs: cause.retryAfterMs });
  const report: DeliveryReport = {
    type: 'retrying',
    session: state.session,
    event: input.event,
    attempt,
    delayMs: ms,
    reason: cause.reason,
    status: cause.status,
    message: cause.message,
  };
  const failed = {
    ...state,
    attempt,
    retryNow: false,
    recoverable: recoverable(cause),
    notBefore: cause.retryAfterMs ? at + cause.retryAfterMs : undefined,
  };
  const actions: LaneAction[] = [{ type: 'report', report }];
  // Back online while that request was failing: try again at once, not after the backoff.
  if (state.retryNow) return { state: { ...failed, again: false }, actions: [...actions, { type: 'step' }] };
  return {
    state: { ...failed, phase: 'waiting', again: false, waitUntil: at + ms },
    actions: [...actions, { type: 'wait', ms }],
  };
}

/** docs/delivery.md#fast-recovery: the collector failed in a way that may end any moment. */
const recoverable = ({ reason, status }: RetryCause): boolean =>
  reason === 'network' || reason === 'timeout' || status >= 500;

/**
 * A new event of a played session while the lane waits: after a network error or a 5xx the next try
 * comes at most PROBE_GAP_MS after the last one (at once if that is past), never before `Retry-After`.
 */
function recover(state: LaneState, at: number): Transition {
  const { waitUntil, lastTryAt } = state;
  if (!state.recoverable || waitUntil === undefined || lastTryAt === undefined) return { state, actions: [] };
  const due = Math.max(lastTryAt + PROBE_GAP_MS, state.notBefore ?? 0);
  if (due >= waitUntil) return { state, actions: [] };
  if (due <= at) return drain(stopWaiting(state), [{ type: 'cancelWait' }]);
  return { state: { ...state, waitUntil: due }, actions: [{ type: 'wait', ms: due - at }] };
}
