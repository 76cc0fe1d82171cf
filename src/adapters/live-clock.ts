// Where a live viewer is in the stream, for the snapshot (docs/mapping.md#live-content): the program date
// time of the frame on screen when the stream carries EXT-X-PROGRAM-DATE-TIME, and how far behind the live
// edge the viewer is (video.js's live tracker) for when it does not.
import type { PlayerLike } from './player';

/** A media playlist segment as VHS keeps it: its place on the player's timeline once it was played. */
interface Segment {
  start?: number;
  end?: number;
  dateTimeObject?: Date;
}

/** What the plugin reads of VHS and the media element; every member may be missing. */
interface LiveTech {
  vhs?: { playlists?: { media?(): { segments?: Segment[] } | undefined } };
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
  // VHS: the segment under `time` and its EXT-X-PROGRAM-DATE-TIME. (Its convertToProgramTime() gave up
  // on this project's live stream in both browsers: it counts untimed segments from player time 0.)
  for (const s of tech?.vhs?.playlists?.media?.()?.segments ?? []) {
    if (s.dateTimeObject && s.start !== undefined && s.end !== undefined && time >= s.start && time < s.end) {
      return s.dateTimeObject.getTime() + (time - s.start) * 1000;
    }
  }
  // Native HLS (Safari): the date of player time 0.
  const at = (tech?.el?.()?.getStartDate?.()?.getTime() ?? Number.NaN) + time * 1000;
  return Number.isFinite(at) ? at : undefined;
}

/**
 * A reader for one player. Program time minus player time stays constant along a source's timeline, so
 * the last good reading also places moments VHS has not timed yet (a DVR seek into segments not yet played).
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
