// Content signals, and ad signals once the ad chunk is there (docs/contributing.md#the-ad-chunk). The
// ad adapters (contrib-ads, IMA) are a chunk of their own, loaded only when the player has an ad stack.
// While it loads, every signal is held with the moment and the player reading it came with, and the
// ad stacks' player events are recorded, videojs-ima's AdEvents on its AdsManager too; once loaded, all
// of it is replayed in order, so no ad event is lost and none is taken for content.
import { Observable, type Subscriber, Subscription } from 'rxjs';
import type { AdStacks } from '../adapters/ad-stacks';
import type { Handler, PlayerLike } from '../adapters/player';
import { fromSource } from '../adapters/player-signals';
import type { PlayerSignal, Snapshot } from '../core/signals';
import type { ErrorDetail } from '../error-codes';
import type { HeldSignal } from '../streams/tracking';

/** Every player event the ad adapters listen to (a spec checks the list against them). */
export const AD_EVENTS = [
  'adstart',
  'ads-pod-started',
  'ads-ad-started',
  'adplaying',
  'adpause',
  'adended',
  'ads-ad-ended',
  'ads-ad-skipped',
  'adskip',
  'adend',
  'ads-pod-ended',
  'adtimeout',
  'adserror',
  'contentended',
  'ads-manager',
  'loadstart',
];

/** IMA's AdEvent types the IMA adapter listens to (a spec checks the list against its IMA_EVENT). */
export const IMA_AD_EVENTS = [
  'contentPauseRequested',
  'contentResumeRequested',
  'start',
  'complete',
  'skip',
  'pause',
  'resume',
  'allAdsCompleted',
  'adError',
];

type LoadAdStacks = () => Promise<{
  adStacks: (player: PlayerLike, now: () => number, report: (d: ErrorDetail) => void) => AdStacks;
}>;

export interface AdsDeps {
  player: PlayerLike;
  content$: Observable<PlayerSignal>;
  snapshot: () => Snapshot;
  now: () => number;
  report: (detail: ErrorDetail) => void;
  /** The ad chunk; a dynamic import, replaced in specs. */
  load?: LoadAdStacks;
}

/**
 * An ad stack set up on this player: contrib-ads (`player.ads()` has run: `player.ads.settings`),
 * videojs-ima (`player.ima(…)` has run: an object), or the IMA SDK on the page (`google.ima`). A page
 * that only imported contrib-ads has a `player.ads` function but no ads: no chunk for it.
 */
export function hasAdStack(player: PlayerLike): boolean {
  const p = player as { ads?: { settings?: unknown }; ima?: unknown };
  const google = (globalThis as { google?: { ima?: unknown } }).google;
  return p.ads?.settings !== undefined || typeof p.ima === 'object' || google?.ima !== undefined;
}

type AdEvent = { type: string };

/** A player event for the ad adapters, with the player reading and moment when held while loading. */
interface Recorded {
  event: AdEvent;
  snap?: Snapshot;
  at?: number;
  /** The AdEvent itself, when `event` is an AdsManager's (its type), not the player's. */
  ima?: unknown;
}

type ImaTarget = {
  addEventListener(type: string, h: (e: unknown) => void): void;
  removeEventListener?(type: string, h: (e: unknown) => void): void;
};

/**
 * The player as the ad adapters see it: the player itself for every read, but their listeners are
 * fed the recorded events (held ones first, in order, then live ones).
 */
export function replayingPlayer(player: PlayerLike) {
  // fromSource gives `on` and `off` the same types with the same handler.
  const handlers = new Map<Handler, string[]>();
  const facade: PlayerLike = Object.assign(Object.create(player), {
    on: (types: string | string[], handler: Handler) => handlers.set(handler, [types].flat()),
    off: (_: unknown, handler: Handler) => handlers.delete(handler),
  });
  const feed = (event: AdEvent) => {
    for (const [handler, types] of [...handlers]) if (types.includes(event.type)) handler(event);
  };
  return { facade, feed };
}

export function adAwareSignals(deps: AdsDeps): Observable<PlayerSignal | HeldSignal> {
  const { player, snapshot, now, report } = deps;
  const load: LoadAdStacks = deps.load ?? (() => import('../adapters/ad-stacks'));
  return new Observable((out: Subscriber<PlayerSignal | HeldSignal>) => {
    const subscription = new Subscription();
    const replay = replayingPlayer(player);
    let stacks: AdStacks | undefined;
    let held: (HeldSignal | Recorded)[] | undefined; // while the chunk loads
    let failed = false;
    let replaying: Recorded | undefined;
    let unwatch: (() => void)[] = [];
    const stopWatching = () => {
      for (const off of unwatch) off();
      unwatch = [];
    };
    // A pre-roll can start while the chunk loads, and IMA says so on the AdsManager, not the player.
    const watchIma = (target: unknown) => {
      const manager = target as ImaTarget | undefined;
      if (!held || typeof manager?.addEventListener !== 'function') return;
      for (const type of IMA_AD_EVENTS) {
        const h = (ima: unknown) => held?.push({ event: { type }, ima, snap: snapshot(), at: now() });
        manager.addEventListener(type, h);
        unwatch.push(() => manager.removeEventListener?.(type, h));
      }
    };

    const release = () => {
      const queue = held ?? [];
      held = undefined;
      for (const item of queue) {
        if ('held' in item) {
          if (!stacks?.leaked(item.held)) out.next(item);
        } else if (stacks) {
          replaying = item;
          if ('ima' in item) stacks.replayIma(item.event.type, item.ima);
          else replay.feed(item.event);
          replaying = undefined;
        }
      }
    };
    const start = () => {
      if (held || stacks || failed) return;
      held = [];
      try {
        const ima = (player as { ima?: { getAdsManager?(): unknown } }).ima;
        watchIma(ima?.getAdsManager?.());
      } catch {
        // an ad stack that throws is the chunk's to report, once it is there
      }
      load().then(
        (chunk) => {
          stopWatching();
          if (subscription.closed) return;
          stacks = chunk.adStacks(replay.facade, now, report);
          subscription.add(
            stacks.signal$.subscribe((signal) =>
              out.next(
                replaying?.snap ? { held: signal, snap: replaying.snap, at: replaying.at ?? now() } : signal,
              ),
            ),
          );
          release();
        },
        (error: unknown) => {
          stopWatching();
          failed = true;
          report({ code: 'MC_ADS_UNAVAILABLE', error });
          release();
        },
      );
    };

    subscription.add(
      deps.content$.subscribe((signal) => {
        if (held) held.push({ held: signal, snap: snapshot(), at: now() });
        else if (!stacks?.leaked(signal)) out.next(signal);
      }),
    );
    subscription.add(
      fromSource(player, AD_EVENTS).subscribe((e) => {
        const event = e as AdEvent;
        if (failed || (!stacks && !held && event.type === 'loadstart')) return;
        if (!stacks) start(); // an ad stack set up after the tracker shows itself by its events
        if (held) {
          held.push({ event, snap: snapshot(), at: now() });
          if (event.type === 'ads-manager') watchIma((event as { adsManager?: unknown }).adsManager);
        } else replay.feed(event);
      }),
    );
    if (hasAdStack(player)) start();
    subscription.add(stopWatching);
    return subscription;
  });
}
