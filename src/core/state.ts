import type { StateName } from '../mc/types';
import type { AdInfo } from './signals';

/**
 * Where the tracker is. `idle`: no session (nothing played yet, new source, or after completion);
 * `pending`: play intent seen, waiting for the duration before sessionStart; `active`: a session is open;
 * `suspended`: ended for inactivity, the next play resumes it; `complete`: sessionComplete sent;
 * `closed`: disposed or page gone for good — nothing more is sent.
 */
export type Phase = 'idle' | 'pending' | 'active' | 'suspended' | 'complete' | 'closed';

/** The Media Collection playback state of the open session. */
export type Playback = 'starting' | 'playing' | 'paused' | 'buffering' | 'seeking';

/** An open ad break: the content position it interrupts and the ad now playing. */
export interface OpenBreak {
  readonly podIndex: number;
  readonly podSecond: number;
  readonly name: string;
  readonly ads: number;
  readonly ad: AdInfo | undefined;
  /** Content was playing when the break began (a mid-roll): no `play` after it (timelines 1, 3). */
  readonly wasPlaying: boolean;
  /** The viewer paused the ad. */
  readonly paused: boolean;
}

/** An open chapter; `auto` when it comes from a chapters track rather than the manual API. */
export interface OpenChapter {
  readonly index: number;
  readonly offset: number;
  readonly length: number;
  readonly name: string;
  readonly auto: boolean;
  readonly customMetadata?: Record<string, string>;
  /** The furthest content position played inside it: complete or skip is judged on this. */
  readonly reached: number;
}

export interface TrackerState {
  readonly phase: Phase;
  readonly playback: Playback;
  readonly src: string;
  /** Local key of the open (or last) session. */
  readonly session: string;
  readonly sessionCount: number;
  readonly sessionStartedAt: number;
  /** The open session's `media.playerName`, repeated on every adStart as `media.ad.playerName`. */
  readonly playerName: string;
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
  readonly adBreak: OpenBreak | undefined;
  /** Breaks opened in this session: the next podIndex is this + 1 (MC API: 1-based per session). */
  readonly breakCount: number;
  readonly chapter: OpenChapter | undefined;
  readonly chapterCount: number;
  /** The chapter just completed: play that lingers in its cue (after a break at its end) must not restart it. */
  readonly doneChapter: number | undefined;
  /** Main content has ended; a post-roll may still play before sessionComplete. */
  readonly contentEnded: boolean;
  /** The session's content is live: second-of-day playheads, never sessionComplete. */
  readonly live: boolean;
  /** Content is coming back after a mid-roll: its reload is neither a stall nor a seek. */
  readonly resuming: boolean;
}

export const initialState: TrackerState = {
  phase: 'idle',
  playback: 'starting',
  src: '',
  session: '',
  sessionCount: 0,
  sessionStartedAt: 0,
  playerName: 'video.js',
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
  adBreak: undefined,
  breakCount: 0,
  chapter: undefined,
  chapterCount: 0,
  doneChapter: undefined,
  contentEnded: false,
  resuming: false,
  live: false,
};

/** Phases in which a server session is open and events flow. */
export const isOpen = (s: TrackerState): boolean => s.phase === 'active';
