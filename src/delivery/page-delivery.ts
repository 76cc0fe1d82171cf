// Delivery belongs to the page, not to a player (docs/delivery.md#page-delivery): every tracker of a
// page that sends to one endpoint shares one queue (one IndexedDB connection), one sender, one
// adoption loop and one `online` listener. A tracker attaches, sends, and lets go; the delivery goes
// on until everything queued is answered (or dropped by the rules), then releases its timers,
// listeners and connection.
import { filter, type Observable, Subject, Subscription } from 'rxjs';
import { merge } from '../streams/sources';
import type { DeliveryState } from './delivery-state';
import type { EventQueue } from './queue';
import type { DeliveryReport } from './reports';
import type { FlushOptions, FlushResult, Sender } from './sender';

/** The queue a page delivery drains: the outbox, or a queue of the caller's. */
export interface DeliveryQueue {
  queue: EventQueue;
  /** Sessions other pages left that this page now sends (the outbox's adoption). */
  adopted$?: Observable<unknown>;
  /** Looks for sessions other pages left (on `online`). */
  rescan?(): void;
  /** Reports of the queue's own (caps, storage fallback, adoption). */
  reports$?: Observable<DeliveryReport>;
  /** Lets go of locks, timers and the connection. */
  dispose?(): void;
}

export interface PageDeliveryDeps {
  /** Builds the queue, once, when the first tracker attaches. */
  createQueue: () => DeliveryQueue;
  createSender: (queue: EventQueue) => Sender;
  /** The browser came back online (docs/delivery.md#offline). */
  online$: Observable<unknown>;
  /** Page going hidden / final pagehide, heard here only while no tracker is attached. */
  hidden$: Observable<unknown>;
  finalPagehide$: Observable<unknown>;
  /** The delivery drained with no tracker attached and released everything. */
  closed: () => void;
}

/** One tracker's hold on its page's delivery. */
export interface DeliveryLease {
  send: Sender['send'];
  provisional: Sender['provisional'];
  flush(options?: FlushOptions): Promise<FlushResult>;
  flushFinal(): void;
  /** Reports on this tracker's sessions, and those on no tracker's (adopted sessions, storage). */
  reports$: Observable<DeliveryReport>;
  state$: Observable<DeliveryState>;
  /** The tracker is done: the delivery keeps going alone until it drains. */
  release(): void;
  /**
   * The visitor said `out` (docs/consent.md#what-each-value-does): the page's delivery stops at once for
   * every tracker, sending nothing more and keeping nothing in memory; the caller deletes what is stored.
   */
  stop(): void;
}

export interface PageDelivery {
  /** `owner`: the tracker's instance id, the prefix of its session keys (docs/outbox.md#stored-record-format). */
  attach(owner: string): DeliveryLease;
}

export function createPageDelivery(deps: PageDeliveryDeps): PageDelivery {
  const parts = deps.createQueue();
  const sender = deps.createSender(parts.queue);
  const reports$ = new Subject<DeliveryReport>();
  const owners = new Set<string>();
  const subscription = new Subscription();
  let closed = false;
  let attachedOnce = false;

  const close = () => {
    if (closed) return;
    closed = true;
    subscription.unsubscribe();
    sender.dispose();
    parts.dispose?.();
    reports$.complete();
    deps.closed();
  };
  /** With no tracker left, the delivery ends once nothing waits and no lane runs or waits. */
  const closeIfDrained = () => {
    if (closed || !attachedOnce || owners.size > 0) return;
    if (sender.waiting() === 0 && sender.settled()) close();
  };

  subscription.add(
    (parts.reports$ ? merge(sender.reports$, parts.reports$) : sender.reports$).subscribe((r) =>
      reports$.next(r),
    ),
  );
  if (parts.adopted$) subscription.add(parts.adopted$.subscribe(() => sender.wake()));
  subscription.add(
    deps.online$.subscribe(() => {
      sender.retryNow(); // docs/delivery.md#offline: `online` retries at once
      parts.rescan?.();
    }),
  );
  // Attached trackers run these themselves, after their core has ended its session.
  subscription.add(deps.hidden$.subscribe(() => owners.size === 0 && void sender.flush({ keepalive: true })));
  subscription.add(deps.finalPagehide$.subscribe(() => owners.size === 0 && sender.flushFinal()));
  subscription.add(sender.changed$.subscribe(() => closeIfDrained()));

  const mine = (owner: string) => (report: DeliveryReport) => {
    const session = 'session' in report ? report.session : undefined;
    if (session?.startsWith(`${owner}:`)) return true;
    // Nobody attached owns it (adopted, a released tracker's, or none): every tracker hears it.
    return ![...owners].some((other) => session?.startsWith(`${other}:`));
  };

  return {
    attach(owner) {
      owners.add(owner);
      attachedOnce = true;
      let released = false;
      return {
        send: (items) => sender.send(items),
        provisional: (session, items) => sender.provisional(session, items),
        flush: (options) => sender.flush(options),
        flushFinal: () => sender.flushFinal(),
        reports$: reports$.pipe(filter(mine(owner))),
        state$: sender.state$,
        release() {
          if (released) return;
          released = true;
          owners.delete(owner);
          closeIfDrained();
        },
        stop() {
          released = true;
          owners.clear();
          close();
        },
      };
    },
  };
}

/** One page delivery per endpoint, made on first use and forgotten when it closes. */
export function createDeliveryRegistry(make: (endpoint: string, closed: () => void) => PageDelivery): {
  attach(endpoint: string, owner: string): DeliveryLease;
} {
  const deliveries = new Map<string, PageDelivery>();
  return {
    attach(endpoint, owner) {
      const key = endpoint.replace(/\/+$/, '');
      let delivery = deliveries.get(key);
      if (!delivery) {
        const made = make(key, () => {
          if (deliveries.get(key) === made) deliveries.delete(key);
        });
        delivery = made;
        deliveries.set(key, made);
      }
      return delivery.attach(owner);
    },
  };
}
