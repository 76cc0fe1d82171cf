// Tracking as the tracker uses it: the player's, the page's and the ad stacks' signals, read with a
// snapshot of the player, through the pure core into Media Collection events.
import { Observable, type SchedulerLike } from 'rxjs';
import { enableChapters } from '../adapters/chapters-track';
import type { PageLifecycle } from '../adapters/page-lifecycle';
import type { PlayerLike } from '../adapters/player';
import { playerSignals } from '../adapters/player-signals';
import { readSnapshot } from '../adapters/snapshot';
import { CORE_DEFAULTS, type CoreConfig } from '../core/config';
import type { PlayerSignal, Snapshot } from '../core/signals';
import type { ErrorDetail } from '../error-codes';
import { warnOnce } from '../log';
import type { Outgoing } from '../mc/types';
import type { ResolvedOptions } from '../options';
import { createSessionParams } from '../session-params';
import { merge } from '../streams/sources';
import { tracking } from '../streams/tracking';
import { type AdsDeps, adAwareSignals } from './ads';

export interface TrackingWiring {
  player: PlayerLike;
  options: ResolvedOptions;
  page: PageLifecycle;
  instanceId: string;
  scheduler: SchedulerLike;
  now: () => number;
  /** Signals from the tracker itself (manual calls, dispose, a session the collector lost). */
  control$: Observable<PlayerSignal>;
  /** Stops listening to the player, the page and the ad stacks (control signals still pass). */
  stop$: Observable<void>;
  /** Says a problem as a `mediacollection:error`. */
  report: (detail: ErrorDetail) => void;
  /** The provisional close while the page is hidden (docs/outbox.md#the-provisional-close). */
  preview?: (out: Outgoing[]) => void;
  /** The ad chunk, in specs. */
  loadAds?: AdsDeps['load'];
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

/** Reads the player at each signal; a player being disposed keeps its last reading. */
function snapshots(player: PlayerLike): () => Snapshot {
  let last = BLANK;
  return () => {
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
}

/** `takeUntil` in a few bytes (its only use): the source stops when `stop$` emits. */
const until = <T>(source: Observable<T>, stop$: Observable<void>): Observable<T> =>
  new Observable<T>((subscriber) => {
    const subscription = source.subscribe(subscriber);
    subscription.add(stop$.subscribe(() => subscription.unsubscribe()));
    return subscription;
  });

/** Media Collection events, one array per signal that produced any. */
export function trackPlayer(w: TrackingWiring): Observable<Outgoing[]> {
  const { player, options } = w;
  const config: CoreConfig = {
    ...CORE_DEFAULTS,
    instanceId: w.instanceId,
    ...(options.customMetadata ? { customMetadata: options.customMetadata } : {}),
    mainPingMs: options.mainPingMs,
    adPingMs: options.adPingMs,
  };
  const snapshot = snapshots(player);
  const outside$ = adAwareSignals({
    player,
    content$: playerSignals(player, w.page),
    snapshot,
    now: w.now,
    report: w.report,
    ...(w.loadAds ? { load: w.loadAds } : {}),
  });
  return tracking({
    config,
    signal$: merge(until(outside$, w.stop$), w.control$),
    snapshot,
    sessionParams: createSessionParams(options.params, w.report, options.edge !== undefined),
    now: w.now,
    scheduler: w.scheduler,
    ...(w.preview ? { preview: { active: w.page.isHidden, next: w.preview } } : {}),
    onError: (error, fatal) => {
      warnOnce('tracking skipped a player event after an internal error; please report it', error);
      w.report({ code: 'MC_INTERNAL', error, ...(fatal ? { fatal } : {}) });
    },
  });
}
