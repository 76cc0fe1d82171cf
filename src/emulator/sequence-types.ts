// Vocabulary of the sequence rules: the mistakes Adobe accepts silently because it validates each
// request alone (docs/adobe-api.md#validation). Findings are recorded, never answered with a 4xx.
import type { McEventType } from '../mc/types.ts';

export const SEQUENCE_RULES = [
  'ts-order',
  'after-session-end',
  'ad-outside-break',
  'ad-not-closed',
  'ad-not-open',
  'break-not-closed',
  'break-not-open',
  'play-before-preroll',
  'playhead-moved-in-break',
  'ping-cadence',
  'chapter-overlap',
  'chapter-not-open',
  'chapter-in-break',
  'state-limit',
  'state-not-started',
  'session-complete-twice',
  'event-after-complete',
] as const;

export type SequenceRule = (typeof SEQUENCE_RULES)[number];

export interface Finding {
  rule: SequenceRule;
  sid: string;
  /** Index in the session's recorded `events` of the event at fault. */
  eventIndex: number;
  eventType: McEventType;
  ts: number;
  message: string;
}

export interface EventRef {
  index: number;
  eventType: McEventType;
  ts: number;
}

/** A finding before it is stamped with the session; `at` names an earlier event at fault. */
export interface Issue {
  rule: SequenceRule;
  message: string;
  at?: EventRef;
}

export interface Cadence {
  mainPingIntervalMs: number;
  adPingIntervalMs: number;
  pingToleranceMs: number;
}

export interface AdState {
  /** Content playhead at the open break's adBreakStart; undefined when no break is open. */
  breakPlayhead?: number;
  adOpen: boolean;
  breaksSeen: number;
  /** The first play, if it came before any adBreakStart. */
  playBeforeBreaks?: EventRef;
}

export interface PingState {
  lastEventTs?: number;
  /** Last ping in the current context (content, or the current break); reset at break boundaries. */
  lastPingTs?: number;
}

export interface SequenceState {
  lastTs?: number;
  ended: boolean;
  completed: boolean;
  ads: AdState;
  pings: PingState;
  chapterOpen: boolean;
  statesSeen: readonly string[];
  statesActive: readonly string[];
}

export const INITIAL_SEQUENCE_STATE: SequenceState = Object.freeze({
  ended: false,
  completed: false,
  ads: { adOpen: false, breaksSeen: 0 },
  pings: {},
  chapterOpen: false,
  statesSeen: [],
  statesActive: [],
});

export const inBreak = (state: SequenceState): boolean => state.ads.breakPlayhead !== undefined;
