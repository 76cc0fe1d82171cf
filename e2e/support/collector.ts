// A typed client for one collector emulator's control routes (/__emulator/*), on Node's own fetch: no
// test-runner API, so any browser driver (Playwright here, a WebDriver client later) can use it. Each
// Playwright test gets its own emulator and a client for it from e2e/support/fixtures.ts.
import type {
  AuditReport,
  EmulatorConfig,
  EmulatorReport,
  FaultSpec,
  ProducedLog,
  RecordedEvent,
  RecordedSession,
} from '../../src/emulator/index';
import type { McEvent } from '../../src/mc/types';
import { pollUntil } from './poll';

export type { AuditReport, EmulatorReport, FaultSpec } from '../../src/emulator/index';

/** A recorded session with its events typed: the emulator keeps only well-formed MC events in `events`. */
export interface EmulatedSession extends Omit<RecordedSession, 'events'> {
  events: (Omit<RecordedEvent, 'event'> & { event: McEvent })[];
}

export interface Collector {
  /** Base URL without a trailing slash: what the pages post to (the harness's `collector` parameter). */
  readonly url: string;
  /** Forgets all sessions, faults and config changes. */
  reset(): Promise<void>;
  sessions(): Promise<EmulatedSession[]>;
  report(): Promise<EmulatorReport>;
  addFault(fault: FaultSpec): Promise<unknown>;
  clearFaults(): Promise<void>;
  /** Expires one session (or all), so its next event gets 410 as after Adobe's idle timeout. */
  expire(sid?: string): Promise<{ expired: string[] }>;
  /** Changes the emulator's timeouts / expected ping cadence until the next reset. */
  setConfig(patch: Partial<EmulatorConfig>): Promise<EmulatorConfig>;
  /** Replaces the log of what the pages produced, then returns the emulator's verdict on it. */
  audit(log: Partial<ProducedLog>): Promise<AuditReport>;
}

export function collectorClient(url: string): Collector {
  const call = async <T>(method: 'GET' | 'POST' | 'DELETE', route: string, data?: unknown): Promise<T> => {
    const response = await fetch(`${url}/__emulator/${route}`, {
      method,
      ...(data === undefined
        ? {}
        : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /__emulator/${route} → ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    url,
    reset: () => call('POST', 'reset'),
    sessions: () => call('GET', 'sessions'),
    report: () => call('GET', 'report'),
    addFault: (fault) => call('POST', 'faults', fault),
    clearFaults: () => call('DELETE', 'faults'),
    expire: (sid) => call('POST', 'expire', sid === undefined ? {} : { sid }),
    setConfig: (patch) => call('POST', 'config', patch),
    async audit(log) {
      await call('POST', 'produced', log);
      return call('GET', 'audit');
    },
  };
}

/**
 * Polls the collector's sessions until `predicate` holds and returns the sessions it held for.
 * Fails with the last sessions seen, so a timeout shows what did arrive.
 */
export async function waitForEvents(
  collector: Collector,
  predicate: (all: EmulatedSession[]) => boolean,
  timeoutMs = 15_000,
): Promise<EmulatedSession[]> {
  let last: EmulatedSession[] = [];
  await pollUntil(
    async () => {
      last = await collector.sessions();
      return predicate(last);
    },
    {
      timeoutMs,
      message: () =>
        `collector sessions never matched\nlast sessions: ${JSON.stringify(summarise(last), null, 1)}`,
    },
  );
  return last;
}

/** Event types per session: short enough for a failure message. */
export const summarise = (all: EmulatedSession[]) =>
  all.map((s) => ({
    sid: s.sid,
    closed: s.closed,
    events: s.events.map((e) => `${e.event.eventType}:${e.status}`),
    rejected: s.rejected.length,
  }));
