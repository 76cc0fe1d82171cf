// Every Media Collection event type, rendered to the Media Edge `xdm`: one table row each.
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type McEvent, type McEventType } from '../mc/types.ts';
import { edgeEventType, renderEdgeEvent, renderMediaCollection } from './render-event.ts';
import { EDGE_EVENT_TYPES } from './types.ts';

const TS = Date.UTC(2026, 4, 19, 19, 31, 2, 234);
const ISO = '2026-05-19T19:31:02.234Z';
const SID = 'a'.repeat(64);

const at = (eventType: McEventType, playhead: number, extra: Partial<McEvent> = {}): McEvent => ({
  eventType,
  playerTime: { playhead, ts: TS },
  ...extra,
});

const START_PARAMS = {
  'analytics.trackingServer': 'example.sc.omtrdc.net',
  'analytics.reportSuite': 'rsid',
  'visitor.marketingCloudOrgId': 'ABC@AdobeOrg',
  'media.id': 'movie-1',
  'media.name': 'Movie',
  'media.length': 120.4,
  'media.contentType': 'vod',
  'media.playerName': 'video.js',
  'media.channel': 'web',
  'media.resume': true,
  'media.assetId': 'asset-9',
  'media.pass.mvpd': 'mvpd-1',
  'media.sdkVersion': '0.1.0',
  'media.streamType': 'video',
};

type Row = [label: string, event: McEvent, mediaCollection: Record<string, unknown>];

const ROWS: Row[] = [
  [
    'sessionStart: sessionDetails, integer length, QoE, custom metadata as a list; analytics/visitor dropped',
    at('sessionStart', 0, {
      params: START_PARAMS,
      qoeData: { 'media.qoe.bitrate': 2_500_400 },
      customMetadata: { show: 'x', 'a_b.c': 'y' },
    }),
    {
      playhead: 0,
      sessionDetails: {
        name: 'movie-1',
        friendlyName: 'Movie',
        length: 120,
        contentType: 'vod',
        playerName: 'video.js',
        channel: 'web',
        hasResume: true,
        assetID: 'asset-9',
        mvpd: 'mvpd-1',
        appVersion: '0.1.0',
        streamType: 'video',
      },
      qoeDataDetails: { bitrate: 2500 },
      customMetadata: [
        { name: 'show', value: 'x' },
        { name: 'a_b.c', value: 'y' },
      ],
    },
  ],
  [
    'play with time to start in ms',
    at('play', 3.6, { qoeData: { 'media.qoe.timeToStart': 1234 } }),
    { playhead: 4, qoeDataDetails: { timeToStart: 1234 } },
  ],
  [
    'ping with frames',
    at('ping', 10.2, { qoeData: { 'media.qoe.droppedFrames': 3, 'media.qoe.framesPerSecond': 29.97 } }),
    { playhead: 10, qoeDataDetails: { droppedFrames: 3, framesPerSecond: 30 } },
  ],
  ['pauseStart', at('pauseStart', 12.5), { playhead: 13 }],
  ['bufferStart', at('bufferStart', 12.49), { playhead: 12 }],
  [
    'bitrateChange: bps → kbps',
    at('bitrateChange', 20, { qoeData: { 'media.qoe.bitrate': 799_600 } }),
    { playhead: 20, qoeDataDetails: { bitrate: 800 } },
  ],
  [
    'bitrateChange without a bitrate still has the required object',
    at('bitrateChange', 20),
    { playhead: 20, qoeDataDetails: {} },
  ],
  [
    'error: errorDetails, not QoE',
    at('error', 21, {
      qoeData: { 'media.qoe.errorID': 'MEDIA_ERR_DECODE', 'media.qoe.errorSource': 'player' },
    }),
    { playhead: 21, errorDetails: { name: 'MEDIA_ERR_DECODE', source: 'player' } },
  ],
  [
    'adBreakStart: pod index and integer offset',
    at('adBreakStart', 30.2, {
      params: { 'media.ad.podIndex': 2, 'media.ad.podSecond': 30.2, 'media.ad.podFriendlyName': 'midroll' },
    }),
    { playhead: 30, advertisingPodDetails: { index: 2, offset: 30, friendlyName: 'midroll' } },
  ],
  [
    'adStart: advertisingDetails with the ad id as name',
    at('adStart', 30.2, {
      params: {
        'media.ad.id': 'ad-1',
        'media.ad.name': 'Spring sale',
        'media.ad.length': 15.5,
        'media.ad.podPosition': 1,
        'media.ad.playerName': 'video.js',
        'media.ad.campaignId': 'c',
        'media.ad.creativeId': 'cr',
        'media.ad.siteId': 's',
        'media.ad.placementId': 'p',
        'media.ad.creativeURL': 'https://cdn.example/ad.mp4',
        'media.ad.advertiser': 'ACME',
      },
      customMetadata: { campaign: 'spring' },
    }),
    {
      playhead: 30,
      advertisingDetails: {
        name: 'ad-1',
        friendlyName: 'Spring sale',
        length: 16,
        podPosition: 1,
        playerName: 'video.js',
        campaignID: 'c',
        creativeID: 'cr',
        siteID: 's',
        placementID: 'p',
        creativeURL: 'https://cdn.example/ad.mp4',
        advertiser: 'ACME',
      },
      customMetadata: [{ name: 'campaign', value: 'spring' }],
    },
  ],
  ['adComplete', at('adComplete', 30), { playhead: 30 }],
  ['adSkip', at('adSkip', 30), { playhead: 30 }],
  ['adBreakComplete', at('adBreakComplete', 30), { playhead: 30 }],
  [
    'chapterStart: chapterDetails',
    at('chapterStart', 40, {
      params: {
        'media.chapter.index': 2,
        'media.chapter.offset': 40.4,
        'media.chapter.length': 19.6,
        'media.chapter.friendlyName': 'Act 2',
      },
    }),
    { playhead: 40, chapterDetails: { index: 2, offset: 40, length: 20, friendlyName: 'Act 2' } },
  ],
  ['chapterComplete', at('chapterComplete', 60), { playhead: 60 }],
  ['chapterSkip', at('chapterSkip', 50), { playhead: 50 }],
  [
    'stateStart → statesStart',
    at('stateStart', 61, { params: { 'media.state.name': 'fullscreen' } }),
    { playhead: 61, statesStart: [{ name: 'fullscreen' }] },
  ],
  [
    'stateEnd → statesEnd',
    at('stateEnd', 62, { params: { 'media.state.name': 'mute' } }),
    { playhead: 62, statesEnd: [{ name: 'mute' }] },
  ],
  ['sessionComplete', at('sessionComplete', 120), { playhead: 120 }],
  ['sessionEnd', at('sessionEnd', 64.4), { playhead: 64 }],
];

describe('EDGE_EVENT_TYPES', () => {
  it('is the 18 endpoints of the OpenAPI document: every event type, the two state calls as statesUpdate', () => {
    expect([...EDGE_EVENT_TYPES].sort()).toEqual([...new Set(EVENT_TYPES.map(edgeEventType))].sort());
    expect(EDGE_EVENT_TYPES).toHaveLength(18);
  });
});

describe('renderMediaCollection', () => {
  it('has a row for every Media Collection event type', () => {
    expect(new Set(ROWS.map(([, event]) => event.eventType))).toEqual(new Set(EVENT_TYPES));
  });

  it.each(ROWS)('%s', (_label, event, expected) => {
    expect(renderMediaCollection(event)).toEqual(expected);
  });

  it('keeps custom metadata off events whose endpoint refuses it', () => {
    expect(renderMediaCollection(at('play', 1, { customMetadata: { a: 'b' } }))).toEqual({ playhead: 1 });
  });

  it('names an error with no id "unknown" from the player rather than sending an invalid body', () => {
    expect(renderMediaCollection(at('error', 1)).errorDetails).toEqual({ name: 'unknown', source: 'player' });
  });
});

describe('renderEdgeEvent', () => {
  it.each(ROWS.filter(([, event]) => event.eventType !== 'sessionStart'))(
    '%s: media.<type>, ISO timestamp, sessionID first',
    (_label, event, expected) => {
      const xdm = renderEdgeEvent(event, { sessionId: SID });
      expect(xdm).toEqual({
        eventType: `media.${edgeEventType(event.eventType)}`,
        timestamp: ISO,
        mediaCollection: { sessionID: SID, ...expected },
      });
      expect(Object.keys(xdm.mediaCollection)[0]).toBe('sessionID');
    },
  );

  it('sends no sessionID on sessionStart, and the identity map when given', () => {
    const identityMap = { ECID: [{ id: '123', primary: true }] };
    const xdm = renderEdgeEvent(ROWS[0][1], { sessionId: SID, identityMap });
    expect(xdm).toMatchObject({ eventType: 'media.sessionStart', timestamp: ISO, identityMap });
    expect(xdm.mediaCollection).not.toHaveProperty('sessionID');
  });

  it('refuses an in-session event without a session id', () => {
    expect(() => renderEdgeEvent(at('play', 0))).toThrow('needs the session id');
  });

  it('writes timestamps in UTC with milliseconds whatever the epoch', () => {
    expect(
      renderEdgeEvent(at('ping', 0, { playerTime: { playhead: 0, ts: 1 } }), { sessionId: SID }).timestamp,
    ).toBe('1970-01-01T00:00:00.001Z');
  });
});
