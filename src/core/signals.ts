import type { CustomMetadata, McParams } from '../mc/types';

// The core's input vocabulary: what the player did (a signal) and how it looks now (a snapshot).
// Adapters read video.js into these plain values; the core never sees a Player.

/** A plain reading of the player at one moment. */
export interface Snapshot {
  /** Main-content position in seconds. */
  playhead: number;
  /** Seconds; NaN while unknown, Infinity for live. */
  duration: number;
  paused: boolean;
  seeking: boolean;
  ended: boolean;
  /** The current source URL ('' before one is set). */
  src: string;
  muted: boolean;
  fullscreen: boolean;
  pictureInPicture: boolean;
  captions: boolean;
  inFocus: boolean;
  /** Live: epoch ms of the frame on screen, from the stream's EXT-X-PROGRAM-DATE-TIME. */
  programTime?: number;
  /** Live: seconds the viewer is behind the live edge (video.js's live tracker). */
  behindLive?: number;
  /** The cue of a WebVTT `chapters` track under the playhead, if the content has one. */
  chapter?: ChapterCue;
  /**
   * The site's sessionStart params for `src` (without media.length, which the core fills in), resolved
   * outside the core: present when the signal starts a session (src/streams/tracking.ts).
   */
  params?: McParams;
  /**
   * The element's `played` ranges (seconds, ordered). At a seek the browser closes the range being
   * played at the old position (docs/mapping.md#seeks).
   */
  played?: TimeRangesLike;
  /** From `getVideoPlaybackQuality()`, when the browser has it. */
  droppedFrames?: number;
  totalFrames?: number;
}

/** An HTML `TimeRanges`: a fixed copy, each read of `played` makes a new one. */
export interface TimeRangesLike {
  readonly length: number;
  start(index: number): number;
  end(index: number): number;
}

/** One cue of a chapters track: `index` is 1-based in cue order, times in seconds of content. */
export interface ChapterCue {
  index: number;
  start: number;
  end: number;
  name: string;
}

/** What an ad stack knows about one ad (adStart params: docs/adobe-api.md#ads). */
export interface AdInfo {
  /** `media.ad.id`; the ad's source URL when the stack gives none. */
  id: string;
  /** Seconds. */
  length: number;
  /** 1-based position in the break; counted by the core when absent. */
  podPosition?: number;
  name?: string;
  advertiser?: string;
  campaignId?: string;
  creativeId?: string;
  siteId?: string;
  creativeURL?: string;
  placementId?: string;
  customMetadata?: CustomMetadata;
}

/** A chapter announced by the site (manual API); automatic chapters come from the snapshot. */
export interface ChapterInfo {
  index?: number;
  offset: number;
  length: number;
  name?: string;
  customMetadata?: CustomMetadata;
}

/** Ad and chapter signals, the same from every ad stack adapter and from the manual API. */
export type AdSignal =
  | { type: 'adBreakStart'; name?: string }
  | { type: 'adStart'; ad: AdInfo }
  | { type: 'adComplete' }
  | { type: 'adSkip' }
  | { type: 'adBreakComplete' }
  /** Main content reached its end; a post-roll may still follow (contrib-ads `contentended`). */
  | { type: 'contentEnded' }
  | { type: 'chapterStart'; chapter: ChapterInfo }
  | { type: 'chapterComplete' }
  | { type: 'chapterSkip' };

export type PlayerSignal =
  | AdSignal
  /** Play intent: the viewer (or autoplay) asked to play. */
  | { type: 'play' }
  /** Media is rendering frames again. */
  | { type: 'playing' }
  | { type: 'pause' }
  | { type: 'seeking' }
  | { type: 'seeked' }
  | { type: 'waiting' }
  | { type: 'timeupdate' }
  | { type: 'ended' }
  /** The duration became known or changed (a pending sessionStart may now be built). */
  | { type: 'durationchange' }
  /** A source is loading; the snapshot tells whether it is a new one. */
  | { type: 'loadstart' }
  | { type: 'error'; code: string; source: 'player' | 'external' }
  /** Declared bitrate (bits per second) of the rendition now playing. */
  | { type: 'bitrate'; bitrate: number }
  /** Mute, fullscreen, picture-in-picture, captions or focus may have changed. */
  | { type: 'statechange' }
  /** A wake-up: nothing happened, but time passed (pings, stall filter, timeouts). */
  | { type: 'tick' }
  | { type: 'pagehide'; persisted: boolean }
  /** The page came back from the back/forward cache (`persisted`), or loaded. */
  | { type: 'pageshow'; persisted: boolean }
  | { type: 'dispose' }
  /** The collector answered 404/410 for this local session. */
  | { type: 'sessionGone'; session: string };

export type SignalType = PlayerSignal['type'];
