// Outbox depth and state for the panel, as the tracker's `delivery$` tells them
// (docs/delivery.md#delivery-state); the panel only names them for people.
import type { DeliveryState } from '../../src/index';

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

/** Panel words for the delivery state: `idle` and `sending` are both "online" to a viewer. */
const PANEL_STATE: Readonly<Record<DeliveryState['state'], OutboxState>> = {
  idle: 'online',
  sending: 'online',
  offline: 'offline',
  retrying: 'retrying',
  replaying: 'replaying',
};

export function createOutboxWatch() {
  const history = createPeriods<OutboxState>();
  let latest: DeliveryState | undefined;

  return {
    history: history.periods,
    /** The tracker's latest `delivery$` value. */
    update(state: DeliveryState): void {
      latest = state;
    },
    read(now: number): OutboxReading {
      const state = latest ? PANEL_STATE[latest.state] : 'online';
      history.set(state, now);
      const reading: OutboxReading = { state, depth: latest?.waiting ?? 0 };
      if (latest?.state === 'retrying') {
        reading.nextTryAt = latest.nextTryAt;
        const status = latest.lastAnswer?.status;
        reading.lastFailure = status ? `HTTP ${status}` : 'no answer';
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
    'A session the collector has closed: the events that waited go out together in one downloaded batch, with their original timestamps.',
};
