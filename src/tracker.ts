// The composition root: page lifecycle, tracking (signals → core) and delivery, assembled and disposed.
import { asyncScheduler, type Observable, type SchedulerLike, Subject, Subscription } from 'rxjs';
import { pageLifecycle } from './adapters/page-lifecycle';
import type { PlayerLike } from './adapters/player';
import type { PlayerSignal } from './core/signals';
import type { DeliveryState } from './delivery/delivery-state';
import type { EventQueue } from './delivery/queue';
import type { DeliveryReport } from './delivery/reports';
import type { FlushResult } from './delivery/sender';
import { type ErrorDetail, REPORT_CODES } from './error-codes';
import { warnOnce } from './log';
import { createManualApi, type ManualAdApi } from './manual-api';
import type { Outgoing } from './mc/types';
import type { ResolvedOptions } from './options';
import { createDelivery } from './wiring/delivery';
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
  /** What was sent and what the collector answered. */
  readonly reports$: Observable<DeliveryReport>;
  /** What the page's delivery is doing: now, then each change (docs/delivery.md#delivery-state). */
  readonly delivery$: Observable<DeliveryState>;
}

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
  const reports$ = new Subject<DeliveryReport>();
  // The plugin never throws into the player: a listener's exception is logged, not rethrown.
  const trigger = (type: string, data: unknown): void => {
    try {
      if (!player.isDisposed?.()) player.trigger(type, data);
    } catch (error) {
      warnOnce(`a "${type}" listener threw`, error);
    }
  };
  const report = (detail: ErrorDetail): void => trigger('mediacollection:error', detail);
  const instanceId = deps.instanceId ?? randomId();
  const { instanceId: _id, ...parts } = deps;
  const delivery = createDelivery({ endpoint: options.endpoint, owner: instanceId, page, parts });

  const subscription = new Subscription();
  subscription.add(
    delivery.reports$.subscribe((r) => {
      reports$.next(r);
      if (r.type === 'sessionGone') control$.next({ type: 'sessionGone', session: r.session });
      const code = REPORT_CODES[r.type];
      if (code) report({ code, ...r });
    }),
  );
  subscription.add(
    trackPlayer({
      player,
      options,
      page,
      instanceId,
      scheduler,
      now,
      control$,
      stop$,
      report,
    }).subscribe((out) => {
      delivery.send(out);
      for (const item of out) {
        events$.next(item);
        trigger('mediacollection:event', item);
      }
    }),
  );
  // After tracking, so the core has already ended the session when a final pagehide reaches delivery.
  subscription.add(delivery.watchPage());

  let disposed = false;
  return {
    ...createManualApi((signal) => {
      if (!disposed) control$.next(signal);
    }),
    events$: events$.asObservable(),
    reports$: reports$.asObservable(),
    delivery$: delivery.state$,
    flush: () => delivery.flush(),
    dispose() {
      if (disposed) return;
      disposed = true;
      control$.next({ type: 'dispose' });
      stop$.next();
      // The sessionEnd just produced goes to the page's delivery, which keeps sending it after this
      // tracker lets go (docs/delivery.md#page-delivery); its reports are heard here for up to 10 s.
      void delivery.flush().finally(() => {
        subscription.unsubscribe();
        delivery.dispose();
        events$.complete();
        reports$.complete();
      });
    },
  };
}
