import type { CustomMetadata } from '../mc/types';

/** Everything the core needs to know that does not change while it runs. */
export interface CoreConfig {
  /** Prefix of local session keys; unique per tracker instance. */
  instanceId: string;
  customMetadata?: CustomMetadata;
  mainPingMs: number;
  adPingMs: number;
  /** MC API: a session paused or buffering this long is ended; the next play resumes it (30 min). */
  idleMs: number;
  /** MC API / Adobe SDKs: sessions are rotated after 24 h. */
  maxSessionMs: number;
  /** Stalls shorter than this are not reported (docs/mapping.md#buffering: 250 ms). */
  stallFilterMs: number;
  /** A playhead that has not moved for this long while playing is a stall (Firefox often fires no `waiting`). */
  stallWatchMs: number;
}

export const CORE_DEFAULTS = {
  mainPingMs: 10_000,
  adPingMs: 1_000,
  idleMs: 30 * 60_000,
  maxSessionMs: 24 * 3_600_000,
  stallFilterMs: 250,
  stallWatchMs: 1_000,
} as const;

/** MC API: media.length for live content or an unknown duration (EL variables/core/content-length). */
export const LIVE_LENGTH = 86_400;
