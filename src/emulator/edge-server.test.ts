// The Media Edge routes as served by a real standalone server (port 0), driven with fetch.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readEdgeAnswer } from '../edge/answer.ts';
import { renderDownloadedRequest, renderEdgeRequest } from '../edge/request.ts';
import type { McEvent } from '../mc/types.ts';
import { EDGE_ECID, EDGE_LOCATION_HINT, EDGE_ORG_ID } from './edge-replies.ts';
import { type EmulatorServer, startEmulatorServer } from './server.ts';
import { copy, ev, start, T0 } from './test-fixtures.ts';

let clock = T0;
let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, now: () => clock });
});
afterAll(() => server.close());
beforeEach(() => {
  clock = T0;
  server.emulator.reset();
});

const ORIGIN = 'http://127.0.0.1:5173';
const post = (path: string, body: unknown, contentType = 'text/plain;charset=UTF-8') =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, Origin: ORIGIN },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const send = (event: McEvent, sessionId?: string, hint?: string) => {
  const { path, body } = renderEdgeRequest(event, {
    datastreamId: 'ds-1',
    ...(sessionId ? { sessionId } : {}),
    ...(hint ? { locationHint: hint } : {}),
  });
  return post(path, body);
};

async function openSession(): Promise<string> {
  const answer = readEdgeAnswer(await (await send(start())).json());
  return answer.sessionId!;
}

describe('sessionStart', () => {
  it('answers 200 with the session id, the location hint and the cookies alloy writes, with CORS for the origin', async () => {
    const response = await send(start());
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    const body = await response.json();
    expect(readEdgeAnswer(body)).toEqual({
      sessionId: expect.stringMatching(/^[0-9a-f]{64}$/),
      locationHint: { hint: EDGE_LOCATION_HINT, ttlSeconds: 1800 },
      errors: [],
    });
    const cookies = body.handle.find((h: { type: string }) => h.type === 'state:store').payload;
    expect(cookies.map((c: { key: string }) => c.key)).toEqual([
      `kndctr_${EDGE_ORG_ID.replace('@', '_')}_cluster`,
      `kndctr_${EDGE_ORG_ID.replace('@', '_')}_identity`,
    ]);
    const [session] = server.emulator.sessions();
    expect(session).toMatchObject({ api: 'edge', closed: 'open', downloaded: false });
    expect(session.events[0]).toMatchObject({ status: 200, event: { eventType: 'sessionStart' } });
  });

  it('hands out its ECID in the identity cookie, readable as the Edge’s stored identity (field 1)', async () => {
    const body = await (await send(start())).json();
    const cookies = body.handle.find((h: { type: string }) => h.type === 'state:store').payload;
    const bytes = Buffer.from(cookies[1].value, 'base64');
    expect(bytes[0]).toBe(0x0a); // field 1, length-delimited
    expect(bytes.subarray(2, 2 + bytes[1]!).toString()).toBe(EDGE_ECID);
  });

  it('answers 207 with errors[] and no session when the sessionStart is invalid', async () => {
    const { path, body } = renderEdgeRequest(start(), { datastreamId: 'ds-1' });
    delete (body.events[0].xdm.mediaCollection as { sessionDetails: { name?: string } }).sessionDetails.name;
    const response = await post(path, body);
    expect(response.status).toBe(207);
    expect(readEdgeAnswer(await response.json())).toMatchObject({
      errors: [
        {
          status: 400,
          type: 'https://ns.adobe.com/aep/errors/va-edge-0400-400',
          eventIndex: 0,
          details: [{ name: '$.xdm.mediaCollection.sessionDetails.name', reason: 'Missing required field' }],
        },
      ],
    });
    expect(readEdgeAnswer(body).sessionId).toBeUndefined();
    expect(server.emulator.sessions()).toEqual([]);
    expect(server.emulator.report().validationErrors).toMatchObject([{ status: 207 }]);
  });

  it('opens sessions from the media.sessionStart events of /v1/interact, by event index', async () => {
    const media = renderEdgeRequest(start(), { datastreamId: 'ds' }).body.events[0];
    const pageView = { xdm: { eventType: 'web.webpagedetails.pageViews', web: {} } };
    const response = await post(`/ee/${EDGE_LOCATION_HINT}/v1/interact?configId=ds`, {
      events: [pageView, media],
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.handle[0]).toMatchObject({ type: 'media-analytics:new-session', eventIndex: 1 });
    expect(server.emulator.sessions()).toHaveLength(1);
  });

  it('opens the session but answers 207 for an injected upstream failure', async () => {
    server.emulator.addFault({ status: 207, match: 'sessions', times: 1 });
    const response = await send(start());
    expect(response.status).toBe(207);
    const answer = readEdgeAnswer(await response.json());
    expect(answer.sessionId).toMatch(/^[0-9a-f]{64}$/);
    expect(answer.errors).toMatchObject([{ status: 502 }]);
  });
});

describe('events', () => {
  it('answers 204 on the hinted path and records the event in its Media Collection form', async () => {
    const sid = await openSession();
    clock += 1000;
    const response = await send({ ...ev('play', 10, 1.6) }, sid, EDGE_LOCATION_HINT);
    expect(response.status).toBe(204);
    const [session] = server.emulator.sessions();
    expect(session.events[1]).toMatchObject({
      status: 204,
      event: { eventType: 'play', playerTime: { playhead: 2, ts: T0 + 10 } },
      edge: { eventType: 'media.play', mediaCollection: { sessionID: sid, playhead: 2 } },
    });
  });

  it('answers 400 problem+json listing every field, and records it against the session', async () => {
    const sid = await openSession();
    const { path, body } = renderEdgeRequest(ev('adBreakStart', 1, 0), {
      datastreamId: 'ds',
      sessionId: sid,
    });
    const broken = copy(body);
    const media = broken.events[0].xdm.mediaCollection as Record<string, unknown>;
    media.playhead = 0.5;
    delete media.advertisingPodDetails;
    const response = await post(path, broken);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({
      type: 'https://ns.adobe.com/aep/errors/va-edge-0400-400',
      status: 400,
      title: 'Bad Request',
      report: {
        details: [
          { name: '$.events[0].xdm.mediaCollection.advertisingPodDetails', reason: 'Missing required field' },
          { name: '$.events[0].xdm.mediaCollection.playhead', reason: 'Field should be an integer (int32)' },
        ],
      },
    });
    expect(server.emulator.sessions()[0].rejected).toHaveLength(1);
  });

  it('answers 404 for an unknown session and 410 once it was ended', async () => {
    expect((await send(ev('ping', 1, 0), 'nope')).status).toBe(404);
    const sid = await openSession();
    expect((await send(ev('sessionEnd', 1, 0), sid)).status).toBe(204);
    const gone = await send(ev('ping', 2, 0), sid);
    expect(gone.status).toBe(410);
    expect(await gone.json()).toMatchObject({ status: 410, title: 'Gone' });
    expect(server.emulator.report().notFound).toHaveLength(1);
  });

  it('runs the same sequence rules as on the Media Collection API', async () => {
    const sid = await openSession();
    await send(ev('adStart', 1, 0), sid);
    expect(server.emulator.report().findings).toMatchObject([{ rule: 'ad-outside-break', eventIndex: 1 }]);
  });

  it('answers injected faults as Edge problems, with Retry-After readable cross-origin', async () => {
    const sid = await openSession();
    server.emulator.addFault({ status: 503, match: 'events', times: 1, retryAfter: 3 });
    const response = await send(ev('ping', 1, 0), sid);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(await response.json()).toMatchObject({ status: 503, title: 'Injected fault' });
  });

  it.each([
    ['application/xml', 415],
    ['application/json', 204],
  ])('answers Content-Type %s with %i', async (contentType, status) => {
    const sid = await openSession();
    const { path, body } = renderEdgeRequest(ev('ping', 1, 0), { datastreamId: 'ds', sessionId: sid });
    expect((await post(path, body, contentType)).status).toBe(status);
  });

  it('refuses a request without configId as the Edge does an unknown datastream', async () => {
    const response = await post('/ee/va/v1/ping', {});
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ type: 'https://ns.adobe.com/aep/errors/EXEG-0003-400' });
  });

  it('logs every Edge request as received, path and query included', async () => {
    await openSession();
    await post('/ee/va/v1/nonsense?configId=ds', {});
    expect(server.emulator.report().edgeRequests).toMatchObject([
      { path: '/ee/va/v1/sessionStart?configId=ds-1', status: 200 },
    ]);
  });
});

describe('downloaded', () => {
  it('records the whole session, closed, and answers 200 with its new id', async () => {
    const events = [start(), ev('play', 1, 0), ev('ping', 10_001, 10), ev('sessionEnd', 10_002, 10)];
    const { path, body } = renderDownloadedRequest(events, {
      datastreamId: 'ds',
      identityMap: { FPID: [{ id: 'f' }] },
    });
    const response = await post(path, body);
    expect(response.status).toBe(200);
    expect(readEdgeAnswer(await response.json()).sessionId).toMatch(/^[0-9a-f]{64}$/);
    const [session] = server.emulator.sessions();
    expect(session).toMatchObject({ api: 'edge', downloaded: true, closed: 'ended', findings: [] });
    expect(session.events.map((e) => (e.event as McEvent).eventType)).toEqual([
      'sessionStart',
      'play',
      'ping',
      'sessionEnd',
    ]);
  });
});

describe('identity', () => {
  it('answers /v1/identity/acquire (alloy getIdentity) with the ECID as identity:result, opening no session', async () => {
    const body = { events: [], query: { identity: { fetch: ['ECID'] } } };
    for (const path of [
      '/ee/v1/identity/acquire?configId=ds',
      `/ee/${EDGE_LOCATION_HINT}/v1/identity/acquire?configId=ds`,
    ]) {
      const response = await post(path, body);
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      const answer = await response.json();
      expect(answer.handle[0]).toEqual({
        type: 'identity:result',
        payload: [{ id: EDGE_ECID, namespace: { code: 'ECID' } }],
      });
    }
    expect(server.emulator.sessions()).toEqual([]);
  });
});
