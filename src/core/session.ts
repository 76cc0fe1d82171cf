import type { McParams } from '../mc/types';
import { openBreak, startAd } from './ads';
import { closeChapter, openChapter } from './chapters';
import { type CoreConfig, LIVE_LENGTH } from './config';
import { emit, patch, type Step } from './emit';
import { isLive, isLiveType, position } from './position';
import type { Snapshot } from './signals';
import { syncStates } from './states';

const knownDuration = (d: number): boolean => Number.isFinite(d) && d > 0;

/**
 * Whether sessionStart can be built now: media.length needs the duration. A live stream waits for its
 * first frame, so the playhead is the moment that went on screen (docs/mapping.md#live-content).
 */
export const canStart = (snap: Snapshot): boolean => knownDuration(snap.duration);

/**
 * Opens a new session: sessionStart, then the active states (MC API: states are per session, so they
 * are started again in every new one). `at` is the play intent; `resume` marks a continued viewing.
 */
export function startSession(
  config: CoreConfig,
  step: Step,
  snap: Snapshot,
  at: number,
  resume: boolean,
): Step {
  const count = step.state.sessionCount + 1;
  // A resumed session keeps the viewing's context (breaks, chapters); a new one starts clean.
  const context = resume
    ? {}
    : {
        adBreak: undefined,
        breakCount: 0,
        chapter: undefined,
        chapterCount: 0,
        doneChapter: undefined,
        contentEnded: false,
      };
  const params: McParams = {
    ...snap.params,
    ...(resume ? { 'media.resume': true } : {}),
  };
  const live = isLive(snap) || isLiveType(params['media.contentType']);
  const opened = patch(step, {
    ...context,
    live,
    phase: 'active',
    playback: 'starting',
    session: `${config.instanceId}:${count}`,
    sessionCount: count,
    sessionStartedAt: at,
    states: [],
    stallSince: undefined,
    inactiveSince: at,
    resumeNext: false,
    playerName: String(params['media.playerName'] ?? 'video.js'),
  });
  if (typeof params['media.length'] !== 'number') {
    // docs/mapping.md#session: media.length is the content's duration, 86400 for live or unknown.
    params['media.length'] = !live && knownDuration(snap.duration) ? snap.duration : LIVE_LENGTH;
  }
  const playhead = position(snap, at, live);
  const qoe =
    step.state.bitrate !== undefined ? { qoeData: { 'media.qoe.bitrate': step.state.bitrate } } : {};
  const started = emit(opened, 'sessionStart', playhead, at, {
    params,
    ...(config.customMetadata ? { customMetadata: config.customMetadata } : {}),
    ...qoe,
  });
  const ts = started.state.lastTs;
  const withGrid = patch(started, {
    // docs/mapping.md#pings: the ping grid starts at sessionStart and does not move with other events.
    nextPingAt: ts + config.mainPingMs,
    sessionStartedAt: ts,
    playhead,
    sampleAt: at,
    lastAdvanceAt: at,
  });
  const withStates = syncStates(withGrid, snap, at);
  return resume ? resendContext(config, withStates, at) : withStates;
}

/**
 * MC API / Adobe SDKs: a resumed session re-sends the open chapter, the open break and ad
 * (docs/adobe-api.md#session-timeouts). The break keeps its own ping cadence.
 */
function resendContext(config: CoreConfig, step: Step, at: number): Step {
  const { chapter, adBreak } = step.state;
  let next = step;
  if (chapter && !adBreak) next = openChapter(next, at, chapter);
  if (adBreak) {
    next = openBreak(
      config,
      patch(next, { adBreak: undefined, breakCount: adBreak.podIndex - 1 }),
      at,
      adBreak.name,
    );
    if (adBreak.ad) next = startAd(config, next, at, adBreak.ad);
    next = patch(next, {
      adBreak: next.state.adBreak && { ...next.state.adBreak, wasPlaying: adBreak.wasPlaying },
    });
  }
  return next;
}

/**
 * MC API: sessionComplete when main content ends; the open chapter is completed first
 * (docs/mapping.md#session). Live content ends with sessionEnd instead.
 */
export function completeSession(step: Step, snap: Snapshot, now: number): Step {
  // docs/mapping.md#live-content: live content is never complete; its end ends the session.
  if (step.state.live) return endSession(step, now, 'idle');
  const closed = closeChapter(step, now, 'chapterComplete');
  const playhead = step.state.contentEnded ? step.state.playhead : position(snap, now);
  return patch(emit(closed, 'sessionComplete', playhead, now), {
    phase: 'complete',
    adBreak: undefined,
    nextPingAt: Number.POSITIVE_INFINITY,
  });
}

/** sessionEnd for the open session; `phase` is where the tracker goes next. */
export function endSession(step: Step, at: number, phase: 'idle' | 'suspended' | 'closed'): Step {
  const ended = emit(step, 'sessionEnd', step.state.playhead, at);
  return patch(ended, { phase, nextPingAt: Number.POSITIVE_INFINITY, stallSince: undefined });
}

/**
 * Continues the viewing in a new session (24 h rotation, or the collector lost the session): the new
 * session resumes with `media.resume: true`, re-sends the context and the current playback state.
 */
export function rotate(config: CoreConfig, step: Step, snap: Snapshot, at: number, endOld: boolean): Step {
  const playback = step.state.playback;
  const playhead = step.state.playhead;
  const closed = endOld ? endSession(step, at, 'suspended') : step;
  const resumed = startSession(config, closed, { ...snap, playhead }, at, true);
  switch (playback) {
    case 'playing':
      return patch(emit(resumed, 'play', playhead, at), {
        playback,
        contentStarted: true,
        inactiveSince: undefined,
      });
    case 'paused':
    case 'seeking':
      return patch(emit(resumed, 'pauseStart', playhead, at), { playback: 'paused' });
    case 'buffering':
      return patch(emit(resumed, 'bufferStart', playhead, at), { playback });
    case 'starting':
      return resumed;
  }
}
