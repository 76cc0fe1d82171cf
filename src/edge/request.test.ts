import { describe, expect, it } from 'vitest';
import type { McEvent } from '../mc/types.ts';
import { edgePath, identityFromParams, renderDownloadedRequest, renderEdgeRequest } from './request.ts';

const T0 = Date.UTC(2026, 0, 2, 3, 4, 5, 6);
const ev = (eventType: McEvent['eventType'], atMs: number, playhead: number, params?: McEvent['params']) => ({
  eventType,
  playerTime: { playhead, ts: T0 + atMs },
  ...(params ? { params } : {}),
});

describe('edgePath', () => {
  it.each([
    ['play', {}, '/ee/va/v1/play?configId=ds-1'],
    ['statesUpdate', { locationHint: 'va6' }, '/ee/va6/va/v1/statesUpdate?configId=ds-1'],
    ['downloaded', { locationHint: 'or2' }, '/ee/or2/va/v1/downloaded?configId=ds-1'],
  ] as const)('%s with %o → %s', (event, extra, expected) => {
    expect(edgePath(event, { datastreamId: 'ds-1', ...extra })).toBe(expected);
  });

  it('escapes what would break the URL', () => {
    expect(edgePath('ping', { datastreamId: 'a&b c', locationHint: 'x/y' })).toBe(
      '/ee/x%2Fy/va/v1/ping?configId=a%26b%20c',
    );
  });
});

describe('renderEdgeRequest', () => {
  it('sends stateStart and stateEnd to the statesUpdate endpoint, one event per body', () => {
    const request = renderEdgeRequest(ev('stateEnd', 0, 5, { 'media.state.name': 'mute' }), {
      datastreamId: 'ds',
      sessionId: 'sid',
      locationHint: 'va6',
    });
    expect(request).toEqual({
      path: '/ee/va6/va/v1/statesUpdate?configId=ds',
      body: {
        events: [
          {
            xdm: {
              eventType: 'media.statesUpdate',
              timestamp: '2026-01-02T03:04:05.006Z',
              mediaCollection: { sessionID: 'sid', playhead: 5, statesEnd: [{ name: 'mute' }] },
            },
          },
        ],
      },
    });
  });
});

describe('identityFromParams', () => {
  it('turns visitor.marketingCloudUserId into the ECID namespace, and nothing else into anything', () => {
    expect(identityFromParams(ev('sessionStart', 0, 0, { 'visitor.marketingCloudUserId': '4711' }))).toEqual({
      ECID: [{ id: '4711', authenticatedState: 'ambiguous', primary: true }],
    });
    expect(identityFromParams(ev('sessionStart', 0, 0, { 'media.id': 'x' }))).toBeUndefined();
    expect(identityFromParams(undefined)).toBeUndefined();
  });
});

describe('renderDownloadedRequest', () => {
  it('puts the whole session in one media.downloaded event, without session ids, each with its own time', () => {
    const identityMap = { FPID: [{ id: 'f', primary: true }] };
    const request = renderDownloadedRequest(
      [
        ev('sessionStart', 0, 0, { 'media.id': 'm', 'media.length': 60 }),
        ev('play', 1, 0),
        ev('stateStart', 2, 1.4, { 'media.state.name': 'fullscreen' }),
        ev('sessionEnd', 3, 2),
      ],
      { datastreamId: 'ds', identityMap },
    );
    expect(request.path).toBe('/ee/va/v1/downloaded?configId=ds');
    const { xdm } = request.body.events[0];
    expect(xdm.eventType).toBe('media.downloaded');
    expect(xdm.identityMap).toBe(identityMap);
    expect(xdm.mediaDownloadedEvents).toEqual([
      {
        mediaEventType: 'media.sessionStart',
        mediaEventTimestamp: '2026-01-02T03:04:05.006Z',
        mediaCollection: { playhead: 0, sessionDetails: { name: 'm', length: 60 } },
      },
      {
        mediaEventType: 'media.play',
        mediaEventTimestamp: '2026-01-02T03:04:05.007Z',
        mediaCollection: { playhead: 0 },
      },
      {
        mediaEventType: 'media.statesUpdate',
        mediaEventTimestamp: '2026-01-02T03:04:05.008Z',
        mediaCollection: { playhead: 1, statesStart: [{ name: 'fullscreen' }] },
      },
      {
        mediaEventType: 'media.sessionEnd',
        mediaEventTimestamp: '2026-01-02T03:04:05.009Z',
        mediaCollection: { playhead: 2 },
      },
    ]);
  });
});
