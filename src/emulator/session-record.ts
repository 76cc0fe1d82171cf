// One recorded session: what it received, how it was answered, its findings, and Adobe's expiry clock.
import type { McEvent } from '../mc/types.ts';
import type { EmulatorConfig } from './config.ts';
import { stepSequence } from './sequence.ts';
import { type Finding, INITIAL_SEQUENCE_STATE, type SequenceState } from './sequence-types.ts';

export type SessionClosed = 'open' | 'ended' | 'expired';
/** Which API opened the session: the Media Collection API or the Media Edge API. */
export type SessionApi = 'mc' | 'edge';

export interface RecordedEvent {
  receivedAt: number;
  /** The HTTP status the emulator answered. */
  status: number;
  /** The JSON as received. */
  event: unknown;
  /** The error message answered, for non-2xx statuses. */
  message?: string;
  /** Edge sessions: the `xdm` (or downloaded item) as received; `event` is its Media Collection form. */
  edge?: unknown;
}

export interface RecordedSession {
  sid: string;
  api: SessionApi;
  downloaded: boolean;
  /** `media.resume` of the session's sessionStart. */
  resume: boolean;
  closed: SessionClosed;
  createdAt: number;
  /** Well-formed events that reached the session, in arrival order: 201/204 accepted, 410 refused. */
  events: RecordedEvent[];
  /** Events for this session answered 400. */
  rejected: RecordedEvent[];
  findings: Finding[];
}

export interface SessionRecord extends RecordedSession {
  /** The emulator-wide arrival number of each recorded event (same indexes as `events`). */
  arrivals: number[];
  sequence: SequenceState;
  lastEventAt: number;
  lastMoveAt: number;
  lastPlayhead: number;
  /** Why the session no longer accepts events: the 410 message. */
  closedBecause?: string;
}

export function createSessionRecord(
  sid: string,
  start: McEvent,
  options: { downloaded: boolean; receivedAt: number; api?: SessionApi },
): SessionRecord {
  return {
    sid,
    api: options.api ?? 'mc',
    downloaded: options.downloaded,
    resume: start.params?.['media.resume'] === true,
    closed: 'open',
    createdAt: options.receivedAt,
    events: [],
    rejected: [],
    findings: [],
    arrivals: [],
    sequence: INITIAL_SEQUENCE_STATE,
    lastEventAt: options.receivedAt,
    lastMoveAt: options.receivedAt,
    lastPlayhead: start.playerTime.playhead,
  };
}

/**
 * Appends a well-formed event with the status it was answered. Accepted events and events after
 * sessionEnd run the sequence rules; events refused because the session expired do not (the client
 * could not have known). Returns the new findings.
 */
export function recordEvent(
  session: SessionRecord,
  event: McEvent,
  {
    arrival,
    ...reply
  }: { status: number; receivedAt: number; arrival: number; message?: string; edge?: unknown },
  config: EmulatorConfig,
): Finding[] {
  const index = session.events.push({ ...reply, event }) - 1;
  session.arrivals.push(arrival);
  const accepted = reply.status < 300;
  if (accepted) {
    session.lastEventAt = reply.receivedAt;
    if (event.playerTime.playhead !== session.lastPlayhead) session.lastMoveAt = reply.receivedAt;
    session.lastPlayhead = event.playerTime.playhead;
  }
  if (!accepted && session.closed !== 'ended') return [];
  const step = stepSequence(session.sequence, event, { sid: session.sid, index }, config);
  session.sequence = step.state;
  session.findings.push(...step.findings);
  if (accepted && event.eventType === 'sessionEnd') {
    close(session, 'ended', `Session ${session.sid} was closed by sessionEnd.`);
  }
  return step.findings;
}

/**
 * MC API: a session closes after 10 min without events or 30 min without playhead movement
 * (docs/adobe-api.md#session-timeouts).
 */
export function expireIfIdle(session: SessionRecord, now: number, config: EmulatorConfig): void {
  if (session.closed !== 'open') return;
  if (now - session.lastEventAt > config.idleTimeoutMs) {
    close(
      session,
      'expired',
      `Session ${session.sid} expired: no event for more than ${config.idleTimeoutMs} ms.`,
    );
  } else if (now - session.lastMoveAt > config.stalledTimeoutMs) {
    close(
      session,
      'expired',
      `Session ${session.sid} expired: the playhead has not moved for more than ${config.stalledTimeoutMs} ms.`,
    );
  }
}

export function close(session: SessionRecord, closed: Exclude<SessionClosed, 'open'>, because: string): void {
  session.closed = closed;
  session.closedBecause = because;
}

/** The JSON view served on /__emulator/sessions: no internals, arrays copied. */
export const publicSession = (session: SessionRecord): RecordedSession => ({
  sid: session.sid,
  api: session.api,
  downloaded: session.downloaded,
  resume: session.resume,
  closed: session.closed,
  createdAt: session.createdAt,
  events: [...session.events],
  rejected: [...session.rejected],
  findings: [...session.findings],
});
