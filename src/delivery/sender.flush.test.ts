import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Outgoing } from '../mc/types';
import { type FakeCollectorOptions, failEvents, mcEvent, sessionItems, setupSender } from './sender.fixtures';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const setup = (collectorOptions: FakeCollectorOptions = {}, keepaliveBudget?: number) =>
  setupSender({ collectorOptions, random: () => 0.5, keepaliveBudget });

const EVENTS = '/api/v1/sessions/sid-1/events';
/** A ping padded to exactly `bytes` of JSON body. */
function sized(session: string, ts: number, bytes: number): Outgoing {
  const base = JSON.stringify(mcEvent('ping', ts)).length + ',"customMetadata":{"p":""}'.length;
  return { session, event: { ...mcEvent('ping', ts), customMetadata: { p: 'x'.repeat(bytes - base) } } };
}

describe('sender: flush', () => {
  it('flush() resolves after timeoutMs even when delivery is stuck', async () => {
    const { sender } = setup({ reply: () => ({ status: 503 }) });
    sender.send(sessionItems('a', ['play']));
    let flushed = false;
    void sender.flush({ timeoutMs: 2_000 }).then(() => {
      flushed = true;
    });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(flushed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(flushed).toBe(true);
  });

  it('flush() resolves on dispose instead of hanging', async () => {
    const { sender } = setup({ reply: () => ({ status: 503 }) });
    sender.send(sessionItems('a', []));
    let flushed = false;
    void sender.flush().then(() => {
      flushed = true;
    });
    await vi.advanceTimersByTimeAsync(100);
    sender.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('flush({ keepalive: true }) cuts the backoff short and sends with keepalive', async () => {
    const { collector, sender } = setup({ reply: failEvents({ status: 500 }, 1) });
    sender.send(sessionItems('a', ['play', 'ping']));
    await vi.advanceTimersByTimeAsync(30); // play failed; backoff of 750 ms running
    expect(collector.requests.map((r) => r.keepalive)).toEqual([false, false]);
    const flushed = sender.flush({ keepalive: true });
    await vi.advanceTimersByTimeAsync(30);
    await flushed;
    expect(collector.requests.slice(2).map((r) => [r.at, r.keepalive])).toEqual([
      [30, true],
      [40, true],
    ]);
    sender.send(sessionItems('a', ['ping'], 9_000).slice(1));
    await vi.advanceTimersByTimeAsync(30);
    expect(collector.requests.at(-1)!.keepalive).toBe(false); // keepalive lasts only as long as the flush
  });

  it('flush({ keepalive: true }) sends a body larger than the budget without keepalive', async () => {
    const { collector, sender } = setup({}, 1_000);
    sender.send([...sessionItems('a', []), sized('a', 2_000, 999), sized('a', 3_000, 1_001)]);
    const flushed = sender.flush({ keepalive: true });
    await vi.advanceTimersByTimeAsync(30);
    await flushed;
    expect(collector.requests.map((r) => r.keepalive)).toEqual([true, true, false]);
    expect(collector.requests.map((r) => JSON.stringify(r.body).length).slice(1)).toEqual([999, 1_001]);
  });

  it('flushFinal() sends what fits the 64 KiB budget at once, in order, and leaves the rest queued', async () => {
    const { collector, queue, sender } = setup({ latencyMs: 1_000 });
    sender.send(sessionItems('a', []));
    await vi.advanceTimersByTimeAsync(1_000); // sid known
    const big = [1, 2, 3, 4, 5].map((n) => sized('a', 1_000 + n * 1_000, 20_000));
    sender.send(big);
    await vi.advanceTimersByTimeAsync(0); // the first one is now in flight without keepalive
    sender.flushFinal();
    await vi.advanceTimersByTimeAsync(0);
    const fired = collector.requests.slice(2);
    expect(fired.map((r) => r.keepalive)).toEqual([true, true, true]); // 3 × 20 000 ≤ 65 536 < 4 × 20 000
    expect(fired.map((r) => (r.body as { playerTime: { ts: number } }).playerTime.ts)).toEqual([
      3000, 4000, 5000,
    ]);
    expect(collector.maxInFlight.get(EVENTS)).toBe(4);
    await vi.advanceTimersByTimeAsync(1_000); // all four answered
    expect((await queue.pending('a')).map((i) => i.event.playerTime.ts)).toEqual([6000]);
    await vi.advanceTimersByTimeAsync(2_000); // the loop resumes with what was left, no duplicate
    expect(collector.sentTo(EVENTS)).toEqual([
      'ping@2000',
      'ping@3000',
      'ping@4000',
      'ping@5000',
      'ping@6000',
    ]);
  });

  it('flushFinal() skips sessions without a sid and keeps their events queued', async () => {
    const { collector, queue, sender } = setup({ latencyMs: 1_000 });
    sender.send(sessionItems('a', ['play']));
    await vi.advanceTimersByTimeAsync(0);
    sender.flushFinal();
    await vi.advanceTimersByTimeAsync(0);
    expect(collector.requests).toHaveLength(1);
    expect(await queue.pending('a')).toHaveLength(2);
  });

  it('flushFinal() sends an event waiting out a backoff now, and applies the answers that come back', async () => {
    const { collector, sender, reports } = setup({ reply: failEvents({ status: 500 }, 1) });
    sender.send(sessionItems('a', ['play', 'ping']));
    await vi.advanceTimersByTimeAsync(30);
    sender.flushFinal();
    await vi.advanceTimersByTimeAsync(10);
    expect(collector.requests.slice(2).map((r) => [r.at, r.keepalive])).toEqual([
      [30, true],
      [30, true],
    ]);
    expect(reports.filter((r) => r.type === 'delivered')).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0); // the backoff wait was cancelled, not left to fire
    await vi.advanceTimersByTimeAsync(60_000);
    expect(collector.requests).toHaveLength(4);
  });

  it('flushFinal() answers of 410 report sessionGone once and move all of it to one downloaded batch', async () => {
    const { collector, sender, reports } = setup({
      latencyMs: 100,
      reply: (r) => (r.keepalive && r.path === EVENTS ? { status: 410 } : undefined),
    });
    sender.send(sessionItems('a', []));
    await vi.advanceTimersByTimeAsync(100);
    sender.send(sessionItems('a', ['play', 'ping', 'ping']).slice(1));
    await vi.advanceTimersByTimeAsync(0); // play in flight (not keepalive); the pings wait
    sender.flushFinal();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reports.filter((r) => r.type === 'sessionGone')).toHaveLength(1);
    const batches = collector.requests.filter((r) => r.path === '/api/v1/downloaded');
    expect(batches.map((b) => (b.body as Outgoing['event'][]).map((e) => e.eventType))).toEqual([
      ['sessionStart', 'ping', 'ping', 'sessionEnd'],
    ]);
    expect(collector.sentTo(EVENTS)).toEqual(['play@2000', 'ping@3000', 'ping@4000']);
  });
});
