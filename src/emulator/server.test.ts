// The MC API as served by a real standalone server (port 0), driven with fetch.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type EmulatorServer, startEmulatorServer } from './server.ts';
import { ev, start, T0 } from './test-fixtures.ts';

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

const post = (path: string, body: unknown, contentType = 'application/json') =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: JSON.stringify(body),
  });

async function openSession(): Promise<string> {
  const response = await post('/api/v1/sessions', start());
  return response.headers.get('Location')!.split('/').pop()!;
}

const ADOBE_CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'OPTIONS,POST,PUT',
  'access-control-allow-headers': 'Content-Type',
  'access-control-expose-headers': 'Location',
};
const corsOf = (response: Response) =>
  Object.fromEntries(Object.keys(ADOBE_CORS).map((name) => [name, response.headers.get(name)]));

describe('POST /api/v1/sessions', () => {
  it('answers 201 with an empty octet-stream body, a relative Location and CORS headers', async () => {
    const response = await post('/api/v1/sessions', start());
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('location')).toMatch(/^\/api\/v1\/sessions\/[0-9a-f]{64}$/);
    expect(corsOf(response)).toEqual(ADOBE_CORS);
    expect(await response.text()).toBe('');
  });

  it('records the session with its resume flag', async () => {
    await post('/api/v1/sessions', start(0, { 'media.resume': true }));
    const [session] = server.emulator.sessions();
    expect(session).toMatchObject({ downloaded: false, resume: true, closed: 'open', createdAt: T0 });
    expect(session.events).toEqual([
      { receivedAt: T0, status: 201, event: start(0, { 'media.resume': true }) },
    ]);
  });

  it('answers 400 {message} naming the field, and records every problem', async () => {
    const body = { ...start(), params: { 'media.id': 'x' } };
    const response = await post('/api/v1/sessions', body);
    expect(response.status).toBe(400);
    expect(corsOf(response)).toEqual(ADOBE_CORS);
    expect(await response.json()).toEqual({
      message:
        'params need analytics.trackingServer, analytics.reportSuite, visitor.marketingCloudOrgId, media.length, media.contentType, media.playerName, media.channel (required on sessionStart).',
    });
    const { validationErrors, sessions } = server.emulator.report();
    expect(sessions).toEqual([]);
    expect(validationErrors).toMatchObject([{ path: '/api/v1/sessions', status: 400, body }]);
    expect(validationErrors[0].problems).toHaveLength(1);
  });

  it.each([
    ['text/plain', JSON.stringify(start()), 'Content-Type must be application/json'],
    ['application/json', '{"eventType":', 'not valid JSON'],
  ])('answers 400 for Content-Type %s with body %s', async (contentType, body, fragment) => {
    const response = await fetch(`${server.url}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain(fragment);
  });
});

describe('POST /api/v1/sessions/{sid}/events', () => {
  it('answers 204 with no body and records the event', async () => {
    const sid = await openSession();
    const response = await post(`/api/v1/sessions/${sid}/events`, ev('play', 1, 0));
    expect(response.status).toBe(204);
    expect(corsOf(response)).toEqual(ADOBE_CORS);
    expect(await response.text()).toBe('');
    expect(server.emulator.sessions()[0].events.map((e) => e.status)).toEqual([201, 204]);
  });

  it('answers 400 for an invalid event and keeps it out of events', async () => {
    const sid = await openSession();
    const response = await post(`/api/v1/sessions/${sid}/events`, { ...ev('ping', 1, 0), params: {} });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain('ping must not carry params');
    const [session] = server.emulator.sessions();
    expect(session.events).toHaveLength(1);
    expect(session.rejected).toMatchObject([{ status: 400, message: expect.stringContaining('ping') }]);
  });

  it('answers 400 for a sessionStart sent to the events URL', async () => {
    const sid = await openSession();
    const response = await post(`/api/v1/sessions/${sid}/events`, start(1));
    expect(response.status).toBe(400);
  });

  it('answers 404 {message} for an unknown sid', async () => {
    const response = await post(`/api/v1/sessions/${'0'.repeat(64)}/events`, ev('play', 1, 0));
    expect(response.status).toBe(404);
    expect((await response.json()).message).toContain('not found');
    expect(server.emulator.report().notFound).toMatchObject([{ status: 404, sid: '0'.repeat(64) }]);
  });

  it('answers 410 after sessionEnd, recording the event and an after-session-end finding', async () => {
    const sid = await openSession();
    expect((await post(`/api/v1/sessions/${sid}/events`, ev('sessionEnd', 1, 0))).status).toBe(204);
    const response = await post(`/api/v1/sessions/${sid}/events`, ev('ping', 2, 0));
    expect(response.status).toBe(410);
    expect((await response.json()).message).toContain('closed by sessionEnd');
    const [session] = server.emulator.sessions();
    expect(session.closed).toBe('ended');
    expect(session.events.map((e) => e.status)).toEqual([201, 204, 410]);
    expect(session.findings).toMatchObject([{ rule: 'after-session-end', eventIndex: 2 }]);
  });

  it('answers 410 once no event arrived for longer than idleTimeoutMs', async () => {
    const sid = await openSession();
    clock += 600_000;
    expect((await post(`/api/v1/sessions/${sid}/events`, ev('ping', 1, 0))).status).toBe(204);
    clock += 600_001;
    const response = await post(`/api/v1/sessions/${sid}/events`, ev('ping', 2, 0));
    expect(response.status).toBe(410);
    expect((await response.json()).message).toContain('no event for more than 600000 ms');
    expect(server.emulator.sessions()[0]).toMatchObject({ closed: 'expired', findings: [] });
  });

  it('answers 410 once the playhead has not moved for longer than stalledTimeoutMs', async () => {
    server.emulator.configure({ stalledTimeoutMs: 1000 });
    const sid = await openSession();
    clock += 600;
    await post(`/api/v1/sessions/${sid}/events`, ev('ping', 1, 0));
    clock += 600;
    const response = await post(`/api/v1/sessions/${sid}/events`, ev('ping', 2, 0));
    expect(response.status).toBe(410);
    expect((await response.json()).message).toContain('playhead has not moved');
  });

  it('shows a session as expired in the listing without another event', async () => {
    await openSession();
    clock += 600_001;
    expect(server.emulator.sessions()[0].closed).toBe('expired');
  });
});

describe('POST /api/v1/downloaded', () => {
  it('answers 201 and records a closed, downloaded session with its findings', async () => {
    const batch = [start(0), ev('play', 1, 0), ev('adStart', 2, 0), ev('sessionEnd', 3, 0)];
    const response = await post('/api/v1/downloaded', batch);
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBeNull();
    const [session] = server.emulator.sessions();
    expect(session).toMatchObject({ downloaded: true, closed: 'ended' });
    expect(session.events.map((e) => e.status)).toEqual([201, 201, 201, 201]);
    expect(session.findings.map((f) => f.rule)).toEqual(['ad-outside-break']);
  });

  it('answers 400 and records nothing when one event is invalid', async () => {
    const response = await post('/api/v1/downloaded', [start(0), { ...ev('ping', 1, 0), params: {} }]);
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain('Event [1]: ping must not carry params');
    expect(server.emulator.sessions()).toEqual([]);
  });

  it('answers 400 when the batch does not start with sessionStart', async () => {
    expect((await post('/api/v1/downloaded', [ev('play', 1, 0)])).status).toBe(400);
    expect((await post('/api/v1/downloaded', [])).status).toBe(400);
  });
});

describe('routing and CORS', () => {
  it.each(['/api/v1/sessions', '/api/v1/sessions/abc/events', '/__emulator/report', '/anything'])(
    'answers OPTIONS %s with 204 and CORS headers',
    async (path) => {
      const response = await fetch(`${server.url}${path}`, { method: 'OPTIONS' });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-headers')).toBe('Content-Type');
    },
  );

  it.each([
    ['GET', '/api/v1/sessions'],
    ['POST', '/api/v1/schemas'],
    ['GET', '/__emulator/nothing'],
    ['GET', '/'],
  ])('answers %s %s with 404 {message} and CORS headers', async (method, path) => {
    const response = await fetch(`${server.url}${path}`, { method });
    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect((await response.json()).message).toContain('No route');
  });

  it('counts API requests in the report', async () => {
    await openSession();
    await post('/api/v1/downloaded', []);
    await fetch(`${server.url}/api/v1/sessions`, { method: 'OPTIONS' });
    expect(server.emulator.report().requests).toBe(2);
  });
});
