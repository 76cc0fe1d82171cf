import type { StateName } from '../mc/types';

/**
 * Where the tracker is. `idle`: no session (nothing played yet, new source, or after completion);
 * `pending`: play intent seen, waiting for the duration before sessionStart; `active`: a session is open;
 * `suspended`: ended for inactivity, the next play resumes it; `complete`: sessionComplete sent;
 * `closed`: disposed or page gone for good — nothing more is sent.
 */
export type Phase = 'idle' | 'pending' | 'active' | 'suspended' | 'complete' | 'closed';

/** The Media Collection playback state of the open session. */
export type Playback = 'starting' | 'playing' | 'paused' | 'buffering' | 'seeking';

export interface TrackerState {
  readonly phase: Phase;
  readonly playback: Playback;
  readonly src: string;
  /** Local key of the open (or last) session. */
  readonly session: string;
  readonly sessionCount: number;
  readonly sessionStartedAt: number;
  /** ts of the last event produced: the next one must be at least 1 ms later. */
  readonly lastTs: number;
  /** Last reported content position and the wall time it was read. */
  readonly playhead: number;
  readonly sampleAt: number;
  /** Wall time the playhead last moved while playing. */
  readonly lastAdvanceAt: number;
  readonly nextPingAt: number;
  /** A stall seen (`waiting` or a frozen playhead) but not yet reported. */
  readonly stallSince: number | undefined;
  /** When the session stopped playing (paused, buffering, not started yet), for the idle timeout. */
  readonly inactiveSince: number | undefined;
  readonly intentAt: number;
  readonly contentStarted: boolean;
  readonly resumeNext: boolean;
  readonly states: readonly StateName[];
  readonly bitrate: number | undefined;
  readonly droppedFrames: number | undefined;
  readonly frameSample: { frames: number; playhead: number } | undefined;
  readonly fps: number | undefined;
}

export const initialState: TrackerState = {
  phase: 'idle',
  playback: 'starting',
  src: '',
  session: '',
  sessionCount: 0,
  sessionStartedAt: 0,
  lastTs: Number.NEGATIVE_INFINITY,
  playhead: 0,
  sampleAt: 0,
  lastAdvanceAt: 0,
  nextPingAt: Number.POSITIVE_INFINITY,
  stallSince: undefined,
  inactiveSince: undefined,
  intentAt: 0,
  contentStarted: false,
  resumeNext: false,
  states: [],
  bitrate: undefined,
  droppedFrames: undefined,
  frameSample: undefined,
  fps: undefined,
};

/** Phases in which a server session is open and events flow. */
export const isOpen = (s: TrackerState): boolean => s.phase === 'active';
