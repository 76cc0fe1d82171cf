import type { McEvent, McEventType, Outgoing } from '../mc/types';
import type { TrackerState } from './state';

/** A reduction in progress: the state so far and the events produced so far. */
export interface Step {
  state: TrackerState;
  out: Outgoing[];
}

type Extra = Omit<McEvent, 'eventType' | 'playerTime'>;

/**
 * Appends one event to the open session. `at` is when the thing happened; the ts is pushed forward
 * when needed because MC API: consecutive ts must differ by at least 1 ms
 * (docs/adobe-api.md#timestamps-and-ordering).
 */
export function emit(step: Step, eventType: McEventType, playhead: number, at: number, extra?: Extra): Step {
  const ts = Math.max(Math.round(at), step.state.lastTs + 1);
  const event: McEvent = { eventType, playerTime: { playhead: roundPlayhead(playhead), ts }, ...extra };
  return {
    state: withChanges(step.state, { lastTs: ts }),
    out: [...step.out, { session: step.state.session, event }],
  };
}

export const patch = (step: Step, changes: Partial<TrackerState>): Step => ({
  state: withChanges(step.state, changes),
  out: step.out,
});

/**
 * A copy of the state with `changes` applied. Written out field by field: V8 builds such a literal
 * from one fixed shape, about 10× faster than `{ ...state, ...changes }` for this many number fields
 * (spread re-boxes every double), and it runs on every `timeupdate` (docs/benchmarks.md, core throughput).
 * TypeScript rejects the literal if a field of TrackerState is missing.
 */
function withChanges(s: TrackerState, changes: Partial<TrackerState>): TrackerState {
  const copy: { -readonly [K in keyof TrackerState]: TrackerState[K] } = {
    phase: s.phase,
    playback: s.playback,
    src: s.src,
    session: s.session,
    sessionCount: s.sessionCount,
    sessionStartedAt: s.sessionStartedAt,
    playerName: s.playerName,
    lastTs: s.lastTs,
    playhead: s.playhead,
    sampleAt: s.sampleAt,
    lastAdvanceAt: s.lastAdvanceAt,
    nextPingAt: s.nextPingAt,
    stallSince: s.stallSince,
    inactiveSince: s.inactiveSince,
    intentAt: s.intentAt,
    contentStarted: s.contentStarted,
    resumeNext: s.resumeNext,
    states: s.states,
    bitrate: s.bitrate,
    droppedFrames: s.droppedFrames,
    frameSample: s.frameSample,
    fps: s.fps,
    adBreak: s.adBreak,
    breakCount: s.breakCount,
    chapter: s.chapter,
    chapterCount: s.chapterCount,
    doneChapter: s.doneChapter,
    contentEnded: s.contentEnded,
    resuming: s.resuming,
    live: s.live,
  };
  return Object.assign(copy, changes);
}

/** Millisecond precision is all the API can use; it keeps bodies short. */
const roundPlayhead = (p: number): number => (Number.isFinite(p) && p > 0 ? Math.round(p * 1000) / 1000 : 0);
