// Page module for the outbox bench (item 5): enqueue cost and drain time of the delivery path, written
// against the EventQueue seam. `kind` picks the queue: the IndexedDB outbox the plugin uses (composed as
// src/outbox/page-outbox.ts does, but on a database of its own per run, so no run adopts what another
// left), or the memory queue as the reference without storage.
import { asyncScheduler } from 'rxjs';
import { COLLECTOR, demoParams } from '../../../demo/demo-options';
import { createFetchTransport } from '../../../src/adapters/fetch-transport';
import { createMemoryQueue, type EventQueue } from '../../../src/delivery/queue';
import type { DeliveryReport } from '../../../src/delivery/reports';
import { createSender } from '../../../src/delivery/sender';
import { eventsPath, type McEvent, type Outgoing, SESSIONS_PATH } from '../../../src/mc/types';

export type QueueKind = 'outbox' | 'memory';

interface BenchQueue {
  queue: EventQueue;
  label: string;
  close(): Promise<void>;
}

let runs = 0;

async function openQueue(kind: QueueKind): Promise<BenchQueue> {
  if (kind === 'memory') return { queue: createMemoryQueue(), label: 'memory queue', close: async () => {} };
  const [{ createOutbox }, { createIdbStore }, { createMemoryLocks, webLocks }] = await Promise.all([
    import('../../../src/outbox/outbox'),
    import('../../../src/outbox/idb-store'),
    import('../../../src/outbox/locks'),
  ]);
  const dbName = `bench-outbox-${Date.now()}-${runs++}`;
  const outbox = createOutbox({
    store: createIdbStore(dbName),
    locks: webLocks() ?? createMemoryLocks(),
    scheduler: asyncScheduler,
    report: () => {},
  });
  return {
    queue: outbox,
    label: 'IndexedDB outbox',
    async close() {
      outbox.dispose();
      await new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(dbName);
        request.onsuccess = request.onerror = request.onblocked = resolve;
      });
    },
  };
}

const T0 = Date.now() - 3_600_000;

/** A well-formed session as the tracker would queue it: sessionStart, play, then pings 10 s apart. */
export function syntheticSession(session: string, count: number): Outgoing[] {
  const events: McEvent[] = [
    {
      eventType: 'sessionStart',
      playerTime: { playhead: 0, ts: T0 },
      params: { ...demoParams('bench.webm'), 'media.length': 86_400 },
    },
    { eventType: 'play', playerTime: { playhead: 0, ts: T0 + 200 } },
  ];
  for (let i = 1; events.length < count; i++) {
    events.push({ eventType: 'ping', playerTime: { playhead: i * 10, ts: T0 + 200 + i * 10_000 } });
  }
  return events.slice(0, count).map((event) => ({ session, event }));
}

/** ms per append of one event, each awaited before the next (the sender appends a signal's output so). */
export async function enqueueCost(kind: QueueKind, count: number): Promise<{ label: string; ms: number[] }> {
  const { queue, label, close } = await openQueue(kind);
  const ms: number[] = [];
  for (const item of syntheticSession('enqueue', count)) {
    const started = performance.now();
    await queue.append([item]);
    ms.push(performance.now() - started);
  }
  await close();
  return { label, ms };
}

export interface DrainResult {
  label: string;
  ms: number;
  delivered: number;
  downloaded: number;
  requests: number;
  reports: Record<string, number>;
}

/**
 * Queues `count` events as a previous page would have left them, then starts a sender (which picks up
 * what is queued at once) and times it until the queue is empty. With `sid`, the session is taken as
 * already created on the collector (its sessionStart delivered): that is the expired-session case.
 */
export async function drain(kind: QueueKind, count: number, sid?: string): Promise<DrainResult> {
  const { queue, label, close } = await openQueue(kind);
  const session = `drain-${count}-${sid ?? 'new'}`;
  const stored = await queue.append(syntheticSession(session, count));
  if (sid !== undefined) {
    await queue.updateSession(session, { sid, lastSentAt: Date.now() });
    await queue.remove([stored[0]!.id]);
  }
  let requests = 0;
  const transport = createFetchTransport();
  const counted: typeof transport = (request) => {
    requests += 1;
    return transport(request);
  };
  const reports: Record<string, number> = {};
  let delivered = 0;
  let downloaded = 0;
  const started = performance.now();
  const sender = createSender({ endpoint: COLLECTOR, transport: counted, queue });
  const subscription = sender.reports$.subscribe((report: DeliveryReport) => {
    reports[report.type] = (reports[report.type] ?? 0) + 1;
    if (report.type === 'delivered') delivered += 1;
    if (report.type === 'downloaded') downloaded += report.count;
  });
  await sender.flush({ timeoutMs: 300_000 });
  const ms = performance.now() - started;
  subscription.unsubscribe();
  sender.dispose();
  await close();
  return { label, ms, delivered, downloaded, requests, reports };
}

/** Creates a session on the collector directly; returns its sid (for the floor and the expired case). */
export async function createSession(): Promise<string> {
  const [start] = syntheticSession('direct', 1);
  const response = await post(SESSIONS_PATH, start!.event);
  const location = response.headers.get('Location') ?? '';
  return decodeURIComponent(location.split('/').filter(Boolean).at(-1) ?? '');
}

/** The floor: the same POST the sender makes, `count` times one after another, in ms each. */
export async function roundTrips(sid: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 1; i <= count; i++) {
    const event: McEvent = { eventType: 'ping', playerTime: { playhead: i * 10, ts: T0 + 200 + i * 10_000 } };
    const started = performance.now();
    const response = await post(eventsPath(sid), event);
    times.push(performance.now() - started);
    if (!response.ok) throw new Error(`round trip ${i}: ${response.status}`);
  }
  return times;
}

const post = (path: string, event: McEvent) =>
  fetch(COLLECTOR + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(event),
    credentials: 'omit',
  });
