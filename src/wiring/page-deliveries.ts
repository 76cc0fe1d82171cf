// The page's deliveries, one per endpoint (docs/delivery.md#page-delivery), composed of the real
// parts: the IndexedDB outbox, the fetch transport, the page's connectivity and lifecycle. A tracker
// given parts of its own (tests) gets a delivery of its own instead.
import { asyncScheduler, filter, type Observable, type SchedulerLike, Subject } from 'rxjs';
import { createFetchTransport } from '../adapters/fetch-transport';
import {
  createDeliveryRegistry,
  createPageDelivery,
  type DeliveryLease,
  type DeliveryQueue,
  type PageDelivery,
} from '../delivery/page-delivery';
import type { EventQueue } from '../delivery/queue';
import type { DeliveryReport } from '../delivery/reports';
import { createSender } from '../delivery/sender';
import { createPageOutbox } from '../outbox/page-outbox';

export interface PageSignals {
  online$: Observable<unknown>;
  hidden$: Observable<unknown>;
  pagehide$: Observable<{ persisted: boolean }>;
  isOnline(): boolean;
}

export interface DeliveryParts {
  fetch?: typeof fetch;
  queue?: EventQueue;
  scheduler?: SchedulerLike;
  now?: () => number;
}

/** With the Media Edge API: the datastream (the endpoint is then the Edge origin). */
export interface EdgeTarget {
  datastreamId: string;
}

/** `key`: the endpoint, or with the Edge `{origin} {datastreamId}` (one delivery per endpoint and API). */
function makeDelivery(
  key: string,
  page: PageSignals,
  parts: DeliveryParts,
  closed: () => void,
): PageDelivery {
  const [endpoint = '', datastreamId] = key.split(' ');
  const scheduler = parts.scheduler ?? asyncScheduler;
  const createQueue = (): DeliveryQueue => {
    if (parts.queue) return { queue: parts.queue };
    const reports$ = new Subject<DeliveryReport>();
    const outbox = createPageOutbox({ scheduler, report: (r) => reports$.next(r) });
    return {
      queue: outbox,
      adopted$: outbox.adopted$,
      rescan: () => outbox.rescan(),
      reports$,
      dispose: () => {
        outbox.dispose();
        reports$.complete();
      },
    };
  };
  return createPageDelivery({
    createQueue,
    createSender: (queue) =>
      createSender({
        endpoint,
        transport: createFetchTransport(parts.fetch ? { fetch: parts.fetch } : {}),
        // docs/delivery.md#the-protocol-seam: the Edge's protocol is a chunk of its own.
        protocol:
          datastreamId === undefined
            ? undefined
            : import('../edge/edge-protocol').then((m) => m.edgeProtocol({ datastreamId, ...parts })),
        queue,
        scheduler,
        ...(parts.now ? { now: parts.now } : {}),
        online: page.isOnline,
      }),
    online$: page.online$,
    hidden$: page.hidden$,
    finalPagehide$: page.pagehide$.pipe(filter(({ persisted }) => !persisted)),
    closed,
  });
}

let shared: { attach(key: string, owner: string): DeliveryLease } | undefined;

/**
 * Attaches a tracker (`owner`: its instance id) to its page's delivery for `endpoint`; with parts of
 * its own it gets a delivery nobody shares.
 */
export function attachDelivery(
  endpoint: string,
  owner: string,
  page: PageSignals,
  parts: DeliveryParts = {},
  edge?: EdgeTarget,
): DeliveryLease {
  const key = endpoint.replace(/\/+$/, '') + (edge ? ` ${edge.datastreamId}` : '');
  const own = Object.values(parts).some((part) => part !== undefined);
  if (own) return makeDelivery(key, page, parts, () => undefined).attach(owner);
  shared ??= createDeliveryRegistry((k, closed) => makeDelivery(k, page, {}, closed));
  return shared.attach(key, owner);
}
