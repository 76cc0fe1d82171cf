// Injected faults for tests: answer a status, add latency, or drop the connection like a dead server.
// They apply to API POSTs only — never to preflights (a failed preflight would hide the status from
// the page) and never to /__emulator/* (tests must always be able to clear them).
import { isPlainObject } from '../mc/json-types.ts';

export type ApiRoute = 'sessions' | 'events' | 'downloaded';
export type FaultMatch = ApiRoute | 'all';

export interface FaultSpec {
  status?: number;
  /** How many matching requests it affects; unlimited when absent. */
  times?: number;
  /** Active for this many ms from now; forever when absent. */
  forMs?: number;
  match?: FaultMatch;
  latencyMs?: number;
  /** Destroy the socket without answering. */
  refuse?: boolean;
  /** Seconds, sent as Retry-After with the status. */
  retryAfter?: number;
  /** JSON body sent with the status; `{message}` when absent. */
  body?: Record<string, unknown>;
}

export interface Fault extends FaultSpec {
  id: number;
  match: FaultMatch;
  addedAt: number;
  /** Epoch ms after which it is no longer active. */
  until?: number;
  /** Matching requests it will still affect. */
  remaining?: number;
}

const MATCHES: readonly FaultMatch[] = ['sessions', 'events', 'downloaded', 'all'];
const NUMBER_KEYS = ['times', 'forMs', 'latencyMs', 'retryAfter'] as const;

export function faultProblems(spec: unknown): string[] {
  if (!isPlainObject(spec)) return ['A fault must be a JSON object.'];
  const allowed = ['status', 'match', 'refuse', 'body', ...NUMBER_KEYS];
  const problems = Object.keys(spec)
    .filter((key) => !allowed.includes(key))
    .map((key) => `Unknown fault key "${key}"; allowed: ${allowed.join(', ')}.`);
  const { status, match, refuse, body } = spec;
  if (
    status !== undefined &&
    !(Number.isInteger(status) && (status as number) >= 200 && (status as number) <= 599)
  ) {
    problems.push('Fault "status" must be an integer HTTP status from 200 to 599.');
  }
  for (const key of NUMBER_KEYS) {
    const value = spec[key];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
      problems.push(`Fault "${key}" must be a number ≥ 0.`);
    }
  }
  if (spec.times !== undefined && !Number.isInteger(spec.times))
    problems.push('Fault "times" must be an integer.');
  if (match !== undefined && !MATCHES.includes(match as FaultMatch)) {
    problems.push(`Fault "match" must be one of ${MATCHES.join(', ')}.`);
  }
  if (refuse !== undefined && typeof refuse !== 'boolean') problems.push('Fault "refuse" must be a boolean.');
  if (body !== undefined && !isPlainObject(body)) problems.push('Fault "body" must be a JSON object.');
  if (status === undefined && refuse !== true && spec.latencyMs === undefined) {
    problems.push('A fault needs at least one of "status", "refuse" or "latencyMs".');
  }
  return problems;
}

export type Faults = ReturnType<typeof createFaults>;

export function createFaults(deps: { now: () => number }) {
  let faults: Fault[] = [];
  let nextId = 1;

  const prune = (): void => {
    const now = deps.now();
    faults = faults.filter((f) => (f.until === undefined || now < f.until) && f.remaining !== 0);
  };

  return {
    /** Adds a fault; `spec` must have passed `faultProblems`. */
    add(spec: FaultSpec): Fault {
      const addedAt = deps.now();
      const fault: Fault = {
        ...spec,
        id: nextId++,
        match: spec.match ?? 'all',
        addedAt,
        ...(spec.forMs === undefined ? {} : { until: addedAt + spec.forMs }),
        ...(spec.times === undefined ? {} : { remaining: spec.times }),
      };
      faults.push(fault);
      return fault;
    },
    list(): Fault[] {
      prune();
      return faults.map((fault) => ({ ...fault }));
    },
    clear(): void {
      faults = [];
    },
    /** The first active fault for this route, counted as used; undefined when none applies. */
    take(route: ApiRoute): Fault | undefined {
      prune();
      const fault = faults.find((f) => f.match === 'all' || f.match === route);
      if (fault?.remaining !== undefined) fault.remaining -= 1;
      return fault && { ...fault };
    },
  };
}
