// Drives the pure core through a script of timed signals, for table-driven specs.
import { CORE_DEFAULTS, type CoreConfig } from '../core/config';
import { reduce } from '../core/reducer';
import type { PlayerSignal, Snapshot } from '../core/signals';
import { initialState, type TrackerState } from '../core/state';
import type { McEvent, McParams, Outgoing } from '../mc/types';

export const T0 = 1_700_000_000_000;

export const testConfig = (overrides: Partial<CoreConfig> = {}): CoreConfig => ({
  ...CORE_DEFAULTS,
  instanceId: 't',
  ...overrides,
});

/** The site's params as the tracker resolves them (src/session-params.ts), for every session. */
export const TEST_PARAMS: McParams = {
  'analytics.trackingServer': 'test.sc.omtrdc.net',
  'analytics.reportSuite': 'rsid',
  'visitor.marketingCloudOrgId': 'ORG@AdobeOrg',
  'media.id': 'movie',
  'media.contentType': 'vod',
  'media.playerName': 'video.js',
  'media.channel': 'web',
};

export const snapshot = (overrides: Partial<Snapshot> = {}): Snapshot => ({
  playhead: 0,
  duration: 60,
  paused: true,
  seeking: false,
  ended: false,
  src: 'https://cdn.test/movie.mp4',
  muted: false,
  fullscreen: false,
  pictureInPicture: false,
  captions: false,
  inFocus: false,
  params: TEST_PARAMS,
  ...overrides,
});

/** One line of a script: at `t` ms after T0, this signal, with the player now looking like `snap`. */
export interface Beat {
  t: number;
  signal: PlayerSignal['type'] | PlayerSignal;
  snap?: Partial<Snapshot>;
}

export interface Run {
  state: TrackerState;
  out: Outgoing[];
  events: McEvent[];
  types: string[];
}

/** Runs the beats in order; the snapshot carries over from beat to beat (patches accumulate). */
export function run(beats: Beat[], config = testConfig(), from: TrackerState = initialState): Run {
  let state = from;
  let snap = snapshot();
  const out: Outgoing[] = [];
  for (const beat of beats) {
    snap = { ...snap, ...beat.snap };
    const signal = typeof beat.signal === 'string' ? ({ type: beat.signal } as PlayerSignal) : beat.signal;
    const step = reduce(config, state, signal, snap, T0 + beat.t);
    state = step.state;
    out.push(...step.out);
  }
  const events = out.map((o) => o.event);
  return { state, out, events, types: events.map((e) => e.eventType) };
}

/** The usual start: play intent at 0, first frame at 200 ms. */
export const START: Beat[] = [
  { t: 0, signal: 'play', snap: { paused: false } },
  { t: 200, signal: 'playing', snap: { playhead: 0 } },
];

/** Timeupdates every 250 ms from `from` to `to` (ms), playhead advancing in real time from `at`. */
export function playing(from: number, to: number, at = 0, step = 250): Beat[] {
  const beats: Beat[] = [];
  for (let t = from; t <= to; t += step)
    beats.push({ t, signal: 'timeupdate', snap: { playhead: at + (t - from) / 1000 } });
  return beats;
}
