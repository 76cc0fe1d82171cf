import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { McEvent } from '../mc/types';
import { createMemoryQueue } from './queue';
import type { DeliveryReport } from './reports';
import { createSender } from './sender';
import {
  ENDPOINT,
  type FakeCollectorOptions,
  failEvents,
  sessionItems,
  setupSender,
} from './sender.fixtures';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const setup = (collectorOptions: FakeCollectorOptions, random = () => 0.5) =>
  setupSender({ collectorOptions, random });

const EVENTS = '/api/v1/sessions/sid-1/events';
const retries = (reports: DeliveryReport[]) => reports.filter((r) => r.type === 'retrying');

describe('sender: retries', () => {
  it('retries the same event through a run of 500s, then delivers everything in order, once', async () => {
    const { collector, queue, sender, reports } = setup({ reply: failEvents({ status: 500 }, 5) });
    sender.send(sessionItems('a', ['play', 'ping', 'ping']));
    await vi.advanceTimersByTimeAsync(120_000);
    const sent = collector.sentTo(EVENTS);
    expect(sent).toEqual([...Array(6).fill('play@2000'), 'ping@3000', 'ping@4000']);
    const delivered = reports
      .filter((r) => r.type === 'delivered')
      .map((r) => (r as { event: McEvent }).event);
    expect(delivered.map((e) => e.playerTime.ts)).toEqual([1000, 2000, 3000, 4000]);
    expect(retries(reports).map((r) => r.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(await queue.pending('a')).toEqual([]);
  });

  it('waits the backoff between tries, growing ×2 with the jitter given', async () => {
    const { collector, sender, reports } = setup(
      { reply: failEvents({ status: 503 }, 3), latencyMs: 0 },
      () => 0.5,
    );
    sender.send(sessionItems('a', ['play']));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(retries(reports).map((r) => r.delayMs)).toEqual([750, 1500, 3000]);
    const times = collector.requests.filter((r) => r.path === EVENTS).map((r) => r.at);
    expect(times).toEqual([0, 750, 2250, 5250]);
  });

  it('resets the attempt counter after a success', async () => {
    let n = 0;
    const { sender, reports } = setup({
      reply: (r) => (r.path.endsWith('/events') && [0, 1, 3].includes(n++) ? { status: 502 } : undefined),
    });
    sender.send(sessionItems('a', ['play', 'ping']));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(retries(reports).map((r) => [(r as { event: McEvent }).event.eventType, r.attempt])).toEqual([
      ['play', 1],
      ['play', 2],
      ['ping', 1],
    ]);
  });

  it('honours Retry-After on 429 as the minimum delay', async () => {
    const { collector, sender, reports } = setup({
      reply: failEvents({ status: 429, retryAfter: '30' }, 1),
      latencyMs: 0,
    });
    sender.send(sessionItems('a', ['play']));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(collector.sentTo(EVENTS)).toEqual(['play@2000']);
    await vi.advanceTimersByTimeAsync(1);
    expect(collector.sentTo(EVENTS)).toEqual(['play@2000', 'play@2000']);
    expect(retries(reports)[0]).toMatchObject({ delayMs: 30_000, reason: 'status', status: 429 });
  });

  it.each([
    ['network', 'network'],
    ['timeout', 'timeout'],
  ] as const)('retries after a %s failure', async (failure, reason) => {
    const { collector, sender, reports } = setup({ reply: failEvents(failure, 2) });
    sender.send(sessionItems('a', ['play']));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(collector.sentTo(EVENTS)).toEqual(['play@2000', 'play@2000', 'play@2000']);
    expect(retries(reports)[0]).toMatchObject({ reason, status: 0, attempt: 1 });
    expect(reports.at(-1)).toMatchObject({ type: 'delivered', status: 204 });
  });

  it('retries a sessionStart that failed and only then sends the events', async () => {
    let starts = 0;
    const { collector, sender } = setup({
      reply: (r) => (r.path === '/api/v1/sessions' && starts++ === 0 ? { status: 500 } : undefined),
    });
    sender.send(sessionItems('a', ['play']));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(collector.requests.map((r) => r.path)).toEqual(['/api/v1/sessions', '/api/v1/sessions', EVENTS]);
  });

  it('never throws into callers when the transport throws synchronously', async () => {
    const queue = createMemoryQueue();
    let calls = 0;
    const transport = (() => {
      calls += 1;
      throw new Error('boom');
    }) as unknown as Parameters<typeof createSender>[0]['transport'];
    const sender = createSender({ endpoint: ENDPOINT, transport, queue, random: () => 0.5 });
    const reports: DeliveryReport[] = [];
    sender.reports$.subscribe((r) => reports.push(r));
    expect(() => sender.send(sessionItems('a', []))).not.toThrow();
    await vi.advanceTimersByTimeAsync(2_000); // tries at 0 and 750 ms; the next is due at 2 250
    expect(calls).toBe(2);
    expect(reports[0]).toMatchObject({ type: 'retrying', reason: 'network', message: 'boom' });
  });

  it('dispose() cancels the backoff wait: no request afterwards', async () => {
    const { collector, sender } = setup({ reply: failEvents({ status: 500 }, 1) });
    sender.send(sessionItems('a', ['play']));
    await vi.advanceTimersByTimeAsync(100);
    expect(vi.getTimerCount()).toBe(1); // the backoff
    sender.dispose();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(120_000);
    sender.send(sessionItems('b', []));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(collector.requests).toHaveLength(2);
  });
});
