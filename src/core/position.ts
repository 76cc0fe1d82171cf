import type { Snapshot } from './signals';

export const isLive = (snap: Snapshot): boolean => snap.duration === Number.POSITIVE_INFINITY;

/** `media.contentType` values Adobe recommends for live streams (docs/mapping.md#live-content). */
const LIVE_TYPES = new Set(['live', 'linear', 'radio']);

export const isLiveType = (contentType: unknown): boolean =>
  typeof contentType === 'string' && LIVE_TYPES.has(contentType.toLowerCase());

/**
 * MC API: live playhead is the second of the day, 0 ≤ p < 86400 (docs/mapping.md#live-content); UTC keeps
 * it pure. Whole milliseconds, so rounding never reaches 86400.
 */
const secondOfDay = (at: number): number => (Math.floor(at) % 86_400_000) / 1000;

/**
 * The wall time of what is on screen at `at`: the stream's program date time when the player knows it,
 * else `at` less how far behind the live edge the viewer is (docs/mapping.md#live-content).
 */
const onScreen = (snap: Snapshot, at: number): number =>
  snap.programTime ?? at - (snap.behindLive ?? 0) * 1000;

/** The content position to report for a snapshot taken at wall time `at`; `live` from the session. */
export const position = (snap: Snapshot, at: number, live = false): number =>
  live || isLive(snap)
    ? secondOfDay(onScreen(snap, at))
    : Number.isFinite(snap.playhead)
      ? Math.max(0, snap.playhead)
      : 0;

/** Whether the content moved forward: a live playhead passing midnight starts again from 0. */
export const movedOn = (current: number, previous: number, live: boolean): boolean =>
  current > previous + 0.001 || (live && current < previous - 43_200);
