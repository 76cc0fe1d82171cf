// The Edge protocol: what a queued Media Collection event becomes on the wire, and what the Edge's
// answers mean for delivery (docs/edge.md#delivery-through-the-edge).
import { describe, expect, it, vi } from 'vitest';
import type { Answer } from '../delivery/exchange.ts';
import type { McEvent } from '../mc/types.ts';
import { edgeProtocol } from './edge-protocol.ts';
import { createEdgeTransport } from './transport.ts';

const START: McEvent = {
  eventType: 'sessionStart',
  playerTime: { playhead: 0, ts: Date.UTC(2026, 0, 2, 3, 4, 5, 6) },
  params: {
    'media.id': 'movie',
    'media.length': 60.4,
    'media.contentType': 'vod',
    'media.playerName': 'video.js',
    'media.channel': 'web',
    'analytics.reportSuite': 'rsid',
    'visitor.marketingCloudUserId': 'ECID-1',
  },
};
const PLAY: McEvent = { eventType: 'play', playerTime: { playhead: 3.6, ts: START.playerTime.ts + 4000 } };
const protocol = edgeProtocol({
  datastreamId: 'ds 1',
  transport: async () => ({ status: 204, location: null, retryAfter: null }),
});
const answer = (status: number, body?: unknown): Answer => ({
  verdict: 'delivered',
  status,
  location: null,
  reason: 'status',
  message: '',
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
const NEW_SESSION = {
  type: 'media-analytics:new-session',
  eventIndex: 0,
  payload: [{ sessionId: 'edge-sid' }],
};
const HINT = {
  type: 'locationHint:result',
  payload: [{ scope: 'EdgeNetwork', hint: 'va6', ttlSeconds: 1800 }],
};

describe('edgeProtocol', () => {
  it('renders a sessionStart for /va/v1/sessionStart with the ECID as identityMap and no analytics.*', () => {
    const { path, body } = protocol.start(START);
    expect(path).toBe('/ee/va/v1/sessionStart?configId=ds%201');
    const { xdm } = JSON.parse(body).events[0];
    expect(xdm).toMatchObject({
      eventType: 'media.sessionStart',
      timestamp: '2026-01-02T03:04:05.006Z',
      identityMap: { ECID: [{ id: 'ECID-1', authenticatedState: 'ambiguous', primary: true }] },
      mediaCollection: { playhead: 0, sessionDetails: { name: 'movie', length: 60, channel: 'web' } },
    });
    expect(body).not.toContain('rsid');
  });

  it('renders later events with the session id, integer playheads and the session’s location hint', () => {
    const { path, body } = protocol.event({ session: 's', sid: 'edge-sid', api: 'edge', hint: 'va6' }, PLAY);
    expect(path).toBe('/ee/va6/va/v1/play?configId=ds%201');
    expect(JSON.parse(body).events[0].xdm.mediaCollection).toEqual({ sessionID: 'edge-sid', playhead: 4 });
    expect(protocol.event({ session: 's', sid: 'x', api: 'edge' }, PLAY).path).toBe(
      '/ee/va/v1/play?configId=ds%201',
    );
  });

  it('reads the session id and hint from a 200, and keeps a session a 207 still opened', () => {
    expect(protocol.started(answer(200, { handle: [NEW_SESSION, HINT] }), '')).toEqual({
      sid: 'edge-sid',
      api: 'edge',
      hint: 'va6',
    });
    const upstream = { status: 502, title: 'Upstream failed', type: 'x' };
    expect(protocol.started(answer(207, { handle: [NEW_SESSION], errors: [upstream] }), '')).toEqual({
      sid: 'edge-sid',
      api: 'edge',
    });
  });

  it('a 2xx without a session id is no session: the problems named, or the datastream suspected', () => {
    const invalid = {
      type: 'https://ns.adobe.com/aep/errors/va-edge-0400-400',
      status: 400,
      title: 'Invalid request',
      report: { details: [{ name: '$.xdm.timestamp', reason: 'Field should respect ISO 8601' }] },
    };
    expect(protocol.started(answer(207, { handle: [], errors: [invalid] }), '')).toEqual({
      message:
        'The Edge answered HTTP 207 without a media session id: Invalid request ($.xdm.timestamp Field should respect ISO 8601)',
    });
    expect(protocol.started(answer(200, { handle: [HINT] }), '')).toEqual({
      message: expect.stringContaining('is Media Analytics enabled on the datastream?'),
    });
    expect(protocol.started(answer(200), '')).toMatchObject({ message: expect.any(String) });
  });

  it('a downloaded batch: one request, each event with its own timestamp, the ECID as identityMap', () => {
    const request = protocol.downloaded([START, PLAY]);
    if ('message' in request) throw new Error(request.message);
    expect(request.path).toBe('/ee/va/v1/downloaded?configId=ds%201');
    const { xdm } = JSON.parse(request.body).events[0];
    expect(xdm.identityMap.ECID[0].id).toBe('ECID-1');
    expect(xdm.mediaDownloadedEvents.map((e: { mediaEventType: string }) => e.mediaEventType)).toEqual([
      'media.sessionStart',
      'media.play',
    ]);
    expect(xdm.mediaDownloadedEvents[1]).not.toHaveProperty('mediaCollection.sessionID');
  });

  it('no downloaded batch without an ECID (the OpenAPI document requires identityMap there)', () => {
    const { 'visitor.marketingCloudUserId': _ecid, ...params } = START.params!;
    expect(protocol.downloaded([{ ...START, params }, PLAY])).toEqual({
      message: expect.stringContaining('ECID'),
    });
  });
});

describe('createEdgeTransport', () => {
  const stub = (response: Response) => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => response);
    return { fetch: fetch as unknown as typeof globalThis.fetch, calls: fetch.mock.calls };
  };

  it('posts text/plain with credentials (no preflight; the Edge cookies travel) and returns the body', async () => {
    const { fetch, calls } = stub(new Response('{"handle":[]}', { status: 200 }));
    const answer = await createEdgeTransport({ fetch })({ url: 'https://e/x', body: '{}', keepalive: true });
    expect(answer).toEqual({ status: 200, location: null, retryAfter: null, body: '{"handle":[]}' });
    expect(calls[0]![1]).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      credentials: 'include',
      keepalive: true,
    });
  });

  it('an error status carries the problem’s title, detail and fields as its message', async () => {
    const problem = {
      type: 'https://ns.adobe.com/aep/errors/va-edge-0400-400',
      status: 400,
      title: 'Invalid request',
      detail: 'Invalid request. Please check your input and try again.',
      report: { details: 'The payload eventType media.play was different from the path eventType ping' },
    };
    const { fetch } = stub(
      new Response(JSON.stringify(problem), { status: 400, headers: { 'Retry-After': '3' } }),
    );
    const answer = await createEdgeTransport({ fetch })({ url: 'https://e/x', body: '{}' });
    expect(answer).toMatchObject({
      status: 400,
      retryAfter: '3',
      message:
        'Invalid request: Invalid request. Please check your input and try again. (The payload eventType media.play was different from the path eventType ping)',
    });
  });

  it('rejects with code network or timeout when no answer comes', async () => {
    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof globalThis.fetch;
    await expect(
      createEdgeTransport({ fetch: failing })({ url: 'https://e/x', body: '' }),
    ).rejects.toMatchObject({
      code: 'network',
      message: 'Failed to fetch',
    });
    const hanging = ((_: unknown, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      )) as unknown as typeof globalThis.fetch;
    await expect(
      createEdgeTransport({ fetch: hanging, timeoutMs: 5 })({ url: 'https://e/x', body: '' }),
    ).rejects.toMatchObject({
      code: 'timeout',
    });
  });
});
