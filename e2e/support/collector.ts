// Typed helpers over the emulator's control routes (/__emulator/*). Tests talk to the standalone
// collector on :8787 directly, the same origin the pages post to.
import { type APIRequestContext, expect } from '@playwright/test';
import type {
  EmulatorConfig,
  EmulatorReport,
  FaultSpec,
  RecordedEvent,
  RecordedSession,
} from '../../src/emulator/index';
import type { McEvent } from '../../src/mc/types';

export type { EmulatorReport, FaultSpec } from '../../src/emulator/index';

/** A recorded session with its events typed: the emulator keeps only well-formed MC events in `events`. */
export interface EmulatedSession extends Omit<RecordedSession, 'events'> {
  events: (Omit<RecordedEvent, 'event'> & { event: McEvent })[];
}

export const COLLECTOR = `http://127.0.0.1:${process.env.COLLECTOR_PORT ?? 8787}`;

async function call<T>(
  request: APIRequestContext,
  method: 'GET' | 'POST' | 'DELETE',
  route: string,
  data?: unknown,
) {
  const response = await request.fetch(`${COLLECTOR}/__emulator/${route}`, { method, data });
  expect(response.ok(), `${method} /__emulator/${route} → ${response.status()}`).toBe(true);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Forgets all sessions, faults and config changes. Call it at the start of every test. */
export const resetCollector = (request: APIRequestContext) => call<void>(request, 'POST', 'reset');

export const sessions = (request: APIRequestContext) => call<EmulatedSession[]>(request, 'GET', 'sessions');

export const report = (request: APIRequestContext) => call<EmulatorReport>(request, 'GET', 'report');

export const addFault = (request: APIRequestContext, fault: FaultSpec) =>
  call<unknown>(request, 'POST', 'faults', fault);

export const clearFaults = (request: APIRequestContext) => call<void>(request, 'DELETE', 'faults');

/** Expires one session (or all), so its next event gets 410 as after Adobe's idle timeout. */
export const expireSessions = (request: APIRequestContext, sid?: string) =>
  call<{ expired: string[] }>(request, 'POST', 'expire', sid === undefined ? {} : { sid });

/** Changes the emulator's timeouts / expected ping cadence until the next reset. */
export const setConfig = (request: APIRequestContext, patch: Partial<EmulatorConfig>) =>
  call<EmulatorConfig>(request, 'POST', 'config', patch);

/**
 * Polls /__emulator/sessions until `predicate` holds and returns the sessions it held for.
 * Fails with the last sessions seen, so a timeout shows what did arrive.
 */
export async function waitForEvents(
  request: APIRequestContext,
  predicate: (all: EmulatedSession[]) => boolean,
  timeoutMs = 15_000,
): Promise<EmulatedSession[]> {
  let last: EmulatedSession[] = [];
  await expect
    .poll(
      async () => {
        last = await sessions(request);
        return predicate(last);
      },
      { timeout: timeoutMs, intervals: [100, 250, 500], message: 'collector sessions never matched' },
    )
    .toBe(true)
    .catch((error: Error) => {
      error.message += `\nlast sessions: ${JSON.stringify(summarise(last), null, 1)}`;
      throw error;
    });
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
