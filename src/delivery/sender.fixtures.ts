// Test support for the delivery specs (not shipped: nothing outside tests imports it).
import type { McEvent, McEventType, Outgoing } from '../mc/types';
import { createMemoryQueue, type EventQueue } from './queue';
import type { DeliveryReport } from './reports';
import { createSender } from './sender';
// The gone-session chunk, loaded before any spec runs: on fake time a first `import()` would still be
// loading when the spec's clock has run out.
import './send-downloaded';
import { type Transport, TransportError } from './transport';

export interface SentRequest {
  path: string;
  /** The parsed JSON body. */
  body: unknown;
  keepalive: boolean;
  /** Fake-clock ms when the request left. */
  at: number;
}

export type Reply =
  | { status: number; location?: string | null; retryAfter?: string | null; message?: string }
  | 'network'
  | 'timeout';

export interface FakeCollectorOptions {
  /** Fake-clock ms before each answer (0: answer on the next microtask). */
  latencyMs?: number;
  /** Scripted answer; undefined falls back to a healthy collector (201 + Location, 204, 201). */
  reply?: (request: SentRequest, index: number) => Reply | undefined;
  /** Location for the n-th session (1-based); the default is relative, as Adobe sends it. */
  location?: (n: number) => string | null;
}

/** A scripted collector behind the Transport seam that records requests and their concurrency. */
export function createFakeCollector({ latencyMs = 0, reply, location }: FakeCollectorOptions = {}) {
  const requests: SentRequest[] = [];
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  let created = 0;
  let total = 0;
  let maxTotal = 0;

  const healthy = (path: string): Reply => {
    if (path !== '/api/v1/sessions') return { status: path.endsWith('/events') ? 204 : 201 };
    created += 1;
    return { status: 201, location: location ? location(created) : `/api/v1/sessions/sid-${created}` };
  };

  const transport: Transport = async ({ url, body, keepalive = false }) => {
    const path = new URL(url).pathname;
    const request: SentRequest = { path, body: JSON.parse(body), keepalive, at: Date.now() };
    const index = requests.push(request) - 1;
    inFlight.set(path, (inFlight.get(path) ?? 0) + 1);
    maxInFlight.set(path, Math.max(maxInFlight.get(path) ?? 0, inFlight.get(path)!));
    maxTotal = Math.max(maxTotal, ++total);
    try {
      await (latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, latencyMs)) : Promise.resolve());
      const answer = reply?.(request, index) ?? healthy(path);
      if (answer === 'network') throw new TypeError('Failed to fetch');
      if (answer === 'timeout') throw new TransportError('timeout', 'No answer within 10000 ms');
      const { status, location = null, retryAfter = null, message } = answer;
      return { status, location, retryAfter, ...(message === undefined ? {} : { message }) };
    } finally {
      inFlight.set(path, inFlight.get(path)! - 1);
      total -= 1;
    }
  };

  return {
    transport,
    requests,
    maxInFlight,
    maxTotalInFlight: () => maxTotal,
    /** The eventType/ts pairs that reached a path, in request order. */
    sentTo: (path: string) =>
      requests
        .filter((r) => r.path === path)
        .map((r) => `${(r.body as McEvent).eventType}@${(r.body as McEvent).playerTime.ts}`),
  };
}

/** A `reply` script: answers `failure` to the first `times` events requests, then lets the default answer. */
export function failEvents(failure: Reply, times: number) {
  let failed = 0;
  return (request: SentRequest): Reply | undefined =>
    request.path.endsWith('/events') && failed++ < times ? failure : undefined;
}

export const ENDPOINT = 'https://collector.example';

export const START_PARAMS = {
  'analytics.trackingServer': 'example.sc.omtrdc.net',
  'analytics.reportSuite': 'rsid',
  'visitor.marketingCloudOrgId': 'ABC@AdobeOrg',
  'media.channel': 'web',
  'media.playerName': 'video.js',
  'media.id': 'movie-1',
  'media.name': 'Movie',
  'media.contentType': 'vod',
  'media.length': 120,
} as const;

export function mcEvent(eventType: McEventType, ts: number, playhead = 0): McEvent {
  if (eventType !== 'sessionStart') return { eventType, playerTime: { playhead, ts } };
  return {
    eventType,
    playerTime: { playhead, ts },
    params: { ...START_PARAMS },
    customMetadata: { show: 'x' },
    qoeData: { 'media.qoe.timeToStart': 250 },
  };
}

/** A session as the tracker would produce it: sessionStart, then `types` 1 s apart. */
export function sessionItems(session: string, types: McEventType[], t0 = 1_000): Outgoing[] {
  return ['sessionStart' as const, ...types].map((type, i) => ({
    session,
    event: mcEvent(type, t0 + i * 1_000, i),
  }));
}

export interface SenderSetup {
  /** The fake collector to send to; default one with 10 ms latency and `collectorOptions`. */
  collector?: ReturnType<typeof createFakeCollector>;
  collectorOptions?: FakeCollectorOptions;
  queue?: EventQueue;
  /** The backoff jitter; the sender's own (Math.random) when not given. */
  random?: () => number;
  keepaliveBudget?: number;
}

/**
 * A sender on a fake collector and a memory queue, as the sender specs use it: its reports collected,
 * and `connectivity.online` as the page's `navigator.onLine`.
 */
export function setupSender({
  collectorOptions = {},
  collector = createFakeCollector({ latencyMs: 10, ...collectorOptions }),
  queue = createMemoryQueue(),
  random,
  keepaliveBudget,
}: SenderSetup = {}) {
  const connectivity = { online: true };
  // random and keepaliveBudget left undefined take the sender's defaults.
  const sender = createSender({
    endpoint: ENDPOINT,
    transport: collector.transport,
    queue,
    online: () => connectivity.online,
    random,
    keepaliveBudget,
  });
  const reports: DeliveryReport[] = [];
  sender.reports$.subscribe((r) => reports.push(r));
  return { collector, connectivity, queue, sender, reports };
}
