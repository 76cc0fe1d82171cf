// A plain-object stand-in for a video.js player: records listeners so specs can prove teardown.
import type { Handler, PlayerLike, TextTrackLike } from '../adapters/player';

export interface FakePlayer extends PlayerLike {
  state: {
    currentTime: number;
    duration: number;
    paused: boolean;
    seeking: boolean;
    ended: boolean;
    src: string;
    muted: boolean;
    fullscreen: boolean;
    disposed: boolean;
  };
  tracks: TextTrackLike[];
  /** Fires a player event with the state patched first. */
  fire(type: string, patch?: Partial<FakePlayer['state']>, data?: unknown): void;
  listenerCount(): number;
  triggered: { type: string; data: unknown }[];
}

export function createFakePlayer(): FakePlayer {
  const listeners = new Map<string, Set<Handler>>();
  const types = (t: string | string[]) => (Array.isArray(t) ? t : [t]);
  const player: FakePlayer = {
    state: {
      currentTime: 0,
      duration: 30,
      paused: true,
      seeking: false,
      ended: false,
      src: 'https://cdn.test/movie.webm',
      muted: false,
      fullscreen: false,
      disposed: false,
    },
    tracks: [],
    triggered: [],
    on(t, h) {
      for (const type of types(t)) listeners.set(type, (listeners.get(type) ?? new Set()).add(h));
    },
    off(t, h) {
      for (const type of types(t)) listeners.get(type)?.delete(h);
    },
    fire(type, patch, data) {
      Object.assign(player.state, patch);
      // video.js calls listeners with (event, hash); an object trigger's fields ride on the event.
      for (const h of [...(listeners.get(type) ?? [])])
        (h as (e: unknown, hash: unknown) => void)({ ...(data as object), type }, data);
    },
    trigger(type, data) {
      player.triggered.push({ type, data });
    },
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
    currentTime: () => player.state.currentTime,
    duration: () => player.state.duration,
    paused: () => player.state.paused,
    seeking: () => player.state.seeking,
    ended: () => player.state.ended,
    currentSrc: () => player.state.src,
    muted: () => player.state.muted,
    isFullscreen: () => player.state.fullscreen,
    textTracks: () => player.tracks,
    error: () => ({ code: 3 }),
    isDisposed: () => player.state.disposed,
  };
  return player;
}
