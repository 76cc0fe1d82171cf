import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryQueue, type EventQueue } from './queue';
import { mcEvent, sessionItems, setupSender } from './sender.fixtures';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const EVENTS = '/api/v1/sessions/sid-1/events';

const setup = (queue: EventQueue) => setupSender({ queue, random: () => 0.5 });

describe('sender: the queue seam', () => {
  it('does not strand an event appended while its lane reads an empty queue (slow storage)', async () => {
    const inner = createMemoryQueue();
    // Like IndexedDB: the read reflects the store when it started, the answer comes later.
    const slow: EventQueue = {
      ...inner,
      pending: async (session) => {
        const items = await inner.pending(session);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return items;
      },
    };
    const { collector, sender } = setup(slow);
    sender.send(sessionItems('a', []));
    await vi.advanceTimersByTimeAsync(17); // 201 at 15 ms; the lane's next read (empty) answers at 20
    sender.send([{ session: 'a', event: mcEvent('play', 2_000) }]);
    await vi.advanceTimersByTimeAsync(100);
    expect(collector.sentTo(EVENTS)).toEqual(['play@2000']);
  });

  it('delivers sessions an earlier page left in the queue without being asked', async () => {
    const queue = createMemoryQueue();
    await queue.append([{ session: 'old', event: mcEvent('sessionStart', 1) }]);
    await queue.updateSession('old', { sid: 'sid-1' });
    const [start] = await queue.pending('old');
    await queue.remove([start!.id]);
    await queue.append([{ session: 'old', event: mcEvent('ping', 2) }]);
    const { collector } = setup(queue);
    await vi.advanceTimersByTimeAsync(20);
    expect(collector.sentTo(EVENTS)).toEqual(['ping@2']);
  });

  it('reports a failed append instead of throwing, and keeps going', async () => {
    const inner = createMemoryQueue();
    let fail = true;
    const queue: EventQueue = {
      ...inner,
      append: async (items) => {
        if (fail) throw new Error('QuotaExceededError');
        return inner.append(items);
      },
    };
    const { collector, sender, reports } = setup(queue);
    expect(() => sender.send(sessionItems('a', ['play']))).not.toThrow();
    await vi.advanceTimersByTimeAsync(10);
    expect(reports).toEqual([{ type: 'queueError', session: 'a', message: 'QuotaExceededError' }]);
    fail = false;
    sender.send(sessionItems('b', []));
    await vi.advanceTimersByTimeAsync(20);
    expect(collector.requests).toHaveLength(1);
  });

  it('retries a lane whose queue read failed, with backoff', async () => {
    const inner = createMemoryQueue();
    let failures = 1;
    const queue: EventQueue = {
      ...inner,
      pending: async (session) => {
        if (failures-- > 0) throw new Error('read failed');
        return inner.pending(session);
      },
    };
    const { collector, sender, reports } = setup(queue);
    sender.send(sessionItems('a', []));
    await vi.advanceTimersByTimeAsync(749);
    expect(reports).toEqual([{ type: 'queueError', session: 'a', message: 'read failed' }]);
    expect(collector.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(collector.requests).toHaveLength(1);
  });
});
