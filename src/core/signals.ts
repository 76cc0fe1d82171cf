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
  /** From `getVideoPlaybackQuality()`, when the browser has it. */
  droppedFrames?: number;
  totalFrames?: number;
}

export type PlayerSignal =
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
  | { type: 'dispose' }
  /** The collector answered 404/410 for this local session. */
  | { type: 'sessionGone'; session: string };

export type SignalType = PlayerSignal['type'];
