// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { McEvent } from './mc/types';
import { resolveOptions } from './options';
import { createFakePlayer } from './test-support/fake-player';
import { createTracker, type TrackerReport } from './tracker';

const VALID_PARAMS = {
  'analytics.trackingServer': 'test.sc.omtrdc.net',
  'analytics.reportSuite': 'rsid',
  'visitor.marketingCloudOrgId': 'ORG@AdobeOrg',
  'media.id': 'movie',
  'media.contentType': 'vod',
  'media.channel': 'web',
};
const OPTIONS = resolveOptions({ endpoint: 'https://collector.test', params: VALID_PARAMS });

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
    const reports: TrackerReport[] = [];
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

  it('disposed during an outage: the sessionEnd still goes once the collector is back, then nothing is left running', async () => {
    const player = playingPlayer();
    const { fetch: healthy, bodies } = collector();
    let down = false;
    const fetch = (async (...args: Parameters<typeof globalThis.fetch>) => {
      if (down) throw new TypeError('Failed to fetch');
      return healthy(...args);
    }) as typeof globalThis.fetch;
    const tracker = createTracker(player, OPTIONS, { fetch });
    player.fire('play', { paused: false });
    player.fire('playing');
    await vi.advanceTimersByTimeAsync(3_000);
    down = true;
    tracker.dispose();
    await vi.advanceTimersByTimeAsync(30_000); // longer than dispose waits (10 s)
    expect(types(bodies)).toEqual(['sessionStart', 'play']);
    expect(vi.getTimerCount()).toBe(2); // the page delivery's backoff and its outbox's rescan, no tracker left
    down = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(types(bodies)).toEqual(['sessionStart', 'play', 'sessionEnd']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('flush() says how many events still wait when it gives up after 10 s', async () => {
    const player = playingPlayer();
    const fetch = (async () => new Response(null, { status: 503 })) as unknown as typeof globalThis.fetch;
    const tracker = createTracker(player, OPTIONS, { fetch });
    player.fire('play', { paused: false });
    player.fire('playing');
    const states: string[] = [];
    tracker.delivery$.subscribe((s) => states.push(s.state));
    const flushed = tracker.flush();
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(flushed).resolves.toEqual({ waiting: 2 });
    expect(states).toContain('retrying');
    tracker.dispose();
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

  it('calls a params function once per session, never at an adStart, and a throwing one only reports', async () => {
    const player = playingPlayer();
    const { fetch, bodies } = collector();
    const sources: string[] = [];
    const params = ({ src }: { src: string }) => {
      sources.push(src);
      if (sources.length === 2) throw new Error('playlist not ready');
      return { ...VALID_PARAMS, 'media.id': `item-${sources.length}` };
    };
    const tracker = createTracker(player, resolveOptions({ endpoint: 'https://collector.test', params }), {
      fetch,
    });
    player.fire('play', { paused: false });
    player.fire('playing');
    tracker.adBreakStart();
    tracker.adStart({ id: 'ad-1', length: 5 });
    tracker.adComplete();
    tracker.adStart({ id: 'ad-2', length: 5 });
    tracker.adBreakComplete();
    expect(sources).toEqual(['https://cdn.test/movie.webm']);
    // A new source: its session asks again, and this time the site's function throws.
    player.fire('loadstart', { src: 'https://cdn.test/next.webm' });
    player.fire('play', { paused: false });
    await tracker.flush();
    expect(sources).toEqual(['https://cdn.test/movie.webm', 'https://cdn.test/next.webm']);
    const errors = player.triggered.filter((t) => t.type === 'mediacollection:error');
    expect(errors.map((e) => (e.data as { code: string }).code)).toContain('MC_PARAMS_FAILED');
    const starts = bodies.filter((b) => b.eventType === 'sessionStart');
    expect(starts.map((b) => b.params?.['media.id'])).toEqual(['item-1', undefined]);
    tracker.dispose();
  });

  it('an ad stack that throws is reported as MC_AD_STACK_ERROR and content tracking goes on', async () => {
    const player = playingPlayer();
    const broken = new Error('ads-manager broke');
    Object.assign(player, {
      ima: {
        addEventListener: () => {
          throw broken;
        },
      },
    });
    const { fetch, bodies } = collector();
    const tracker = createTracker(player, OPTIONS, { fetch });
    player.fire('play', { paused: false });
    player.fire('playing');
    const errors = () =>
      player.triggered.filter((t) => t.type === 'mediacollection:error').map((e) => e.data);
    // `player.ima` is an ad stack: its chunk loads first, then the held play and playing are replayed.
    await vi.waitFor(() => expect(types(bodies)).toEqual(['sessionStart', 'play']));
    const ads = errors().filter((e) => (e as { code: string }).code !== 'MC_STORAGE_FALLBACK'); // no IndexedDB here
    expect(ads).toEqual([{ code: 'MC_AD_STACK_ERROR', source: 'ima', error: broken }]);
    tracker.dispose();
  });
});
