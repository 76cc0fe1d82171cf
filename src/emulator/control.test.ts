// The /__emulator/* control routes and injected faults, through a real standalone server (port 0).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config.ts';
import { type EmulatorServer, startEmulatorServer } from './server.ts';
import { ev, start, T0 } from './test-fixtures.ts';

let clock = T0;
let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, now: () => clock, idleTimeoutMs: 60_000 });
});
afterAll(() => server.close());
beforeEach(() => {
  clock = T0;
  server.emulator.reset();
});

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const control = async (method: string, route: string, body?: unknown) => {
  const response = await fetch(`${server.url}/__emulator/${route}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
};
const openSession = async () =>
  (await post('/api/v1/sessions', start())).headers.get('location')!.split('/').pop()!;

describe('GET /__emulator/sessions and /__emulator/report', () => {
  it('serve the recorded sessions and the report with CORS for GET', async () => {
    const sid = await openSession();
    await post(`/api/v1/sessions/${sid}/events`, ev('adStart', 1, 0));
    await post('/api/v1/sessions', { eventType: 'sessionStart' });
    const sessions = await control('GET', 'sessions');
    expect(sessions.status).toBe(200);
    expect(sessions.headers.get('access-control-allow-methods')).toBe('OPTIONS,POST,PUT,GET,DELETE');
    expect(sessions.body).toMatchObject([
      {
        sid,
        api: 'mc',
        downloaded: false,
        resume: false,
        closed: 'open',
        createdAt: T0,
        events: [{}, {}],
        rejected: [],
      },
    ]);
    const report = await control('GET', 'report');
    expect(Object.keys(report.body).sort()).toEqual(
      [
        'duplicates',
        'edgeRequests',
        'faulted',
        'findings',
        'notFound',
        'requests',
        'sessions',
        'validationErrors',
      ].sort(),
    );
    expect(report.body.findings).toMatchObject([{ rule: 'ad-outside-break', sid, eventIndex: 1 }]);
    expect(report.body.validationErrors).toMatchObject([
      { path: '/api/v1/sessions', status: 400, message: 'playerTime is required.' },
    ]);
    expect(report.body.requests).toBe(3);
    expect(report.body.edgeRequests).toEqual([]);
  });
});

describe('faults', () => {
  it('answers the status for `times` matching requests, with Retry-After, without recording', async () => {
    const added = await control('POST', 'faults', {
      status: 503,
      times: 2,
      retryAfter: 7,
      match: 'sessions',
    });
    expect(added).toMatchObject({
      status: 201,
      body: { id: expect.any(Number), remaining: 2, match: 'sessions' },
    });
    for (let i = 0; i < 2; i += 1) {
      const response = await post('/api/v1/sessions', start());
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('7');
      expect(response.headers.get('access-control-expose-headers')).toBe('Location, Retry-After');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(await response.json()).toEqual({ message: 'Injected fault: HTTP 503.' });
    }
    expect((await post('/api/v1/sessions', start())).status).toBe(201);
    const report = await control('GET', 'report');
    expect(report.body.sessions).toHaveLength(1);
    expect(report.body.faulted).toMatchObject([{ status: 503 }, { status: 503 }]);
  });

  it('applies only to the matching route', async () => {
    const sid = await openSession();
    await control('POST', 'faults', { status: 500, match: 'downloaded' });
    expect((await post(`/api/v1/sessions/${sid}/events`, ev('play', 1, 0))).status).toBe(204);
    expect((await post('/api/v1/downloaded', [start()])).status).toBe(500);
  });

  it('sends a custom body', async () => {
    await control('POST', 'faults', { status: 429, body: { message: 'slow down' } });
    expect(await (await post('/api/v1/sessions', start())).json()).toEqual({ message: 'slow down' });
  });

  it('stays active for forMs only (injected clock)', async () => {
    await control('POST', 'faults', { status: 500, forMs: 1000 });
    clock += 999;
    expect((await post('/api/v1/sessions', start())).status).toBe(500);
    clock += 1;
    expect((await post('/api/v1/sessions', start())).status).toBe(201);
  });

  it('refuses the connection so fetch rejects', async () => {
    await control('POST', 'faults', { refuse: true, times: 1 });
    await expect(post('/api/v1/sessions', start())).rejects.toThrow();
    expect((await post('/api/v1/sessions', start())).status).toBe(201);
    expect((await control('GET', 'report')).body.faulted).toMatchObject([{ status: 'refused' }]);
  });

  it('records nothing of a request whose client gave up during the latency (it never arrived)', async () => {
    await control('POST', 'faults', { latencyMs: 300, times: 1 });
    await expect(
      fetch(`${server.url}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(start()),
        signal: AbortSignal.timeout(50),
      }),
    ).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const report = (await control('GET', 'report')).body;
    expect(report.sessions).toEqual([]);
    expect(report.faulted).toMatchObject([{ status: 'abandoned' }]);
  });

  it('delays the answer by latencyMs', async () => {
    await control('POST', 'faults', { latencyMs: 150, times: 1 });
    const began = performance.now();
    expect((await post('/api/v1/sessions', start())).status).toBe(201);
    expect(performance.now() - began).toBeGreaterThanOrEqual(140);
  });

  it('never applies to control routes or preflights, and DELETE clears them', async () => {
    await control('POST', 'faults', { status: 503 });
    expect((await control('GET', 'sessions')).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/sessions`, { method: 'OPTIONS' })).status).toBe(204);
    expect((await control('GET', 'faults')).body).toHaveLength(1);
    expect((await control('DELETE', 'faults')).status).toBe(204);
    expect((await post('/api/v1/sessions', start())).status).toBe(201);
  });

  it.each([
    [{}, 'needs at least one of'],
    [{ status: 42 }, '"status" must be an integer HTTP status'],
    [{ status: 500, match: 'pings' }, '"match" must be one of'],
    [{ status: 500, times: 1.5 }, '"times" must be an integer'],
    [{ status: 500, latencyMs: -1 }, '"latencyMs" must be a number ≥ 0'],
    [{ status: 500, colour: 'red' }, 'Unknown fault key "colour"'],
  ])('rejects the fault %j with 400', async (fault, fragment) => {
    const response = await control('POST', 'faults', fault);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(fragment);
  });
});

describe('POST /__emulator/expire', () => {
  it('expires one session so its next event gets 410', async () => {
    const [a, b] = [await openSession(), await openSession()];
    expect(await control('POST', 'expire', { sid: a })).toMatchObject({
      status: 200,
      body: { expired: [a] },
    });
    expect((await post(`/api/v1/sessions/${a}/events`, ev('play', 1, 0))).status).toBe(410);
    expect((await post(`/api/v1/sessions/${b}/events`, ev('play', 1, 0))).status).toBe(204);
  });

  it('expires every open session without a body, and 404s an unknown sid', async () => {
    const [a, b] = [await openSession(), await openSession()];
    expect((await control('POST', 'expire')).body).toEqual({ expired: [a, b] });
    expect((await control('GET', 'sessions')).body.map((s: { closed: string }) => s.closed)).toEqual([
      'expired',
      'expired',
    ]);
    expect((await control('POST', 'expire', { sid: 'nope' })).status).toBe(404);
  });
});

describe('POST /__emulator/config and /__emulator/reset', () => {
  it('changes the timeouts and reset restores the creation options', async () => {
    expect((await control('GET', 'config')).body).toEqual({ ...DEFAULT_CONFIG, idleTimeoutMs: 60_000 });
    const changed = await control('POST', 'config', { idleTimeoutMs: 1000, mainPingIntervalMs: 5000 });
    expect(changed.body).toMatchObject({ idleTimeoutMs: 1000, mainPingIntervalMs: 5000 });
    const sid = await openSession();
    clock += 1001;
    expect((await post(`/api/v1/sessions/${sid}/events`, ev('play', 1, 0))).status).toBe(410);

    expect((await control('POST', 'reset')).status).toBe(204);
    expect((await control('GET', 'sessions')).body).toEqual([]);
    expect((await control('GET', 'report')).body.requests).toBe(0);
    expect(server.emulator.config).toEqual({ ...DEFAULT_CONFIG, idleTimeoutMs: 60_000 });
  });

  it('reset also clears faults', async () => {
    await control('POST', 'faults', { status: 500 });
    await control('POST', 'reset');
    expect((await post('/api/v1/sessions', start())).status).toBe(201);
  });

  it.each([
    [{ idleTimeout: 5 }, 'Unknown config key "idleTimeout"'],
    [{ idleTimeoutMs: '5' }, 'must be a number of milliseconds'],
  ])('rejects the config %j with 400', async (patch, fragment) => {
    const response = await control('POST', 'config', patch);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(fragment);
  });

  it('rejects a body that is not JSON', async () => {
    const response = await fetch(`${server.url}/__emulator/config`, { method: 'POST', body: '{' });
    expect(response.status).toBe(400);
  });
});

describe('POST /__emulator/produced and GET /__emulator/audit', () => {
  it('count what the page produced against what arrived: lost, duplicated, out of order', async () => {
    const sid = await openSession();
    const events = [start(), ev('play', 1, 0), ev('ping', 10_000, 9), ev('pauseStart', 10_500, 9.5)];
    await post(`/api/v1/sessions/${sid}/events`, events[2]); // ping before play: out of order
    await post(`/api/v1/sessions/${sid}/events`, events[1]);
    await post(`/api/v1/sessions/${sid}/events`, events[1]); // twice
    const produced = events.map((event) => ({ session: 'page:1', event }));
    expect((await control('POST', 'produced', { produced })).status).toBe(204);
    const audit = (await control('GET', 'audit')).body;
    expect(audit).toMatchObject({
      produced: 4,
      delivered: 3,
      lost: 1,
      duplicated: 1,
      disorder: 1,
      unexpected: 0,
    });
    expect(audit.details.lost).toEqual([`page:1/pauseStart@${T0 + 10_500}`]);
    expect((await control('GET', 'report')).body.duplicates).toEqual([
      { sid, eventType: 'play', ts: T0 + 1, count: 2 },
    ]);
    expect((await control('POST', 'produced', { produced: 'x' })).status).toBe(400);
  });
});
