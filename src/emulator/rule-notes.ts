// One sentence per sequence rule, for people: what the rule is and what Adobe does when it is broken.
// Shown by the report page (/__emulator/) and the demo panel beside the emulator's own message.
import type { SequenceRule } from './sequence-types.ts';

export interface RuleNote {
  /** A short name for the rule. */
  title: string;
  /** The rule and its consequence, in one sentence. */
  explanation: string;
}

export const RULE_NOTES: Readonly<Record<SequenceRule, RuleNote>> = {
  'ts-order': {
    title: 'Timestamps out of order',
    explanation:
      "Adobe orders a session's events by playerTime.ts and needs each one at least 1 ms after the previous, so an event that breaks this is reordered or lost.",
  },
  'after-session-end': {
    title: 'Event after sessionEnd',
    explanation: 'sessionEnd closes the session, and Adobe silently drops anything sent on it afterwards.',
  },
  'ad-outside-break': {
    title: 'Ad outside a break',
    explanation:
      'Ad events count only between adBreakStart and adBreakComplete; outside them Adobe ignores the ad and counts its time as main content.',
  },
  'ad-not-closed': {
    title: 'Ad left open',
    explanation:
      'Each adStart must be closed by adComplete or adSkip before the next adStart or adBreakComplete, or the ad is never counted as finished.',
  },
  'ad-not-open': {
    title: 'Ad closed twice',
    explanation:
      'adComplete and adSkip close the ad opened by adStart; without an open ad there is nothing to close.',
  },
  'break-not-closed': {
    title: 'Ad break left open',
    explanation:
      'An ad break must end with adBreakComplete before the next adBreakStart, or Adobe keeps counting ad time.',
  },
  'break-not-open': {
    title: 'Ad break closed twice',
    explanation:
      'adBreakComplete closes the break opened by adBreakStart; without an open break it means nothing.',
  },
  'play-before-preroll': {
    title: 'Play before the pre-roll',
    explanation:
      "With a pre-roll, the content's play must wait until after the break, or Adobe counts a Content Start even for a viewer who leaves during the ad.",
  },
  'playhead-moved-in-break': {
    title: 'Playhead moved during an ad',
    explanation:
      'Inside an ad break the playhead must stay at the content position where the break began; a moving playhead adds ad time to the content.',
  },
  'ping-cadence': {
    title: 'Gap between pings',
    explanation:
      'A session needs an event at least every 10 s in content and every 1 s in ad breaks; longer silences under-count time spent and can expire the session.',
  },
  'chapter-overlap': {
    title: 'Chapters overlap',
    explanation:
      'A chapter must be completed or skipped before the next chapterStart; Adobe does not nest chapters.',
  },
  'chapter-not-open': {
    title: 'Chapter closed twice',
    explanation:
      'chapterComplete and chapterSkip close the chapter opened by chapterStart; without one they mean nothing.',
  },
  'chapter-in-break': {
    title: 'Chapter event inside an ad break',
    explanation:
      'Chapters belong to the content: close the chapter before adBreakStart and start the next after adBreakComplete (Adobe timeline 3).',
  },
  'state-limit': {
    title: 'More than 10 player states',
    explanation: 'Adobe keeps the first 10 distinct player states of a session and ignores the rest.',
  },
  'state-not-started': {
    title: 'State ended without starting',
    explanation: 'A stateEnd needs a stateStart of the same name earlier in the session.',
  },
  'session-complete-twice': {
    title: 'sessionComplete twice',
    explanation: 'The content completes once per session; a second sessionComplete is ignored.',
  },
  'event-after-complete': {
    title: 'Event after sessionComplete',
    explanation:
      'After sessionComplete only pings and sessionEnd may follow; anything else lands on content already counted as complete.',
  },
};

/** What every 400 means, for a validation error shown beside its own problems. */
export const VALIDATION_NOTE =
  'Adobe validates each request on its own and answers 400: the event is dropped, and nothing else of the session is affected.';
