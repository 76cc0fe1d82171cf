// The panel's record of every event the page's trackers produced and what became of it, built only
// from the public tracker API: `events$` adds a row, `reports$` settles it. Reports name the event by
// session and ts (unique within a session: ts is strictly increasing), never by object identity —
// the outbox may hand back a copy read from IndexedDB.
import type { DeliveryReport, McEvent, Outgoing } from '../../src/index';

type RetryReason = Extract<DeliveryReport, { type: 'retrying' }>['reason'];

export type Delivery =
  | { kind: 'queued' }
  | { kind: 'retrying'; attempt: number; status: number; reason: RetryReason; retryAt: number }
  | { kind: 'answered'; status: number }
  | { kind: 'dropped'; status: number; message: string }
  /** Its session got 404/410: on its way to /api/v1/downloaded. */
  | { kind: 'gone'; status: number }
  | { kind: 'downloaded'; status: number }
  | { kind: 'lost'; why: string };

export interface LogRow {
  id: number;
  player: string;
  session: string;
  event: McEvent;
  delivery: Delivery;
  /** Produced by an earlier page and delivered by this one (the outbox adopted it). */
  earlier: boolean;
}

export interface SessionInfo {
  key: string;
  player: string;
  /** "A1", "A2", "B1": the player and the session's number on it, as the panel names it. */
  label: string;
  sid?: string;
  /** Events another page left that this page adopted and has not yet seen settled. */
  adoptedLeft: number;
  earlier: boolean;
}

const SETTLED = new Set<Delivery['kind']>(['answered', 'dropped', 'downloaded', 'lost']);
export const isSettled = (row: LogRow): boolean => SETTLED.has(row.delivery.kind);
export const isAcknowledged = (row: LogRow): boolean =>
  row.delivery.kind === 'answered' || row.delivery.kind === 'downloaded';

const keyOf = (session: string, event: McEvent): string =>
  `${session}|${event.playerTime.ts}|${event.eventType}`;

export type DeliveryLog = ReturnType<typeof createDeliveryLog>;

export function createDeliveryLog() {
  const rows: LogRow[] = [];
  const byKey = new Map<string, LogRow>();
  const sessions = new Map<string, SessionInfo>();
  /** What the outbox said about its storage, oldest first. */
  const notices: string[] = [];

  const session = (key: string, player: string, earlier = false): SessionInfo => {
    let info = sessions.get(key);
    if (!info) {
      const number = [...sessions.values()].filter((s) => s.player === player).length + 1;
      info = { key, player, label: `${player}${number}`, adoptedLeft: 0, earlier };
      sessions.set(key, info);
    }
    return info;
  };
  const add = (player: string, key: string, event: McEvent, delivery: Delivery, earlier: boolean): LogRow => {
    const row: LogRow = { id: rows.length + 1, player, session: key, event, delivery, earlier };
    rows.push(row);
    byKey.set(keyOf(key, event), row);
    return row;
  };
  /** The row a report is about; an event this page never produced came from an adopted session. */
  const rowFor = (player: string, key: string, event: McEvent): LogRow => {
    const known = byKey.get(keyOf(key, event));
    if (known) return known;
    const info = session(key, player, true);
    info.adoptedLeft = Math.max(0, info.adoptedLeft - 1);
    return add(player, key, event, { kind: 'queued' }, true);
  };
  const unsettled = (key: string) => rows.filter((row) => row.session === key && !isSettled(row));

  function apply(player: string, report: DeliveryReport, now: number): void {
    switch (report.type) {
      case 'sessionCreated':
        session(report.session, player).sid = report.sid;
        return;
      case 'delivered':
        rowFor(player, report.session, report.event).delivery = { kind: 'answered', status: report.status };
        return;
      case 'dropped':
        rowFor(player, report.session, report.event).delivery = {
          kind: 'dropped',
          status: report.status,
          message: report.message,
        };
        return;
      case 'retrying': {
        const { attempt, status, reason, delayMs } = report;
        rowFor(player, report.session, report.event).delivery = {
          kind: 'retrying',
          attempt,
          status,
          reason,
          retryAt: now + delayMs,
        };
        return;
      }
      case 'sessionGone':
        session(report.session, player).sid = report.sid;
        for (const row of unsettled(report.session)) row.delivery = { kind: 'gone', status: report.status };
        return;
      case 'downloaded':
        settleBatch(report.session, { kind: 'downloaded', status: report.status }, report.count);
        return;
      case 'sessionRejected':
      case 'downloadRejected':
        settleBatch(
          report.session,
          { kind: 'lost', why: `${report.status}: ${report.message}` },
          report.count,
        );
        return;
      case 'outboxDropped':
        settleBatch(
          report.session,
          { kind: 'lost', why: `outbox cap (${report.reason})` },
          report.count,
          'ping',
        );
        return;
      case 'unconfirmed':
        settleBatch(report.session, { kind: 'answered', status: 0 }, report.count);
        return;
      case 'adopted':
        session(report.session, player, true).adoptedLeft += report.count;
        return;
      case 'queueError':
        notices.push(`The outbox's storage failed: ${report.message}`);
        return;
      case 'storageFallback':
        notices.push(
          `IndexedDB cannot keep the outbox (${report.reason}): events are kept in memory only. ${report.message}`,
        );
        return;
      default: {
        const unhandled: never = report; // a report type added later: nothing to settle
        void unhandled;
      }
    }
  }

  /** Settles up to `count` of the session's oldest unsettled rows (only pings, for outbox drops). */
  function settleBatch(key: string, delivery: Delivery, count: number, only?: McEvent['eventType']): void {
    const targets = unsettled(key).filter((row) => !only || row.event.eventType === only);
    const mine = Math.min(count, targets.length);
    for (const row of targets.slice(0, mine)) row.delivery = delivery;
    const info = sessions.get(key);
    if (info) info.adoptedLeft = Math.max(0, info.adoptedLeft - (count - mine));
  }

  return {
    rows: rows as readonly LogRow[],
    sessions: sessions as ReadonlyMap<string, SessionInfo>,
    notices: notices as readonly string[],
    produced(player: string, { session: key, event }: Outgoing): void {
      session(key, player);
      add(player, key, event, { kind: 'queued' }, false);
    },
    report(player: string, report: DeliveryReport, now: number): void {
      apply(player, report, now);
    },
    /** Events waiting in the outbox: unsettled rows, plus adopted events not yet seen. */
    depth(): number {
      let adopted = 0;
      for (const info of sessions.values()) adopted += info.adoptedLeft;
      return rows.filter((row) => !isSettled(row)).length + adopted;
    },
  };
}
