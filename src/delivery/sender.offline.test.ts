import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryQueue, type EventQueue } from './queue';
import { type FakeCollectorOptions, mcEvent, sessionItems, setupSender } from './sender.fixtures';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const EVENTS = '/api/v1/sessions/sid-1/events';

const setup = (collectorOptions: FakeCollectorOptions = {}, queue: EventQueue = createMemoryQueue()) =>
  setupSender({ collectorOptions, queue, random: () => 0.5 });

describe('sender: offline', () => {
  it('sends nothing while navigator.onLine is false, then probes after the backoff', async () => {
    const { collector, connectivity, sender, reports } = setup();
    connectivity.online = false;
    sender.send(sessionItems('a', ['play']));
    await vi.advanceTimersByTimeAsync(749);
    expect(collector.requests).toEqual([]);
    expect(reports).toEqual([
      expect.objectContaining({ type: 'retrying', reason: 'offline', attempt: 1, delayMs: 750 }),
    ]);
    // The probe goes out although onLine still says false: the hint may lie (docs/browsers.md#connectivity).
    await vi.advanceTimersByTimeAsync(100);
    expect(collector.sentTo('/api/v1/sessions')).toEqual(['sessionStart@1000']);
    expect(collector.sentTo(EVENTS)).toEqual(['play@2000']);
  });

  it('keeps queueing while offline and, at retryNow (online), sends everything at once in order', async () => {
    const { collector, connectivity, sender } = setup({
      reply: () => (connectivity.online ? undefined : 'network'),
    });
    connectivity.online = false;
    sender.send(sessionItems('a', ['play']));
    await vi.advanceTimersByTimeAsync(20_000);
    sender.send([{ session: 'a', event: mcEvent('ping', 3_000) }]);
    sender.send([{ session: 'a', event: mcEvent('ping', 4_000) }]);
    await vi.advanceTimersByTimeAsync(10_000);
    const probes = collector.requests.length;
    expect(probes).toBeLessThanOrEqual(5); // 0.75 + 1.5 + 3 + 6 + 12 s: probes, not a request per event
    connectivity.online = true;
    sender.retryNow();
    await vi.advanceTimersByTimeAsync(100);
    expect(collector.requests.slice(probes).map((r) => r.at - 30_000)).toEqual([0, 10, 20, 30]);
    expect(collector.sentTo(EVENTS)).toEqual(['play@2000', 'ping@3000', 'ping@4000']);
  });

  it('back online while a request was failing: tries again as soon as it fails, not after the backoff', async () => {
    // The second request (the play) fails when its answer would come, 100 ms after it left.
    const { collector, sender } = setup({
      latencyMs: 100,
      reply: (_r, index) => (index === 1 ? 'network' : undefined),
    });
    sender.send(sessionItems('a', []));
    await vi.advanceTimersByTimeAsync(100);
    sender.send([{ session: 'a', event: mcEvent('play', 2_000) }]);
    await vi.advanceTimersByTimeAsync(50); // the play is in flight when the browser says `online`
    sender.retryNow();
    await vi.advanceTimersByTimeAsync(200);
    expect(collector.requests.slice(1).map((r) => r.at)).toEqual([100, 200]);
  });

  it('flushFinal while offline sends nothing and leaves everything queued for the next page', async () => {
    const { collector, connectivity, queue, sender } = setup({
      reply: () => (connectivity.online ? undefined : 'network'),
    });
    sender.send(sessionItems('a', []));
    await vi.advanceTimersByTimeAsync(20);
    connectivity.online = false;
    sender.send([{ session: 'a', event: mcEvent('sessionEnd', 2_000) }]);
    sender.flushFinal();
    await vi.advanceTimersByTimeAsync(0);
    expect(collector.requests.filter((r) => r.keepalive)).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect((await queue.pending('a')).map((i) => [i.event.eventType, i.shipped])).toEqual([
      ['sessionEnd', undefined],
    ]);
  });

  it('wake() drains a session that appeared in the queue after the sender started', async () => {
    const queue = createMemoryQueue();
    const { collector, sender } = setup({}, queue);
    await vi.advanceTimersByTimeAsync(10);
    await queue.append(sessionItems('adopted', ['play']));
    await vi.advanceTimersByTimeAsync(100);
    expect(collector.requests).toEqual([]);
    sender.wake();
    await vi.advanceTimersByTimeAsync(100);
    expect(collector.sentTo(EVENTS)).toEqual(['play@2000']);
  });
});
