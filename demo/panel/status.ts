// A log row's delivery status in words, with a symbol and a tone class, so the status never rests on
// colour alone. "sent" is derived: each session has one request in flight (README, Delivery), so the
// oldest event of a session not yet settled is the one on the wire.
import type { Delivery, LogRow } from './delivery-log';

export interface StatusText {
  symbol: string;
  text: string;
  tone: 'ok' | 'wait' | 'warn' | 'bad';
}

const seconds = (ms: number) => `${Math.max(0, Math.ceil(ms / 1000))} s`;

function retrying(delivery: Extract<Delivery, { kind: 'retrying' }>, now: number): StatusText {
  const failure =
    delivery.reason === 'offline'
      ? 'browser offline'
      : delivery.status
        ? `HTTP ${delivery.status}`
        : delivery.reason === 'timeout'
          ? 'no answer in time'
          : 'no answer';
  const next =
    delivery.retryAt > now
      ? `try ${delivery.attempt + 1} in ${seconds(delivery.retryAt - now)}`
      : `try ${delivery.attempt + 1} sent`;
  return { symbol: '↻', text: `retrying: ${failure}, ${next}`, tone: 'warn' };
}

export function statusOf(row: LogRow, inFlight: boolean, now: number): StatusText {
  const { delivery } = row;
  switch (delivery.kind) {
    case 'queued':
      return inFlight
        ? { symbol: '→', text: 'sent', tone: 'wait' }
        : { symbol: '○', text: 'queued', tone: 'wait' };
    case 'retrying':
      return retrying(delivery, now);
    case 'answered':
      return delivery.status === 0
        ? { symbol: '✓', text: 'sent by an earlier page, counted as delivered', tone: 'ok' }
        : { symbol: '✓', text: String(delivery.status), tone: 'ok' };
    case 'dropped':
      return { symbol: '✗', text: `${delivery.status} dropped: ${delivery.message}`, tone: 'bad' };
    case 'gone':
      return { symbol: '↪', text: `${delivery.status}: session gone, going to /downloaded`, tone: 'warn' };
    case 'downloaded':
      return { symbol: '✓', text: `${delivery.status} in a /downloaded batch`, tone: 'ok' };
    case 'lost':
      return { symbol: '✗', text: `lost: ${delivery.why}`, tone: 'bad' };
    default: {
      const unknown: never = delivery;
      return unknown;
    }
  }
}

/** The ids of the rows now in flight: the oldest waiting row of each session. */
export function inFlightRows(rows: readonly LogRow[]): Set<number> {
  const heads = new Map<string, number>();
  for (const row of rows) {
    if (heads.has(row.session)) continue;
    if (row.delivery.kind === 'queued' || row.delivery.kind === 'retrying') heads.set(row.session, row.id);
  }
  return new Set(heads.values());
}
