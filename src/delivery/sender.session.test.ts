import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryQueue } from './queue';
import { createSender } from './sender';
import { createFakeCollector, ENDPOINT, sessionItems, setupSender } from './sender.fixtures';

beforeEach(() => {
  vi.useFakeTimers({ now: 100_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

const setup = (collector = createFakeCollector({ latencyMs: 20 })) =>
  setupSender({ collector, random: () => 0.5 });

describe('sender: sessions and order', () => {
  it.each([
    ['relative', (n: number) => `/api/v1/sessions/sid-${n}`],
    ['absolute', (n: number) => `https://other.example/api/v1/sessions/sid-${n}/?v=1`],
  ])('takes the sid from a %s Location, then sends the queued events in order', async (_kind, location) => {
    const { collector, sender, reports } = setup(createFakeCollector({ latencyMs: 20, location }));
    sender.send(sessionItems('a', ['play', 'ping']));
    sender.send(sessionItems('a', ['pauseStart'], 5_000).slice(1));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(collector.requests.map((r) => r.path)).toEqual([
      '/api/v1/sessions',
      '/api/v1/sessions/sid-1/events',
      '/api/v1/sessions/sid-1/events',
      '/api/v1/sessions/sid-1/events',
    ]);
    expect(collector.sentTo('/api/v1/sessions/sid-1/events')).toEqual([
      'play@2000',
      'ping@3000',
      'pauseStart@6000',
    ]);
    expect(reports[0]).toEqual({ type: 'sessionCreated', session: 'a', sid: 'sid-1' });
    expect(reports.filter((r) => r.type === 'delivered').map((r) => r.status)).toEqual([201, 204, 204, 204]);
  });

  it('holds every event of a session until the sessions request has answered', async () => {
    const { collector, sender } = setup(createFakeCollector({ latencyMs: 500 }));
    sender.send(sessionItems('a', ['play', 'ping', 'ping']));
    await vi.advanceTimersByTimeAsync(499);
    expect(collector.requests.map((r) => r.path)).toEqual(['/api/v1/sessions']);
    await vi.advanceTimersByTimeAsync(1);
    expect(collector.requests).toHaveLength(2);
  });

  it('keeps one request in flight per session while sessions run independently', async () => {
    const { collector, sender } = setup(createFakeCollector({ latencyMs: 50 }));
    sender.send([...sessionItems('a', ['play', 'ping', 'ping']), ...sessionItems('b', ['play', 'ping'])]);
    await vi.advanceTimersByTimeAsync(49);
    expect(collector.requests).toHaveLength(2); // both sessionStarts at once: b does not wait for a
    await vi.advanceTimersByTimeAsync(1_000);
    expect(collector.maxInFlight.get('/api/v1/sessions/sid-1/events')).toBe(1);
    expect(collector.maxInFlight.get('/api/v1/sessions/sid-2/events')).toBe(1);
    expect(collector.maxTotalInFlight()).toBe(2);
    expect(collector.requests).toHaveLength(7);
  });

  it('writes ahead: the item is queued before its request starts and leaves only on 2xx', async () => {
    const queue = createMemoryQueue();
    const seen: number[] = [];
    const collector = createFakeCollector({ latencyMs: 100 });
    const transport: typeof collector.transport = async (request) => {
      seen.push((await queue.pending('a')).length);
      return collector.transport(request);
    };
    const sender = createSender({ endpoint: ENDPOINT, transport, queue });
    sender.send(sessionItems('a', ['play']));
    await vi.advanceTimersByTimeAsync(99);
    expect(seen).toEqual([2]);
    expect(await queue.pending('a')).toHaveLength(2); // in flight, not yet acknowledged
    await vi.advanceTimersByTimeAsync(1);
    expect((await queue.pending('a')).map((i) => i.event.eventType)).toEqual(['play']);
    await vi.advanceTimersByTimeAsync(100);
    expect(seen).toEqual([2, 1]);
    expect(await queue.pending('a')).toEqual([]);
    expect((await queue.session('a'))?.sid).toBe('sid-1');
  });

  it('records the sid and lastSentAt for the outbox', async () => {
    const { sender, queue } = setup();
    sender.send(sessionItems('a', ['play']));
    await vi.advanceTimersByTimeAsync(40);
    expect(await queue.session('a')).toMatchObject({ sid: 'sid-1', lastSentAt: 100_040 });
  });

  it('flush() resolves once everything queued at call time is delivered', async () => {
    const { collector, sender } = setup();
    sender.send(sessionItems('a', ['play', 'ping']));
    let flushed = false;
    void sender.flush().then(() => {
      flushed = true;
    });
    await vi.advanceTimersByTimeAsync(59);
    expect(flushed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(flushed).toBe(true);
    expect(collector.requests).toHaveLength(3);
  });

  it('flush() resolves at once when nothing is queued', async () => {
    const { sender } = setup();
    await expect(sender.flush()).resolves.toEqual({ waiting: 0 });
  });
});
