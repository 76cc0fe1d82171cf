import { asyncScheduler, Observable, type SchedulerLike, Subject } from 'rxjs';
import type { Outgoing } from '../mc/types';
import type { DeliveryContext } from './context';
import { type DeliveryState, deliveryState, type LastAnswer } from './delivery-state';
import { messageOf } from './exchange';
import { sendFinal, wouldShip } from './final-flush';
import { whenRemoved } from './flush-watch';
import { createKeepaliveBudget, KEEPALIVE_BUDGET_BYTES } from './keepalive-budget';
import { createLanes } from './lanes';
import { mcProtocol, type Protocol } from './protocol';
import { appendNow, type EventQueue } from './queue';
import type { DeliveryReport } from './reports';
import type { Transport } from './transport';

export interface SenderDeps {
  endpoint: string;
  transport: Transport;
  /** The API's protocol, or its chunk loading (docs/delivery.md#the-protocol-seam). Default: the Media Collection API. */
  protocol?: Protocol | Promise<Protocol> | undefined;
  queue: EventQueue;
  /** Every wait (backoff, flush timeout) goes through it, so tests run on fake time. */
  scheduler?: SchedulerLike;
  /** Wall-clock ms, for `lastSentAt` and HTTP-date `Retry-After`. Default: the scheduler's clock. */
  now?: () => number;
  random?: () => number;
  /** `navigator.onLine`: false pauses new requests (probes still go out with the backoff). */
  online?: () => boolean;
  /** Body bytes our keepalive requests may have in flight together (Fetch spec: 64 KiB, shared). */
  keepaliveBudget?: number;
}

export interface FlushOptions {
  /** Send the remaining requests with keepalive and cut backoff waits short (page going hidden). */
  keepalive?: boolean;
  /** Resolve anyway after this long. Default 10 000 ms. */
  timeoutMs?: number;
}

/** What a flush saw: how many of the events queued when it was called are still waiting. */
export interface FlushResult {
  waiting: number;
}

export interface Sender {
  /** Queues the items in order (write-ahead) and sends them; never throws. */
  send(items: readonly Outgoing[]): void;
  /**
   * The session's provisional close (docs/outbox.md#the-provisional-close): kept only while the
   * session could not ship at a final page hide; otherwise, and for `[]`, taken back.
   */
  provisional(session: string, items: readonly Outgoing[]): void;
  /** Resolves when everything queued at call time is delivered or dropped, or at the timeout. */
  flush(options?: FlushOptions): Promise<FlushResult>;
  /** Final page hide: keepalive-sends what fits the budget for sessions with a sid; no waiting. */
  flushFinal(): void;
  /** Drains every session the queue holds now (the outbox adopted one another page left). */
  wake(): void;
  /** Back online (docs/delivery.md#offline): cuts every backoff wait short and tries again at once. */
  retryNow(): void;
  /** Hot: subscribe before sending. Completes on dispose. */
  reports$: Observable<DeliveryReport>;
  /** What delivery is doing now, then every change (docs/delivery.md#delivery-state). Completes on dispose. */
  state$: Observable<DeliveryState>;
  /** Ticks after lanes or the queue changed, once per burst. Completes on dispose. */
  changed$: Observable<void>;
  /** Events queued (stored or being stored), every session together. */
  waiting(): number;
  /** True while no lane runs or waits: nothing more happens unless something is sent or woken. */
  settled(): boolean;
  /** Cancels waits; no request starts afterwards. Answers already on their way are still applied. */
  dispose(): void;
}

export const FLUSH_TIMEOUT_MS = 10_000;

/** Delivers tracker output to the collector (docs/delivery.md): through the queue, one lane per session. */
export function createSender(deps: SenderDeps): Sender {
  const { transport, queue, scheduler = asyncScheduler, random = Math.random } = deps;
  const reports = new Subject<DeliveryReport>();
  const removed = new Subject<readonly number[]>();
  const changes = new Subject<void>();
  let keepaliveFlushes = 0;
  let lastAnswer: LastAnswer | undefined;
  let disposed = false;
  // Queue work in call order: appends stay ordered, and flushes see every item sent before them.
  let chain: Promise<void> = Promise.resolve();

  const ctx: DeliveryContext = {
    endpoint: deps.endpoint.replace(/\/+$/, ''),
    transport,
    protocol: deps.protocol ?? mcProtocol,
    queue,
    now: deps.now ?? (() => scheduler.now()),
    random,
    online: deps.online ?? (() => true),
    budget: createKeepaliveBudget(deps.keepaliveBudget ?? KEEPALIVE_BUDGET_BYTES),
    keepaliveWanted: () => keepaliveFlushes > 0,
    report: (report) => {
      reports.next(report);
      changes.next();
    },
    remove: async (ids) => {
      if (ids.length === 0) return;
      await queue.remove(ids);
      removed.next(ids);
      changes.next();
    },
  };
  // Once loaded, the protocol is at hand synchronously (a final page hide needs it so). A chunk that
  // fails to load fails each step that awaits it: reported, tried again with the backoff.
  Promise.resolve(ctx.protocol).then(
    (loaded) => {
      ctx.protocol = loaded;
    },
    () => undefined,
  );
  const lanes = createLanes({
    ctx,
    scheduler,
    changed: (input) => {
      if (input.type === 'answered') lastAnswer = { status: input.status, at: ctx.now() };
      changes.next();
    },
  });
  const waiting = () => queue.peekAll().reduce((n, { items }) => n + items.length, 0);
  const current = () => deliveryState(lanes.states(), waiting(), ctx.online(), lastAnswer);
  // Once per burst of changes (a microtask later), and only while someone listens.
  const changed$ = new Observable<void>((subscriber) => {
    let due = false;
    return changes.subscribe({
      next: () => {
        if (due) return;
        due = true;
        queueMicrotask(() => {
          due = false;
          if (!subscriber.closed) subscriber.next();
        });
      },
      complete: () => subscriber.complete(),
    });
  });
  // Each distinct state once (no rxjs operator needed here: docs/benchmarks.md counts every byte).
  const state$ = new Observable<DeliveryState>((subscriber) => {
    let last = '';
    const emit = () => {
      const state = current();
      const key = JSON.stringify(state);
      if (key === last) return;
      last = key;
      subscriber.next(state);
    };
    emit();
    return changed$.subscribe({ next: emit, complete: () => subscriber.complete() });
  });

  const enqueue = (session: string | undefined, work: () => Promise<void>) => {
    chain = chain.then(work).catch((error: unknown) => {
      ctx.report({ type: 'queueError', session, message: messageOf(error) });
    });
  };

  // Sessions an earlier page left in the queue (the outbox) are picked up at once.
  enqueue(undefined, () => lanes.applyAll({ type: 'drain' }));

  const flush = ({ keepalive = false, timeoutMs = FLUSH_TIMEOUT_MS }: FlushOptions = {}) => {
    if (disposed) return Promise.resolve({ waiting: waiting() });
    if (keepalive) keepaliveFlushes += 1;
    const sentBefore = chain; // "queued at call time": not what later sends add
    const snapshot = async () => {
      await sentBefore;
      const metas = await queue.sessions();
      const queued = await Promise.all(metas.map(({ session }) => queue.pending(session)));
      enqueue(undefined, () => lanes.applyAll({ type: keepalive ? 'online' : 'drain' }));
      return queued.flat().map((item) => item.id);
    };
    return whenRemoved({ removed$: removed, snapshot, scheduler, timeoutMs })
      .then((left) => ({ waiting: left ?? waiting() }))
      .finally(() => {
        if (keepalive) keepaliveFlushes -= 1;
      });
  };

  return {
    send(items) {
      if (disposed || items.length === 0) return;
      const batch = [...items];
      // Appended now, not behind earlier work: an event produced during pagehide must be on its way
      // to storage, and in the queue flushFinal reads, before the page goes (calls stay in order).
      const stored = appendNow(queue, batch);
      enqueue(batch[0]!.session, async () => {
        await stored; // write-ahead: stored before any request for it starts
        // A session's own tracker produced these: it is being played (docs/delivery.md#fast-recovery).
        const at = ctx.now();
        for (const session of new Set(batch.map((item) => item.session))) {
          lanes.apply(session, { type: 'newEvent', at });
        }
      });
    },

    provisional(session, items) {
      const meta = queue.peekAll().find((queued) => queued.meta.session === session)?.meta;
      if (disposed || !meta) return;
      const keep = items.length > 0 && !wouldShip(ctx, lanes.laneOf(session), meta);
      queue.setProvisional?.(session, keep ? items : []);
    },

    flush,

    flushFinal() {
      if (disposed) return;
      // Now, not behind the queue's other work: the page is going (see sendFinal).
      sendFinal(ctx, lanes.laneOf);
    },

    wake() {
      if (!disposed) enqueue(undefined, () => lanes.applyAll({ type: 'drain' }));
    },

    retryNow() {
      if (!disposed) enqueue(undefined, () => lanes.applyAll({ type: 'online' }));
    },

    reports$: reports.asObservable(),
    state$,
    changed$,
    waiting,
    settled: () => lanes.states().every((lane) => lane.phase === 'idle'),

    dispose() {
      if (disposed) return;
      disposed = true;
      lanes.dispose();
      reports.complete();
      removed.complete();
      changes.complete();
    },
  };
}
