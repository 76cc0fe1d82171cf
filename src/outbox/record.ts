// The stored record format (the outbox's "StorableRequest" layer): what one IndexedDB entry holds and
// how its key is spelled. Records are plain structured-cloneable objects with a version, so a later
// release can read, convert or skip what an older page left behind.
import type { QueuedEvent, SessionMeta } from '../delivery/queue';
import { EVENT_TYPES, type McEvent } from '../mc/types';

export const RECORD_VERSION = 1;

/**
 * Event keys are positive integers (docs/browsers.md#keys-and-ordering: numbers sort numerically, unpadded
 * strings do not); session keys are strings, which IndexedDB sorts after every number, so the two never mix.
 */
export const SESSION_PREFIX = 'session:';
export const sessionKey = (session: string): string => SESSION_PREFIX + session;

export interface EventRecord {
  v: typeof RECORD_VERSION;
  session: string;
  event: McEvent;
  /** Sent with keepalive while the page went away; its answer was never seen. */
  shipped?: true;
}

export interface SessionRecord extends SessionMeta {
  v: typeof RECORD_VERSION;
}

export function eventRecord({ session, event, shipped }: QueuedEvent): EventRecord {
  return { v: RECORD_VERSION, session, event, ...(shipped ? { shipped: true as const } : {}) };
}

export const sessionRecord = (meta: SessionMeta): SessionRecord => ({ ...meta, v: RECORD_VERSION });

/** The queued event a stored entry holds, or undefined when it is not one this version understands. */
export function readEvent(key: number, value: unknown): QueuedEvent | undefined {
  const record = value as Partial<EventRecord> | null;
  if (record?.v !== RECORD_VERSION || typeof record.session !== 'string' || !isEvent(record.event)) {
    return undefined;
  }
  return {
    id: key,
    session: record.session,
    event: record.event,
    ...(record.shipped ? { shipped: true } : {}),
  };
}

export function readSession(value: unknown): SessionMeta | undefined {
  const record = value as Partial<SessionRecord> | null;
  if (record?.v !== RECORD_VERSION || typeof record.session !== 'string') return undefined;
  const { v: _version, ...meta } = record as SessionRecord;
  return meta;
}

function isEvent(value: unknown): value is McEvent {
  const event = value as Partial<McEvent> | null;
  return (
    typeof event?.eventType === 'string' &&
    (EVENT_TYPES as readonly string[]).includes(event.eventType) &&
    typeof event.playerTime?.ts === 'number' &&
    typeof event.playerTime.playhead === 'number'
  );
}
