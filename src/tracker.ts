import {
  asyncScheduler,
  fromEvent,
  merge,
  type Observable,
  type SchedulerLike,
  Subject,
  Subscription,
  takeUntil,
} from 'rxjs';
import { enableChapters } from './adapters/chapters-track';
import { contribAds } from './adapters/contrib-ads';
import { createFetchTransport } from './adapters/fetch-transport';
import { imaAds } from './adapters/ima';
import type { PlayerLike } from './adapters/player';
import { playerSignals } from './adapters/player-signals';
import { readSnapshot } from './adapters/snapshot';
import { CORE_DEFAULTS, type CoreConfig } from './core/config';
import type { PlayerSignal, Snapshot } from './core/signals';
import { pageConnectivity } from './delivery/connectivity';
import type { EventQueue } from './delivery/queue';
import type { DeliveryReport } from './delivery/reports';
import { createSender } from './delivery/sender';
import { warnOnce } from './log';
import { createManualApi, type ManualAdApi } from './manual-api';
import type { Outgoing } from './mc/types';
import { type ResolvedOptions, sessionParamsProblems } from './options';
import { createPageOutbox } from './outbox/page-outbox';
import { tracking } from './streams/tracking';

/** What `player.mediaCollection()` gives back (README.md, The tracker). */
export interface MediaCollectionTracker extends ManualAdApi {
  /** Resolves when every event produced so far has been answered by the collector (or dropped). */
  flush(): Promise<void>;
  /** Every Media Collection event as the core produced it, before it is sent. */
  readonly events$: Observable<Outgoing>;
  /** What was sent and what the collector answered. */
  readonly reports$: Observable<DeliveryReport>;
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

const BLANK: Snapshot = {
  playhead: 0,
  duration: Number.NaN,
  paused: true,
  seeking: false,
  ended: false,
  src: '',
  muted: false,
  fullscreen: false,
  pictureInPicture: false,
  captions: false,
  inFocus: true,
};

/** Delivery outcomes a site should hear about, as `mediacollection:error` codes. */
const ERROR_CODES: Partial<Record<DeliveryReport['type'], string>> = {
  dropped: 'MC_EVENT_DROPPED',
  sessionRejected: 'MC_SESSION_REJECTED',
  downloadRejected: 'MC_DOWNLOAD_REJECTED',
  queueError: 'MC_QUEUE_ERROR',
  outboxDropped: 'MC_OUTBOX_DROPPED',
  storageFallback: 'MC_STORAGE_FALLBACK',
};

const randomId = (): string => Math.random().toString(36).slice(2, 10) + Date.now().toString(36);

/** The composition root: player signals → core → sender, and the page hooks around them. */
export function createTracker(
  player: PlayerLike,
  options: ResolvedOptions,
  deps: TrackerDeps = {},
): TrackerHandle {
  const scheduler = deps.scheduler ?? asyncScheduler;
  const now = deps.now ?? (() => scheduler.now());
  const control$ = new Subject<PlayerSignal>();
  const stop$ = new Subject<void>();
  const events$ = new Subject<Outgoing>();
  const reports$ = new Subject<DeliveryReport>();
  // -- outbox (docs/outbox.md): IndexedDB behind the queue seam; adopted sessions and `online` wake the
  // sender.
  const outboxReports$ = new Subject<DeliveryReport>();
  const outbox = deps.queue
    ? undefined
    : createPageOutbox({ scheduler, report: (r) => outboxReports$.next(r) });
  const connectivity = pageConnectivity();
  const sender = createSender({
    endpoint: options.endpoint,
    transport: createFetchTransport(deps.fetch ? { fetch: deps.fetch } : {}),
    queue: deps.queue ?? outbox!,
    scheduler,
    now,
    online: connectivity.isOnline,
  });
  // -- end outbox
  const trigger = (type: string, data: unknown): void => {
    try {
      if (!player.isDisposed?.()) player.trigger(type, data);
    } catch (error) {
      warnOnce(`a "${type}" listener threw`, error);
    }
  };

  let last = BLANK;
  const snapshot = (): Snapshot => {
    try {
      if (!player.isDisposed?.()) {
        // A chapters track may be added at any time; its cues load only once it is not disabled.
        enableChapters(player);
        last = readSnapshot(player);
      }
    } catch {
      // A player being disposed can lose its tech mid-read: the last reading is the truth then.
    }
    return last;
  };

  const config: CoreConfig = {
    ...CORE_DEFAULTS,
    instanceId: deps.instanceId ?? randomId(),
    sessionParams: (src) => {
      const params = options.params(src);
      const problems = sessionParamsProblems(params);
      if (problems.length > 0) trigger('mediacollection:error', { code: 'MC_INVALID_PARAMS', problems });
      return params;
    },
    ...(options.customMetadata ? { customMetadata: options.customMetadata } : {}),
    mainPingMs: options.mainPingMs,
    adPingMs: options.adPingMs,
  };

  // Ad stacks: IMA describes its ads best; contrib-ads then only bookends the breaks.
  const ima = imaAds(player);
  const contrib = contribAds(player, now, ima.active);

  const subscription = new Subscription();
  if (outbox) subscription.add(outbox.adopted$.subscribe(() => sender.wake()));
  subscription.add(
    connectivity.online$.subscribe(() => {
      sender.retryNow(); // docs/delivery.md#offline: `online` retries at once
      outbox?.rescan();
    }),
  );
  subscription.add(
    merge(sender.reports$, outboxReports$).subscribe((report) => {
      reports$.next(report);
      if (report.type === 'sessionGone') control$.next({ type: 'sessionGone', session: report.session });
      const code = ERROR_CODES[report.type];
      if (code) trigger('mediacollection:error', { code, ...report });
    }),
  );
  subscription.add(
    tracking({
      config,
      signal$: merge(
        merge(playerSignals(player).pipe(contrib.guard), contrib.signal$, ima.signal$).pipe(takeUntil(stop$)),
        control$,
      ),
      snapshot,
      now,
      scheduler,
      onError: (error) => {
        warnOnce('tracking skipped a player event after an internal error; please report it', error);
        trigger('mediacollection:error', { code: 'MC_INTERNAL', error });
      },
    }).subscribe((out) => {
      sender.send(out);
      for (const item of out) {
        events$.next(item);
        trigger('mediacollection:event', item);
      }
    }),
  );
  // Registered after tracking so the core has already ended the session when these run.
  if (typeof document !== 'undefined') {
    subscription.add(
      fromEvent(document, 'visibilitychange').subscribe(() => {
        // docs/delivery.md#page-hide-and-keepalive: hidden may be the last moment we get; keepalive lets
        // requests outlive the page.
        if (document.visibilityState === 'hidden') void sender.flush({ keepalive: true });
      }),
    );
    subscription.add(
      fromEvent<PageTransitionEvent>(window, 'pagehide').subscribe((e) => {
        // A page going into the back/forward cache may come back: its sessionEnd leaves with keepalive,
        // and the sender stays usable (docs/browsers.md#the-backforward-cache).
        if (e.persisted) void sender.flush({ keepalive: true });
        else sender.flushFinal();
      }),
    );
  }

  let disposed = false;
  return {
    ...createManualApi((signal) => {
      if (!disposed) control$.next(signal);
    }),
    events$: events$.asObservable(),
    reports$: reports$.asObservable(),
    flush: () => sender.flush(),
    dispose() {
      if (disposed) return;
      disposed = true;
      control$.next({ type: 'dispose' });
      stop$.next();
      // The sessionEnd just produced still has to reach the collector; then nothing is left running.
      void sender.flush().finally(() => {
        subscription.unsubscribe();
        sender.dispose();
        outbox?.dispose(); // lets go of its sessions: another page may deliver what is left
        events$.complete();
        reports$.complete();
      });
    },
  };
}
