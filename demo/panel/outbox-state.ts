// Outbox depth and state for the panel. The tracker exposes neither (yet), so both are derived from its
// public streams: depth = events produced (or adopted from an earlier page) and not yet settled by a
// report; state = the browser's `navigator.onLine` plus the `retrying` reports of the events waiting.
import type { DeliveryLog } from './delivery-log';

export type OutboxState = 'online' | 'offline' | 'retrying' | 'replaying';

export interface Period<T> {
  value: T;
  from: number;
  /** Undefined while it lasts. */
  to?: number;
}

export interface OutboxReading {
  state: OutboxState;
  depth: number;
  /** For `retrying`: when the next try is due (epoch ms). */
  nextTryAt?: number;
  /** For `retrying`: the last failure, e.g. "HTTP 500" or "no answer". */
  lastFailure?: string;
}

/** A history of values as periods, closing the last one when the value changes. */
export function createPeriods<T>() {
  const periods: Period<T>[] = [];
  return {
    periods: periods as readonly Period<T>[],
    set(value: T, at: number): void {
      const last = periods.at(-1);
      if (last && last.to === undefined && last.value === value) return;
      if (last && last.to === undefined) last.to = at;
      periods.push({ value, from: at });
    },
    end(at: number): void {
      const last = periods.at(-1);
      if (last && last.to === undefined) last.to = at;
    },
  };
}

export function createOutboxWatch(log: DeliveryLog, browserOnline: () => boolean) {
  const history = createPeriods<OutboxState>();
  // Events waited (offline, retrying, or adopted from an earlier page): until the outbox is empty
  // again, what goes out is a replay of that backlog.
  let backlog = false;

  return {
    history: history.periods,
    read(now: number): OutboxReading {
      const depth = log.depth();
      const waiting = log.rows.filter((row) => row.delivery.kind === 'retrying');
      const adopted = [...log.sessions.values()].some((info) => info.adoptedLeft > 0);
      let state: OutboxState;
      if (
        !browserOnline() ||
        waiting.some((row) => row.delivery.kind === 'retrying' && row.delivery.reason === 'offline')
      ) {
        state = 'offline';
      } else if (waiting.length > 0) state = 'retrying';
      else if ((backlog || adopted) && depth > 0) state = 'replaying';
      else state = 'online';
      backlog = depth > 0 && (backlog || adopted || state !== 'online');
      history.set(state, now);
      const reading: OutboxReading = { state, depth };
      const head = waiting[0]?.delivery;
      if (head?.kind === 'retrying') {
        reading.nextTryAt = head.retryAt;
        reading.lastFailure = head.status
          ? `HTTP ${head.status}`
          : head.reason === 'timeout'
            ? 'no answer in time'
            : 'no answer';
      }
      return reading;
    },
  };
}

export const STATE_SENTENCES: Readonly<Record<OutboxState, string>> = {
  online: 'Events go out as they happen, one request at a time per session.',
  offline: 'The browser says it is offline: events wait in the outbox and go out when it is back.',
  retrying:
    'The collector did not accept the next event: it is retried with a growing delay, and the rest wait behind it in order.',
  replaying:
    'The collector answers again: the events that waited are going out in their original order, with their original timestamps.',
};
