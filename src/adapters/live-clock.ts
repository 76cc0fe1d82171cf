// Where a live viewer is in the stream, for the snapshot (docs/mapping.md#live-content): the program date
// time of the frame on screen when the stream carries EXT-X-PROGRAM-DATE-TIME, and how far behind the live
// edge the viewer is (video.js's live tracker) for when it does not.
import type { PlayerLike } from './player';

interface ProgramTime {
  programDateTime?: string;
}

/** What the plugin reads of VHS and the media element; every member may be missing. */
interface LiveTech {
  vhs?: { convertToProgramTime?(time: number, done: (error: unknown, t?: ProgramTime) => void): void };
  el?(): { getStartDate?(): Date } | undefined;
}

export interface LivePlayer extends PlayerLike {
  tech?(options: { IWillNotUseThisInPlugins: true }): LiveTech | undefined;
  liveTracker?: { isLive?(): boolean; liveCurrentTime?(): number };
}

export interface LivePosition {
  programTime?: number;
  behindLive?: number;
}

/** Epoch ms of the stream at player time `time`, when the player can say. */
function programTimeAt(tech: LiveTech | undefined, time: number): number | undefined {
  let at = Number.NaN;
  // VHS answers synchronously; an error means the segment's timing is not known yet.
  tech?.vhs?.convertToProgramTime?.(time, (error, t) => {
    if (!error && t?.programDateTime) at = Date.parse(t.programDateTime);
  });
  // Native HLS (Safari): the date of player time 0.
  if (Number.isNaN(at)) at = (tech?.el?.()?.getStartDate?.()?.getTime() ?? Number.NaN) + time * 1000;
  return Number.isFinite(at) ? at : undefined;
}

/**
 * A reader for one player. Program time minus player time stays constant along a source's timeline, so
 * the last good reading also places moments VHS cannot map yet (a DVR seek into segments not yet timed).
 */
export function liveClock(player: LivePlayer): (time: number) => LivePosition {
  let src = '';
  let offset: number | undefined;
  return (time) => {
    if (player.currentSrc() !== src) {
      src = player.currentSrc();
      offset = undefined;
    }
    const at = programTimeAt(player.tech?.({ IWillNotUseThisInPlugins: true }), time);
    if (at !== undefined) offset = at - time * 1000;
    const behind = (player.liveTracker?.liveCurrentTime?.() ?? Number.NaN) - time;
    return {
      ...(offset !== undefined ? { programTime: offset + time * 1000 } : {}),
      ...(behind >= 0 && Number.isFinite(behind) ? { behindLive: behind } : {}),
    };
  };
}
