// Everything the emulator has seen: sessions in creation order, plus the requests that never reached
// one (validation errors, unknown sids, injected faults). Read by the control routes and by tests.
import { randomBytes } from 'node:crypto';
import type { McEvent } from '../mc/types.ts';
import { type AuditReport, audit, type DuplicateRecord, findDuplicates, type ProducedLog } from './audit.ts';
import type { EmulatorConfig } from './config.ts';
import type { Finding } from './sequence-types.ts';
import {
  createSessionRecord,
  expireIfIdle,
  publicSession,
  type RecordedSession,
  type SessionApi,
  type SessionRecord,
} from './session-record.ts';

export interface ValidationErrorRecord {
  path: string;
  /** 207: an Edge sessionStart that failed validation (the Edge answers those 207, not 400). */
  status: 400 | 207;
  /** The message answered: the first problem. */
  message: string;
  /** Every problem found. */
  problems: string[];
  /** The parsed JSON, or the raw text when it was not JSON. */
  body: unknown;
  receivedAt: number;
  sid?: string;
}

export interface NotFoundRecord {
  path: string;
  status: 404;
  sid: string;
  body: unknown;
  receivedAt: number;
}

export interface FaultedRecord {
  path: string;
  /**
   * The injected status; 'refused' when the connection was destroyed unanswered; 'abandoned' when
   * the client went away during injected latency (the request never reached the collector).
   */
  status: number | 'refused' | 'abandoned';
  faultId: number;
  receivedAt: number;
}

/** One request on a Media Edge route, as received, with the status answered (faults included). */
export interface EdgeRequestRecord {
  /** Path with the query, e.g. /ee/emu1/va/v1/play?configId=…&requestId=… */
  path: string;
  status: number | 'refused' | 'abandoned';
  /** The parsed JSON, or the raw text when it was not JSON. */
  body: unknown;
  receivedAt: number;
}

export interface EmulatorReport {
  sessions: RecordedSession[];
  findings: Finding[];
  validationErrors: ValidationErrorRecord[];
  notFound: NotFoundRecord[];
  faulted: FaultedRecord[];
  /** The same eventType and ts accepted twice on one sid. */
  duplicates: DuplicateRecord[];
  /** API requests received (POST to /api/v1/* and the Edge routes, faulted ones included; no preflights). */
  requests: number;
  /** Every request on the Media Edge routes, in arrival order. */
  edgeRequests: EdgeRequestRecord[];
}

export type Store = ReturnType<typeof createStore>;

// MC API sample sids are 64 lowercase hex characters (docs/adobe-api.md).
export const randomSid = (): string => randomBytes(32).toString('hex');

export function createStore(deps: { now: () => number; newSid?: () => string }) {
  const newSid = deps.newSid ?? randomSid;
  const sessions = new Map<string, SessionRecord>();
  let validationErrors: ValidationErrorRecord[] = [];
  let notFound: NotFoundRecord[] = [];
  let faulted: FaultedRecord[] = [];
  let edgeRequests: EdgeRequestRecord[] = [];
  let requests = 0;
  let arrivals = 0;
  let log: ProducedLog = { produced: [], dropped: [] };

  // Adobe's idle and stalled timeouts, applied lazily as of now.
  const views = (config: EmulatorConfig): RecordedSession[] => {
    const now = deps.now();
    for (const session of sessions.values()) expireIfIdle(session, now, config);
    return [...sessions.values()].map(publicSession);
  };

  return {
    open(start: McEvent, downloaded: boolean, api: SessionApi = 'mc'): SessionRecord {
      let sid = newSid();
      while (sessions.has(sid)) sid = newSid();
      const session = createSessionRecord(sid, start, { downloaded, receivedAt: deps.now(), api });
      sessions.set(sid, session);
      return session;
    },
    get: (sid: string): SessionRecord | undefined => sessions.get(sid),
    all: (): SessionRecord[] => [...sessions.values()],
    countRequest(): void {
      requests += 1;
    },
    /** The next emulator-wide arrival number, for one recorded event. */
    arrival: (): number => ++arrivals,
    /** Sets the log of what the pages produced (and reported dropped): the test's whole record so far. */
    produced(next: Partial<ProducedLog>): void {
      log = { produced: next.produced ?? [], dropped: next.dropped ?? [] };
    },
    audit(config: EmulatorConfig): AuditReport {
      views(config);
      return audit([...sessions.values()], log);
    },
    rejected(
      record: Omit<ValidationErrorRecord, 'status' | 'receivedAt' | 'message'>,
      status: 400 | 207 = 400,
    ): ValidationErrorRecord {
      const receivedAt = deps.now();
      const entry: ValidationErrorRecord = { ...record, status, message: record.problems[0], receivedAt };
      validationErrors.push(entry);
      const session = record.sid === undefined ? undefined : sessions.get(record.sid);
      session?.rejected.push({ receivedAt, status, event: record.body, message: entry.message });
      return entry;
    },
    notFound(record: Omit<NotFoundRecord, 'status' | 'receivedAt'>): void {
      notFound.push({ ...record, status: 404, receivedAt: deps.now() });
    },
    faulted(record: Omit<FaultedRecord, 'receivedAt'>): void {
      faulted.push({ ...record, receivedAt: deps.now() });
    },
    edgeRequest(record: Omit<EdgeRequestRecord, 'receivedAt'>): void {
      edgeRequests.push({ ...record, receivedAt: deps.now() });
    },
    sessions: views,
    report(config: EmulatorConfig): EmulatorReport {
      const current = views(config);
      return {
        sessions: current,
        findings: current.flatMap((session) => session.findings),
        validationErrors: [...validationErrors],
        notFound: [...notFound],
        faulted: [...faulted],
        duplicates: findDuplicates(current),
        requests,
        edgeRequests: [...edgeRequests],
      };
    },
    clear(): void {
      sessions.clear();
      validationErrors = [];
      notFound = [];
      faulted = [];
      edgeRequests = [];
      requests = 0;
      arrivals = 0;
      log = { produced: [], dropped: [] };
    },
  };
}
