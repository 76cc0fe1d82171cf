import type { QoeData } from '../mc/types';
import type { CoreConfig } from './config';
import { emit, patch, type Step } from './emit';
import { position } from './position';
import type { Snapshot } from './signals';

/**
 * Emits every ping that is due by `now`, each stamped with its own grid time. Wall time decides, not
 * timer ticks: a hidden tab may wake us a minute late, and the grid still holds (docs/mapping.md#pings).
 */
export function duePings(config: CoreConfig, step: Step, snap: Snapshot, now: number): Step {
  let next = step;
  while (next.state.phase === 'active' && next.state.nextPingAt <= now) {
    const at = next.state.nextPingAt;
    const playhead = playheadAt(next, snap, at, now);
    const qoe = frameQuality(next, snap, position(snap, now, next.state.live));
    next = emit(next, 'ping', playhead, at, qoe.qoeData ? { qoeData: qoe.qoeData } : undefined);
    const interval = next.state.adBreak ? config.adPingMs : config.mainPingMs;
    next = patch(next, { nextPingAt: at + interval, ...qoe.changes });
  }
  return next;
}

/**
 * The content position at an earlier moment `at`: while playing, interpolated between the last sample
 * and the current snapshot; otherwise the frozen position (MC API: playhead does not move in pause/buffer).
 */
function playheadAt(step: Step, snap: Snapshot, at: number, now: number): number {
  const { playback, playhead, sampleAt } = step.state;
  // In a break the snapshot reads the ad; the content position is frozen where the break began.
  if (playback !== 'playing' || snap.seeking || step.state.adBreak || step.state.resuming) return playhead;
  const current = position(snap, now, step.state.live);
  if (current < playhead || now <= sampleAt) return playhead;
  const share = Math.min(1, Math.max(0, (at - sampleAt) / (now - sampleAt)));
  return playhead + (current - playhead) * share;
}

/** Dropped frames and frame rate, sent only when they changed (docs/mapping.md#qoe). */
function frameQuality(step: Step, snap: Snapshot, current: number) {
  const qoeData: QoeData = {};
  const changes: {
    droppedFrames?: number;
    fps?: number;
    frameSample?: { frames: number; playhead: number };
  } = {};
  const { droppedFrames, frameSample, fps } = step.state;
  if (snap.droppedFrames !== undefined && snap.droppedFrames !== droppedFrames) {
    qoeData['media.qoe.droppedFrames'] = snap.droppedFrames;
    changes.droppedFrames = snap.droppedFrames;
  }
  if (snap.totalFrames !== undefined) {
    const elapsed = frameSample ? current - frameSample.playhead : 0;
    if (frameSample && elapsed >= 1) {
      const rate = Math.round((snap.totalFrames - frameSample.frames) / elapsed);
      if (rate > 0 && rate !== fps) {
        qoeData['media.qoe.framesPerSecond'] = rate;
        changes.fps = rate;
      }
    }
    changes.frameSample = { frames: snap.totalFrames, playhead: current };
  }
  return { qoeData: Object.keys(qoeData).length > 0 ? qoeData : undefined, changes };
}
