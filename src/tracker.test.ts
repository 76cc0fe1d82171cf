// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryReport } from './delivery/reports';
import type { McEvent } from './mc/types';
import { resolveOptions } from './options';
import { createFakePlayer } from './test-support/fake-player';
import { createTracker } from './tracker';

const OPTIONS = resolveOptions({
  endpoint: 'https://collector.test',
  params: {
    'analytics.trackingServer': 'test.sc.omtrdc.net',
    'analytics.reportSuite': 'rsid',
    'visitor.marketingCloudOrgId': 'ORG@AdobeOrg',
    'media.id': 'movie',
    'media.contentType': 'vod',
    'media.channel': 'web',
  },
});

/** A collector stub: 201 + Location for sessions, 204 for events; records every body. */
function collector(eventStatus = 204) {
  const bodies: McEvent[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    bodies.push(JSON.parse(String(init?.body)));
    if (String(url).endsWith('/api/v1/sessions')) {
      return new Response(null, { status: 201, headers: { Location: '/api/v1/sessions/sid1' } });
    }
    return new Response(eventStatus === 204 ? null : JSON.stringify({ message: 'bad' }), {
      status: eventStatus,
    });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, bodies };
}

/** Counts listeners added and removed on a DOM target. */
function listenerLedger(target: EventTarget) {
  let live = 0;
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  vi.spyOn(target, 'addEventListener').mockImplementation((...args) => {
    live++;
    add(...args);
  });
  vi.spyOn(target, 'removeEventListener').mockImplementation((...args) => {
    live--;
    remove(...args);
  });
  return { live: () => live };
}

/** A fake player whose playhead follows the (fake) clock while it is not paused. */
function playingPlayer() {
  const player = createFakePlayer();
  let base = 0;
  let since = Date.now();
  player.currentTime = () => (player.state.paused ? base : base + (Date.now() - since) / 1000);
  const fire = player.fire;
  player.fire = (type, patch, data) => {
    if (patch?.paused !== undefined && patch.paused !== player.state.paused) {
      base = player.currentTime();
      since = Date.now();
    }
    fire(type, patch, data);
  };
  return player;
}

const types = (bodies: McEvent[]) => bodies.map((b) => b.eventType).filter((t) => !t.startsWith('state'));

describe('createTracker', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    // No inFocus state in these specs: they count exact event sequences.
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('turns player events into delivered Media Collection requests, in order', async () => {
    const player = playingPlayer();
    const { fetch, bodies } = collector();
    const tracker = createTracker(player, OPTIONS, { fetch });
    player.fire('play', { paused: false });
    player.fire('playing');
    await vi.advanceTimersByTimeAsync(10_500);
    await tracker.flush();
    expect(types(bodies)).toEqual(['sessionStart', 'play', 'ping']);
    expect(fetch).toHaveBeenCalledWith(
      'https://collector.test/api/v1/sessions/sid1/events',
      expect.anything(),
    );
    expect(player.triggered.filter((t) => t.type === 'mediacollection:event')).toHaveLength(3);
    tracker.dispose();
  });

  it('dispose sends sessionEnd, then leaves no listener, timer or subscription behind', async () => {
    const windowLedger = listenerLedger(window);
    const documentLedger = listenerLedger(document);
    const player = playingPlayer();
    const { fetch, bodies } = collector();
    const tracker = createTracker(player, OPTIONS, { fetch });
    expect(player.listenerCount()).toBeGreaterThan(0);
    expect(windowLedger.live()).toBeGreaterThan(0);
    const reports: DeliveryReport[] = [];
    let completed = false;
    tracker.reports$.subscribe({ next: (r) => reports.push(r), complete: () => (completed = true) });

    player.fire('play', { paused: false });
    player.fire('playing');
    await vi.advanceTimersByTimeAsync(3_000);
    tracker.dispose();
    await vi.advanceTimersByTimeAsync(100);

    expect(types(bodies)).toEqual(['sessionStart', 'play', 'sessionEnd']);
    expect(reports.filter((r) => r.type === 'delivered')).toHaveLength(3);
    expect(completed).toBe(true);
    expect(player.listenerCount()).toBe(0);
    expect(windowLedger.live()).toBe(0);
    expect(documentLedger.live()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    player.fire('play', { paused: false });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(types(bodies)).toHaveLength(3);
  });

  it('a dropped event becomes a mediacollection:error and tracking goes on', async () => {
    const player = playingPlayer();
    const { fetch, bodies } = collector(400);
    const tracker = createTracker(player, OPTIONS, { fetch });
    player.fire('play', { paused: false });
    player.fire('playing');
    player.fire('pause', { paused: true });
    await tracker.flush();
    const errors = player.triggered.filter((t) => t.type === 'mediacollection:error');
    expect(errors.map((e) => (e.data as { code: string }).code)).toEqual([
      'MC_EVENT_DROPPED',
      'MC_EVENT_DROPPED',
    ]);
    expect(types(bodies)).toEqual(['sessionStart', 'play', 'pauseStart']);
    tracker.dispose();
  });

  it('a listener that throws on mediacollection:event does not stop tracking', async () => {
    const player = playingPlayer();
    player.trigger = () => {
      throw new Error('site bug');
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { fetch, bodies } = collector();
    const tracker = createTracker(player, OPTIONS, { fetch });
    player.fire('play', { paused: false });
    player.fire('playing');
    await tracker.flush();
    expect(types(bodies)).toEqual(['sessionStart', 'play']);
    expect(warn).toHaveBeenCalled();
    tracker.dispose();
  });
});
