// The composition root: page lifecycle, tracking (signals → core) and delivery, assembled and disposed.
import {
  asyncScheduler,
  distinctUntilChanged,
  EMPTY,
  map,
  type Observable,
  type SchedulerLike,
  Subject,
  Subscription,
} from 'rxjs';
import { pageLifecycle } from './adapters/page-lifecycle';
import type { PlayerLike } from './adapters/player';
import { type Consent, consentGate } from './consent/gate';
import type { PlayerSignal } from './core/signals';
import type { DeliveryState } from './delivery/delivery-state';
import type { EventQueue } from './delivery/queue';
import type { DeliveryReport } from './delivery/reports';
import type { FlushResult } from './delivery/sender';
import { type ErrorDetail, REPORT_CODES } from './error-codes';
import { type IdentityReport, identityHold } from './identity/hold';
import { identityPresent } from './identity/present';
import { warnOnce } from './log';
import { createManualApi, type ManualAdApi } from './manual-api';
import type { Outgoing } from './mc/types';
import { consentProblems, type ResolvedOptions } from './options';
import { createIdbStore } from './outbox/idb-store';
import { purgeStore } from './outbox/purge';
import { current, just, switchMap } from './streams/sources';
import { createDelivery, type Delivery } from './wiring/delivery';
import { trackPlayer } from './wiring/tracking';

/** What `player.mediaCollection()` gives back (README.md, The tracker). */
export interface MediaCollectionTracker extends ManualAdApi {
  /**
   * Resolves when every event queued so far has been answered by the collector (or dropped), or 10 s
   * after the call, with how many of them still wait (docs/delivery.md#flush).
   */
  flush(): Promise<FlushResult>;
  /** Every Media Collection event as the core produced it, before it is sent. */
  readonly events$: Observable<Outgoing>;
  /** What was sent and what the collector answered; sessions that started without the visitor's ECID. */
  readonly reports$: Observable<TrackerReport>;
  /**
   * What the page's delivery is doing: now, then each change (docs/delivery.md#delivery-state); `idle`
   * while consent is not `in` (nothing is delivered then).
   */
  readonly delivery$: Observable<DeliveryState>;
  /**
   * docs/consent.md: `'in'` delivers what `'pending'` held; `'out'` discards it, deletes what this
   * origin stored, and stops tracking.
   */
  setConsent(consent: Consent): void;
}

export type TrackerReport = DeliveryReport | IdentityReport;

export interface TrackerDeps {
  fetch?: typeof fetch;
  queue?: EventQueue;
  scheduler?: SchedulerLike;
  now?: () => number;
  instanceId?: string;
}

export interface TrackerHandle extends MediaCollectionTracker {
  dispose(): void;
}

const IDLE: DeliveryState = { state: 'idle', waiting: 0, lastAnswer: undefined };

const randomId = (): string => Math.random().toString(36).slice(2, 10) + Date.now().toString(36);

export function createTracker(
  player: PlayerLike,
  options: ResolvedOptions,
  deps: TrackerDeps = {},
): TrackerHandle {
  const scheduler = deps.scheduler ?? asyncScheduler;
  const now = deps.now ?? (() => scheduler.now());
  const page = pageLifecycle();
  const control$ = new Subject<PlayerSignal>();
  const stop$ = new Subject<void>();
  const events$ = new Subject<Outgoing>();
  const reports$ = new Subject<TrackerReport>();
  const release$ = new Subject<void>();
  // The visitor's consent: the current value on subscription, then every change.
  let consent = options.consent;
  const consentChange$ = new Subject<Consent>();
  const consent$ = current(() => consent, consentChange$);
  // The plugin never throws into the player: a listener's exception is logged, not rethrown.
  const trigger = (type: string, data: unknown): void => {
    try {
      if (!player.isDisposed?.()) player.trigger(type, data);
    } catch (error) {
      warnOnce(`a "${type}" listener threw`, error);
    }
  };
  const report = (detail: ErrorDetail): void => trigger('mediacollection:error', detail);
  const identityReport = (r: IdentityReport): void => {
    reports$.next(r);
    report({ code: r.reason === 'timeout' ? 'MC_IDENTITY_TIMEOUT' : 'MC_IDENTITY_FAILED', ...r });
  };
  const instanceId = deps.instanceId ?? randomId();
  const { instanceId: _id, ...parts } = deps;

  const subscription = new Subscription();
  // -- delivery (docs/delivery.md): a hold on the page's delivery, taken only once consent is `in`
  // (docs/consent.md#what-each-value-does): before that nothing may open IndexedDB or reach the
  // collector, not even sessions other pages left.
  let delivery: (Delivery & { listening: Subscription }) | undefined;
  const deliveryChange$ = new Subject<Delivery | undefined>();
  const deliver = (): Delivery => {
    if (delivery) return delivery;
    const { endpoint, edge } = options;
    const created = createDelivery({ endpoint, owner: instanceId, page, parts, ...(edge ? { edge } : {}) });
    const listening = created.reports$.subscribe((r) => {
      reports$.next(r);
      if (r.type === 'sessionGone') control$.next({ type: 'sessionGone', session: r.session });
      const code = REPORT_CODES[r.type];
      if (code) report({ code, ...r });
    });
    // Subscribed after tracking, so the core has already ended the session when a final pagehide
    // reaches delivery.
    listening.add(created.watchPage());
    subscription.add(listening);
    delivery = { ...created, listening };
    deliveryChange$.next(delivery);
    return delivery;
  };

  // docs/consent.md#what-each-value-does: nothing more leaves or stays; what this origin stored is deleted.
  const optOut = () => {
    // Not a dispose: a released delivery goes on sending what it holds; `out` stops it for the page.
    delivery?.listening.unsubscribe();
    delivery?.stop();
    delivery = undefined;
    deliveryChange$.next(undefined);
    const store = deps.queue ? undefined : createIdbStore();
    if (store) {
      purgeStore(store)
        .catch((error: unknown) => {
          const failed = { type: 'queueError', session: undefined, message: String(error) } as const;
          reports$.next(failed);
          report({ code: 'MC_QUEUE_ERROR', ...failed });
        })
        .finally(() => store.close?.());
    }
    return EMPTY;
  };

  const track = () =>
    trackPlayer({
      ...{ player, options, page, instanceId, scheduler, now, control$, stop$, report },
      // Only where it can be kept: consent `in` made the delivery (docs/consent.md#what-each-value-does).
      preview: (out) => delivery?.provisional(out),
    });
  subscription.add(
    consent$
      .pipe(
        // `out` stops tracking (its state goes too); a later `in` or `pending` tracks anew.
        map((c) => c === 'out'),
        distinctUntilChanged(),
        switchMap((out) => (out ? optOut() : track())),
        identityHold({
          // The lookup is a chunk of its own, loaded only where there is someone to ask.
          lookUp: (orgId) =>
            identityPresent(options.identity)
              ? import('./identity/resolve').then(({ lookUpIdentity }) =>
                  lookUpIdentity(options.identity, orgId),
                )
              : undefined,
          timeoutMs: options.identityTimeoutMs,
          scheduler,
          release$,
          report: identityReport,
        }),
        map((out) => {
          for (const item of out) {
            events$.next(item);
            trigger('mediacollection:event', item);
          }
          return out;
        }),
        consentGate(consent$),
      )
      .subscribe((out) => deliver().send(out)),
  );
  // The sessionEnd a final pagehide produced must not wait for the ECID: the page is going.
  subscription.add(page.pagehide$.subscribe(({ persisted }) => persisted || release$.next()));
  if (consent === 'in') deliver(); // picks up at once what earlier pages left

  let disposed = false;
  return {
    ...createManualApi((signal) => {
      if (!disposed) control$.next(signal);
    }),
    events$: events$.asObservable(),
    reports$: reports$.asObservable(),
    delivery$: current(() => delivery, deliveryChange$).pipe(switchMap((d) => d?.state$ ?? just(() => IDLE))),
    flush: () => delivery?.flush() ?? Promise.resolve({ waiting: 0 }),
    setConsent(next) {
      const [problem] = consentProblems(next ?? null);
      if (problem) throw new TypeError(`videojs-media-collection: setConsent: ${problem}`);
      if (disposed) return;
      consent = next;
      consentChange$.next(next);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      control$.next({ type: 'dispose' });
      stop$.next();
      release$.next();
      // The sessionEnd just produced goes to the page's delivery, which keeps sending it after this
      // tracker lets go (docs/delivery.md#page-delivery); its reports are heard here for up to 10 s.
      const ending = delivery;
      void (ending?.flush() ?? Promise.resolve()).finally(() => {
        subscription.unsubscribe();
        ending?.dispose();
        events$.complete();
        reports$.complete();
      });
    },
  };
}
