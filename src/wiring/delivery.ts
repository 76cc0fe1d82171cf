// Delivery as the tracker uses it: the outbox (IndexedDB, docs/outbox.md) behind the sender's queue
// seam, the fetch transport, and the page events that move it (online, adoption, hidden, final pagehide).
import { merge, type Observable, type SchedulerLike, Subject, Subscription } from 'rxjs';
import { createFetchTransport } from '../adapters/fetch-transport';
import type { PageLifecycle } from '../adapters/page-lifecycle';
import type { EventQueue } from '../delivery/queue';
import type { DeliveryReport } from '../delivery/reports';
import { createSender, type Sender } from '../delivery/sender';
import { createPageOutbox } from '../outbox/page-outbox';

export interface DeliveryDeps {
  endpoint: string;
  page: PageLifecycle;
  scheduler: SchedulerLike;
  now: () => number;
  fetch?: typeof fetch;
  /** A queue of the caller's (tests); the page's IndexedDB outbox otherwise. */
  queue?: EventQueue;
}

export interface Delivery {
  sender: Sender;
  /** What the sender and the outbox did. Hot: subscribe before sending. */
  reports$: Observable<DeliveryReport>;
  /**
   * Starts listening to the page: `online` retries at once, adopted sessions wake the sender, hidden
   * flushes with keepalive, a final pagehide ships what fits. Subscribe it after tracking, so the core
   * has produced its sessionEnd by the time a pagehide reaches it.
   */
  watchPage(): Subscription;
  /** Lets go of timers, listeners and the outbox's sessions (another page may deliver what is left). */
  dispose(): void;
}

export function createDelivery(deps: DeliveryDeps): Delivery {
  const { page, scheduler } = deps;
  const outboxReports$ = new Subject<DeliveryReport>();
  const outbox = deps.queue
    ? undefined
    : createPageOutbox({ scheduler, report: (r) => outboxReports$.next(r) });
  const sender = createSender({
    endpoint: deps.endpoint,
    transport: createFetchTransport(deps.fetch ? { fetch: deps.fetch } : {}),
    queue: deps.queue ?? outbox!,
    scheduler,
    now: deps.now,
    online: page.isOnline,
  });
  return {
    sender,
    reports$: merge(sender.reports$, outboxReports$),
    watchPage() {
      const subscription = new Subscription();
      if (outbox) subscription.add(outbox.adopted$.subscribe(() => sender.wake()));
      subscription.add(
        page.online$.subscribe(() => {
          sender.retryNow(); // docs/delivery.md#offline: `online` retries at once
          outbox?.rescan();
        }),
      );
      // docs/delivery.md#page-hide-and-keepalive: hidden may be the last moment we get; keepalive lets
      // requests outlive the page.
      subscription.add(page.hidden$.subscribe(() => void sender.flush({ keepalive: true })));
      subscription.add(
        page.pagehide$.subscribe(({ persisted }) => {
          if (!persisted) sender.flushFinal();
        }),
      );
      return subscription;
    },
    dispose() {
      sender.dispose();
      outbox?.dispose();
      outboxReports$.complete();
    },
  };
}
