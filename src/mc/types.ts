// Adobe Streaming Media Collection API vocabulary, spelled exactly as on the wire.
// Source of truth for names and types: docs/adobe-api.md.

export const EVENT_TYPES = [
  'sessionStart',
  'sessionComplete',
  'sessionEnd',
  'play',
  'ping',
  'bufferStart',
  'pauseStart',
  'bitrateChange',
  'error',
  'adBreakStart',
  'adBreakComplete',
  'adStart',
  'adComplete',
  'adSkip',
  'chapterStart',
  'chapterComplete',
  'chapterSkip',
  'stateStart',
  'stateEnd',
] as const;

export type McEventType = (typeof EVENT_TYPES)[number];

/** `playhead` in seconds of main content (float), `ts` in epoch milliseconds (integer). */
export interface PlayerTime {
  playhead: number;
  ts: number;
}

export type ParamValue = string | number | boolean | Record<string, unknown>;
export type McParams = Record<string, ParamValue>;

/** String values only; keys `[A-Za-z0-9_.]` (MC API custom metadata rules). */
export type CustomMetadata = Record<string, string>;

export interface QoeData {
  'media.qoe.bitrate'?: number;
  'media.qoe.droppedFrames'?: number;
  'media.qoe.framesPerSecond'?: number;
  'media.qoe.timeToStart'?: number;
  'media.qoe.errorID'?: string;
  'media.qoe.errorSource'?: 'player' | 'external';
}

export interface McEvent {
  eventType: McEventType;
  playerTime: PlayerTime;
  params?: McParams;
  customMetadata?: CustomMetadata;
  qoeData?: QoeData;
}

/**
 * Player state names as the Edge API, the SDKs and the 2026 docs spell them
 * (docs/adobe-api.md#where-adobes-documents-disagree).
 */
export type StateName = 'fullscreen' | 'mute' | 'closedCaptioning' | 'pictureInPicture' | 'inFocus';

/**
 * One event on its way to the collector. `session` is the tracker's local session key: it exists
 * before the collector's sid does, so events can be queued (and later persisted) under it.
 */
export interface Outgoing {
  session: string;
  event: McEvent;
}

/** Paths of the API, relative to the endpoint. */
export const SESSIONS_PATH = '/api/v1/sessions';
export const DOWNLOADED_PATH = '/api/v1/downloaded';
export const eventsPath = (sid: string): string => `${SESSIONS_PATH}/${encodeURIComponent(sid)}/events`;
