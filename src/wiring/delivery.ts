// Delivery as the tracker uses it (docs/delivery.md#page-delivery): a hold on the page's delivery for
// its endpoint — shared with every other tracker of the page — and the page events the tracker runs
// itself, after its core has ended its session (hidden, final pagehide).
import { type Observable, Subscription } from 'rxjs';
import type { PageLifecycle } from '../adapters/page-lifecycle';
import type { DeliveryState } from '../delivery/delivery-state';
import type { DeliveryReport } from '../delivery/reports';
import type { FlushOptions, FlushResult } from '../delivery/sender';
import type { Outgoing } from '../mc/types';
import { attachDelivery, type DeliveryParts, type EdgeTarget } from './page-deliveries';

export interface DeliveryDeps {
  endpoint: string;
  /** The tracker's instance id: the prefix of its session keys. */
  owner: string;
  page: PageLifecycle;
  /** Parts of the caller's own (tests): then the delivery is not shared. */
  parts: DeliveryParts;
  /** Deliver through the Media Edge API to this datastream (`endpoint` is the Edge origin). */
  edge?: EdgeTarget;
}

export interface Delivery {
  send(out: readonly Outgoing[]): void;
  /**
   * What a final pagehide would produce now, kept for the next page in case this one dies without
   * running it; `[]` takes it back (docs/outbox.md#the-provisional-close).
   */
  provisional(out: readonly Outgoing[]): void;
  flush(options?: FlushOptions): Promise<FlushResult>;
  /** What the sender and the outbox did for this tracker's sessions (and for no tracker's). Hot. */
  reports$: Observable<DeliveryReport>;
  /** What the page's delivery is doing (docs/delivery.md#delivery-state). */
  state$: Observable<DeliveryState>;
  /**
   * Starts listening to the page: hidden flushes with keepalive, a final pagehide ships what fits.
   * Subscribe it after tracking, so the core has produced its sessionEnd by the time a pagehide reaches it.
   */
  watchPage(): Subscription;
  /** Lets go of the page's delivery, which goes on alone until nothing waits. */
  dispose(): void;
  /** Stops the page's delivery at once, for every tracker: the visitor's `out` (docs/consent.md). */
  stop(): void;
}

export function createDelivery({ endpoint, owner, page, parts, edge }: DeliveryDeps): Delivery {
  const lease = attachDelivery(endpoint, owner, page, parts, edge);
  let provisional = new Set<string>();
  return {
    send: lease.send,
    provisional(out) {
      const sessions = new Set(out.map((item) => item.session));
      for (const session of provisional) if (!sessions.has(session)) lease.provisional(session, []);
      for (const session of sessions) {
        lease.provisional(
          session,
          out.filter((item) => item.session === session),
        );
      }
      provisional = sessions;
    },
    flush: lease.flush,
    reports$: lease.reports$,
    state$: lease.state$,
    watchPage() {
      const subscription = new Subscription();
      // docs/delivery.md#page-hide-and-keepalive: hidden may be the last moment we get; keepalive lets
      // requests outlive the page.
      subscription.add(page.hidden$.subscribe(() => void lease.flush({ keepalive: true })));
      subscription.add(
        // A page going into the back/forward cache may come back: its sessionEnd leaves with keepalive,
        // and the delivery stays usable (docs/browsers.md#the-backforward-cache).
        page.pagehide$.subscribe(({ persisted }) =>
          persisted ? void lease.flush({ keepalive: true }) : lease.flushFinal(),
        ),
      );
      return subscription;
    },
    dispose: lease.release,
    stop: lease.stop,
  };
}
