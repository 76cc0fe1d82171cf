import type { Snapshot } from './signals';

export const isLive = (snap: Snapshot): boolean => snap.duration === Number.POSITIVE_INFINITY;

/**
 * MC API: live playhead is the second of the day, 0 ≤ p < 86400 (docs/mapping.md#live-content). UTC keeps it
 * pure.
 */
const secondOfDay = (at: number): number => Math.floor(at / 1000) % 86_400;

/** The content position to report for a snapshot taken at wall time `at`. */
export const position = (snap: Snapshot, at: number): number =>
  isLive(snap) ? secondOfDay(at) : Number.isFinite(snap.playhead) ? Math.max(0, snap.playhead) : 0;
