// Valid example events for the emulator's tests: one per event type, and a timeline builder.
import type { McEvent, McEventType, McParams } from '../mc/types.ts';

export const T0 = 1_750_000_000_000;

export const SESSION_START_PARAMS: McParams = {
  'analytics.trackingServer': 'example.sc.omtrdc.net',
  'analytics.reportSuite': 'examplersid',
  'visitor.marketingCloudOrgId': 'ABC123@AdobeOrg',
  'media.id': 'video-1',
  'media.length': 120,
  'media.contentType': 'vod',
  'media.playerName': 'video.js',
  'media.channel': 'demo',
};

const PARAMS: Partial<Record<McEventType, McParams>> = {
  sessionStart: SESSION_START_PARAMS,
  adBreakStart: { 'media.ad.podIndex': 1, 'media.ad.podSecond': 0 },
  adStart: {
    'media.ad.id': 'ad-1',
    'media.ad.length': 15,
    'media.ad.podPosition': 1,
    'media.ad.playerName': 'video.js',
  },
  chapterStart: { 'media.chapter.index': 1, 'media.chapter.offset': 0, 'media.chapter.length': 20 },
  stateStart: { 'media.state.name': 'fullscreen' },
  stateEnd: { 'media.state.name': 'fullscreen' },
};

/** A valid event of this type at T0 + `atMs`, playhead `playhead`; `params` replace the defaults. */
export function ev(eventType: McEventType, atMs = 0, playhead = 0, params?: McParams): McEvent {
  const chosen = params ?? PARAMS[eventType];
  return { eventType, playerTime: { playhead, ts: T0 + atMs }, ...(chosen ? { params: chosen } : {}) };
}

export const start = (atMs = 0, params: McParams = {}): McEvent =>
  ev('sessionStart', atMs, 0, { ...SESSION_START_PARAMS, ...params });

/** A deep copy to mutate in a table row. */
export const copy = <T>(value: T): T => structuredClone(value);
