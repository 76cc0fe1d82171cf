// @vitest-environment happy-dom
// Identity and consent through the whole tracker: what reaches the collector, and when.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryQueue } from './delivery/queue';
import type { McEvent } from './mc/types';
import { type MediaCollectionOptions, resolveOptions } from './options';
import { createFakePlayer } from './test-support/fake-player';
import { createTracker, type TrackerReport } from './tracker';

const options = (extra: Partial<MediaCollectionOptions> = {}) =>
  resolveOptions({
    endpoint: 'https://collector.test',
    params: {
      'analytics.trackingServer': 'test.sc.omtrdc.net',
      'analytics.reportSuite': 'rsid',
      'visitor.marketingCloudOrgId': 'ORG@AdobeOrg',
      'media.id': 'movie',
      'media.contentType': 'vod',
      'media.channel': 'web',
      'analytics.optOutServerSideForwarding': true,
      'analytics.optOutShare': true,
    },
    ...extra,
  });

/** A collector stub: 201 + Location for sessions, 204 for events; records every body and its path. */
function collector() {
  const bodies: (McEvent & { path: string })[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const path = new URL(String(url)).pathname;
    bodies.push({ ...JSON.parse(String(init?.body)), path });
    if (path === '/api/v1/sessions')
      return new Response(null, { status: 201, headers: { Location: '/api/v1/sessions/sid1' } });
    return new Response(null, { status: path.endsWith('/events') ? 204 : 201 });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, bodies, calls: fetch };
}

function start(extra: Partial<MediaCollectionOptions> = {}) {
  const player = createFakePlayer();
  player.currentTime = () => 0;
  const c = collector();
  const queue = createMemoryQueue();
  const appended = vi.spyOn(queue, 'append');
  const tracker = createTracker(player, options(extra), { fetch: c.fetch, queue });
  const reports: TrackerReport[] = [];
  tracker.reports$.subscribe((r) => reports.push(r));
  const produced: McEvent[] = [];
  tracker.events$.subscribe((o) => produced.push(o.event));
  const play = () => {
    player.fire('play', { paused: false });
    player.fire('playing');
  };
  const errors = () =>
    player.triggered
      .filter((t) => t.type === 'mediacollection:error')
      .map((t) => (t.data as { code: string }).code);
  return { player, tracker, reports, produced, play, errors, appended, ...c };
}

const shape = (events: McEvent[]) => events.map((e) => `${e.eventType}@${e.playerTime.ts}`);

describe('createTracker: consent', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
  });
  afterEach(() => vi.useRealTimers());

  it('pending: tracks, stores and sends nothing; in: delivers everything held, in order, original ts', async () => {
    const t = start({ consent: 'pending' });
    t.play();
    await vi.advanceTimersByTimeAsync(25_000);
    expect(t.produced.filter((e) => e.eventType === 'ping')).toHaveLength(2); // tracking runs
    expect(t.calls).not.toHaveBeenCalled();
    expect(t.appended).not.toHaveBeenCalled();
    expect(await t.tracker.flush()).toEqual({ waiting: 0 }); // nothing to wait for
    t.tracker.setConsent('in');
    await vi.advanceTimersByTimeAsync(100);
    await t.tracker.flush();
    expect(shape(t.bodies)).toEqual(shape(t.produced));
    expect(t.bodies[0]!.params).toMatchObject({
      'analytics.optOutServerSideForwarding': true,
      'analytics.optOutShare': true,
    });
    await vi.advanceTimersByTimeAsync(10_000); // and it goes on live
    expect(t.bodies.at(-1)!.eventType).toBe('ping');
    expect(t.bodies.length).toBe(t.produced.length);
    t.tracker.dispose();
  });

  it('pending for more than 10 min: the held session goes to /downloaded, viewing goes on in a resumed session', async () => {
    const t = start({ consent: 'pending' });
    t.play();
    await vi.advanceTimersByTimeAsync(11 * 60_000);
    t.tracker.setConsent('in');
    await vi.advanceTimersByTimeAsync(100);
    await t.tracker.flush();
    const downloaded = t.bodies.find((b) => b.path === '/api/v1/downloaded') as unknown as McEvent[];
    expect(downloaded[0]!.eventType).toBe('sessionStart');
    expect(downloaded[0]!.playerTime.ts).toBe(1_700_000_000_000);
    const live = t.bodies.filter((b) => b.path === '/api/v1/sessions');
    expect(live).toHaveLength(1);
    expect(live[0]!.params?.['media.resume']).toBe(true);
    t.tracker.dispose();
  });

  it('pending → out: nothing sent, nothing stored, tracking stops, the player keeps its listeners', async () => {
    const t = start({ consent: 'pending' });
    t.play();
    await vi.advanceTimersByTimeAsync(15_000);
    const before = t.produced.length;
    t.tracker.setConsent('out');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.produced.length).toBe(before); // nothing more produced
    t.tracker.setConsent('out');
    expect(t.calls).not.toHaveBeenCalled();
    expect(t.appended).not.toHaveBeenCalled();
    t.tracker.dispose();
    await vi.advanceTimersByTimeAsync(100);
    expect(t.calls).not.toHaveBeenCalled(); // not even a sessionEnd
  });

  it('in → out stops delivery; a later in tracks anew from the next play', async () => {
    const t = start();
    t.play();
    await vi.advanceTimersByTimeAsync(100);
    await t.tracker.flush();
    const sent = t.bodies.length;
    t.tracker.setConsent('out');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.bodies.length).toBe(sent);
    t.tracker.setConsent('in');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.bodies.length).toBe(sent);
    t.player.fire('pause', { paused: true });
    t.play();
    await vi.advanceTimersByTimeAsync(100);
    await t.tracker.flush();
    expect(t.bodies.slice(sent).map((b) => b.eventType)[0]).toBe('sessionStart');
    t.tracker.dispose();
  });

  it('setConsent refuses anything but in, pending and out', () => {
    const t = start();
    expect(() => t.tracker.setConsent('yes' as never)).toThrow(TypeError);
    expect(() => t.tracker.setConsent(undefined as never)).toThrow(/consent/);
    t.tracker.dispose();
  });
});

describe('createTracker: identity', () => {
  // The lookup is a chunk of its own; loaded once here, as a page would have it by its second session.
  beforeAll(() => import('./identity/resolve'));
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
  });
  afterEach(() => vi.useRealTimers());

  it("puts the site's function's ECID on sessionStart, keeping its ts", async () => {
    const t = start({ identity: () => new Promise((resolve) => setTimeout(() => resolve('ecid-9'), 300)) });
    t.play();
    await vi.advanceTimersByTimeAsync(200);
    expect(t.calls).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    await t.tracker.flush();
    expect(t.bodies[0]!.params?.['visitor.marketingCloudUserId']).toBe('ecid-9');
    expect(t.bodies[0]!.playerTime.ts).toBe(1_700_000_000_000);
    t.tracker.dispose();
  });

  it('a lookup that never answers: sessionStart leaves after identityTimeout, reported as MC_IDENTITY_TIMEOUT', async () => {
    const t = start({ identity: () => new Promise(() => undefined), identityTimeout: 500 });
    t.play();
    await vi.advanceTimersByTimeAsync(499);
    expect(t.calls).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await t.tracker.flush();
    expect(t.bodies[0]!.eventType).toBe('sessionStart');
    expect(t.bodies[0]!.params?.['visitor.marketingCloudUserId']).toBeUndefined();
    expect(t.reports).toContainEqual(expect.objectContaining({ type: 'identityMissing', reason: 'timeout' }));
    expect(t.errors()).toContain('MC_IDENTITY_TIMEOUT');
    t.tracker.dispose();
  });

  it('a lookup that throws is reported as MC_IDENTITY_FAILED and never reaches the player', async () => {
    const t = start({
      identity: () => {
        throw new Error('no');
      },
    });
    t.play();
    await vi.advanceTimersByTimeAsync(10);
    await t.tracker.flush();
    expect(t.bodies[0]!.eventType).toBe('sessionStart');
    expect(t.errors()).toEqual(['MC_IDENTITY_FAILED']);
    t.tracker.dispose();
  });

  it('dispose while waiting sends the held session, its sessionEnd included, at once', async () => {
    const t = start({ identity: () => new Promise(() => undefined) });
    t.play();
    t.tracker.dispose();
    await vi.advanceTimersByTimeAsync(100);
    expect(t.bodies.map((b) => b.eventType).filter((e) => !e.startsWith('state'))).toEqual([
      'sessionStart',
      'play',
      'sessionEnd',
    ]);
  });
});
