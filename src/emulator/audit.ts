// What the collector received, held against what the pages produced (docs/delivery.md#the-guarantee: nothing
// lost, nothing twice, in order). Pure. Tests post everything the pages produced so far
// (`POST /__emulator/produced`, replacing the last log) and read the verdict (`GET /__emulator/audit`);
// `findDuplicates` needs no produced log at all.
import type { McEvent, Outgoing } from '../mc/types.ts';
import type { RecordedEvent } from './session-record.ts';

/** The same eventType and ts accepted twice on one sid (Adobe would count it twice). */
export interface DuplicateRecord {
  sid: string;
  eventType: string;
  ts: number;
  count: number;
}

export interface ProducedLog {
  /** Every event the pages produced, each with its page's local session key, in production order. */
  produced: Outgoing[];
  /** Events the pages reported as finally dropped (a 400, the outbox caps): not counted as lost. */
  dropped: Outgoing[];
}

/** A recorded session with the global arrival number of each of its events (same indexes). */
export interface ArrivedSession {
  sid: string;
  downloaded: boolean;
  events: readonly RecordedEvent[];
  arrivals: readonly number[];
}

export interface AuditReport {
  produced: number;
  /** Produced events accepted (2xx) at least once. */
  delivered: number;
  /** Produced, never accepted, and not reported dropped. */
  lost: number;
  dropped: number;
  /** Acceptances beyond the first of a produced event, on any sid. */
  duplicated: number;
  /** Produced events first accepted after a later event of their local session. */
  disorder: number;
  /** Accepted events no page produced that a downloaded batch adds: its resume copy and closing sessionEnd. */
  synthetic: number;
  /** Accepted events no page produced, anywhere else: always a defect. */
  unexpected: number;
  /** `session/eventType@ts` of each lost, duplicated, out-of-order and unexpected event. */
  details: { lost: string[]; duplicated: string[]; disorder: string[]; unexpected: string[] };
}

// Whole seconds of playhead: the Media Edge API carries integers, so an Edge session's events match the
// float playheads the page produced (type and ts already tell events apart).
const key = (event: McEvent) =>
  `${event.eventType}@${event.playerTime.ts}@${Math.round(event.playerTime.playhead)}`;
const label = (session: string, event: McEvent) => `${session}/${event.eventType}@${event.playerTime.ts}`;
const accepted = (e: RecordedEvent) => e.status >= 200 && e.status < 300;

export function findDuplicates(sessions: readonly { sid: string; events: readonly RecordedEvent[] }[]) {
  const found: DuplicateRecord[] = [];
  for (const { sid, events } of sessions) {
    const counts = new Map<string, DuplicateRecord>();
    for (const { event } of events.filter(accepted)) {
      const { eventType, playerTime } = event as McEvent;
      const id = `${eventType}@${playerTime.ts}`;
      const record = counts.get(id) ?? { sid, eventType, ts: playerTime.ts, count: 0 };
      record.count += 1;
      counts.set(id, record);
    }
    found.push(...[...counts.values()].filter((record) => record.count > 1));
  }
  return found;
}

interface Produced {
  session: string;
  event: McEvent;
  /** Place in its local session. */
  index: number;
  received: number;
}

export function audit(sessions: readonly ArrivedSession[], log: ProducedLog): AuditReport {
  const byKey = new Map<string, Produced[]>();
  const perSession = new Map<string, number>();
  const produced = log.produced.map(({ session, event }): Produced => {
    const index = perSession.get(session) ?? 0;
    perSession.set(session, index + 1);
    const entry = { session, event, index, received: 0 };
    byKey.set(key(event), [...(byKey.get(key(event)) ?? []), entry]);
    return entry;
  });
  const arrived = sessions
    .flatMap(({ sid, downloaded, events, arrivals }) =>
      events.map((recorded, position) => ({
        sid,
        downloaded,
        recorded,
        position,
        last: events.length - 1,
        arrival: arrivals[position] ?? 0,
      })),
    )
    .filter(({ recorded }) => accepted(recorded))
    .sort((a, b) => a.arrival - b.arrival);
  const sidSession = new Map<string, string>();
  const furthest = new Map<string, number>();
  const details: AuditReport['details'] = { lost: [], duplicated: [], disorder: [], unexpected: [] };
  let synthetic = 0;
  for (const { sid, downloaded, recorded, position, last } of arrived) {
    const event = recorded.event as McEvent;
    const candidates = byKey.get(key(event)) ?? [];
    const match =
      candidates.find((c) => sidSession.get(sid) === c.session) ??
      candidates.find((c) => c.received === 0) ??
      candidates[0];
    if (!match) {
      const closing = position === last && event.eventType === 'sessionEnd';
      const resumed = position === 0 && event.params?.['media.resume'] === true;
      if (downloaded && (closing || resumed)) synthetic += 1;
      else details.unexpected.push(label(sid, event));
      continue;
    }
    if (!sidSession.has(sid)) sidSession.set(sid, match.session);
    match.received += 1;
    if (match.received > 1) {
      details.duplicated.push(label(match.session, event));
    } else if (match.index < (furthest.get(match.session) ?? -1)) {
      details.disorder.push(label(match.session, event));
    } else {
      furthest.set(match.session, match.index);
    }
  }
  const dropped = new Set(log.dropped.map(({ session, event }) => `${session}/${key(event)}`));
  for (const p of produced) {
    if (p.received === 0 && !dropped.has(`${p.session}/${key(p.event)}`))
      details.lost.push(label(p.session, p.event));
  }
  return {
    produced: produced.length,
    delivered: produced.filter((p) => p.received > 0).length,
    lost: details.lost.length,
    dropped: log.dropped.length,
    duplicated: details.duplicated.length,
    disorder: details.disorder.length,
    synthetic,
    unexpected: details.unexpected.length,
    details,
  };
}
