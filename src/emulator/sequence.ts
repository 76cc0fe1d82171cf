// Session-level sequence rules, pure: (state, event) → (state, findings). Runs over every well-formed
// event a session receives, in arrival order, including those answered 410 after sessionEnd.
import type { McEvent } from '../mc/types.ts';
import { checkAds } from './sequence-ads.ts';
import { checkChapters } from './sequence-chapters.ts';
import { checkPings } from './sequence-pings.ts';
import { checkStates } from './sequence-states.ts';
import {
  type Cadence,
  type EventRef,
  type Finding,
  INITIAL_SEQUENCE_STATE,
  type Issue,
  type SequenceState,
} from './sequence-types.ts';

export interface SequenceStep {
  state: SequenceState;
  findings: Finding[];
}

export function stepSequence(
  state: SequenceState,
  event: McEvent,
  at: { sid: string; index: number },
  cadence: Cadence,
): SequenceStep {
  const { eventType } = event;
  const { ts } = event.playerTime;
  const ref: EventRef = { index: at.index, eventType, ts };
  const stamp = (issues: Issue[]): Finding[] =>
    issues.map(({ rule, message, at: culprit = ref }) => ({
      rule,
      sid: at.sid,
      eventIndex: culprit.index,
      eventType: culprit.eventType,
      ts: culprit.ts,
      message,
    }));

  // MC API: after sessionEnd every call on the sid is dropped (docs/adobe-api.md#session-timeouts); nothing
  // else is judged.
  if (state.ended) {
    const message = `${eventType} arrived after sessionEnd; Adobe drops everything sent on a closed session.`;
    return { state, findings: stamp([{ rule: 'after-session-end', message }]) };
  }

  const issues: Issue[] = [];
  // MC API: consecutive events need distinct ts, at least 1 ms apart
  // (docs/adobe-api.md#timestamps-and-ordering).
  if (state.lastTs !== undefined && ts <= state.lastTs) {
    issues.push({
      rule: 'ts-order',
      message: `playerTime.ts ${ts} is not later than the previous event's ${state.lastTs}; Adobe orders events by ts and needs them at least 1 ms apart.`,
    });
  }
  // MC API: sessionComplete comes once, and only pings or a sessionEnd may follow it
  // (docs/emulator.md#sequence-rules).
  if (state.completed && eventType === 'sessionComplete') {
    issues.push({ rule: 'session-complete-twice', message: 'sessionComplete arrived a second time.' });
  } else if (state.completed && eventType !== 'ping' && eventType !== 'sessionEnd') {
    issues.push({
      rule: 'event-after-complete',
      message: `${eventType} arrived after sessionComplete; only ping or sessionEnd may follow it.`,
    });
  }

  const pings = checkPings(state, event, cadence);
  const ads = checkAds(state, event, ref);
  const chapters = checkChapters(state, event);
  const states = checkStates(state, event);
  issues.push(...pings.issues, ...ads.issues, ...chapters.issues, ...states.issues);

  return {
    state: {
      lastTs: state.lastTs === undefined ? ts : Math.max(state.lastTs, ts),
      ended: eventType === 'sessionEnd',
      completed: state.completed || eventType === 'sessionComplete',
      ads: ads.ads,
      pings: pings.pings,
      chapterOpen: chapters.chapterOpen,
      statesSeen: states.statesSeen,
      statesActive: states.statesActive,
    },
    findings: stamp(issues),
  };
}

/** Every finding for a whole event list (a downloaded batch, or a test's timeline). */
export function sequenceFindings(sid: string, events: readonly McEvent[], cadence: Cadence): Finding[] {
  let state = INITIAL_SEQUENCE_STATE;
  const findings: Finding[] = [];
  events.forEach((event, index) => {
    const step = stepSequence(state, event, { sid, index }, cadence);
    state = step.state;
    findings.push(...step.findings);
  });
  return findings;
}
