// The slice of a video.js 8 Player the plugin reads. Structural, so tests can pass a plain object.
import type { TimeRangesLike } from '../core/signals';

export type Handler = (event?: unknown) => void;

export interface EventSource {
  on(type: string | string[], handler: Handler): void;
  off(type: string | string[], handler: Handler): void;
}

export interface TextTrackLike {
  kind: string;
  mode: string;
}

export interface QualityLevelsLike extends EventSource {
  readonly length: number;
  readonly selectedIndex: number;
  [index: number]: { bitrate?: number } | undefined;
}

export interface PlayerLike extends EventSource {
  currentTime(): number;
  duration(): number;
  paused(): boolean;
  seeking(): boolean;
  /** The ranges of content played; video.js 8 has it (optional for plain test players). */
  played?(): TimeRangesLike | undefined;
  ended(): boolean;
  currentSrc(): string;
  muted(): boolean;
  isFullscreen(): boolean;
  isInPictureInPicture?(): boolean;
  textTracks(): ArrayLike<TextTrackLike> & Partial<EventSource> & { addEventListener?: unknown };
  error(): { code: number } | null;
  getVideoPlaybackQuality?(): { droppedVideoFrames: number; totalVideoFrames: number } | undefined;
  qualityLevels?(): QualityLevelsLike;
  isDisposed?(): boolean;
  trigger(event: string, data?: unknown): void;
}
