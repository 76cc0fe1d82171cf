// What a page does with sessions an earlier page left (docs/outbox.md#replay) and what it leaves at its
// own final page hide when the queue outlives it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { McEvent } from '../mc/types';
import { createMemoryQueue, type EventQueue } from './queue';
import {
  type createFakeCollector,
  type FakeCollectorOptions,
  mcEvent,
  sessionItems,
  setupSender,
} from './sender.fixtures';
import { SERVER_IDLE_MS } from './step';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const EVENTS = '/api/v1/sessions/sid-1/events';

const setup = (collectorOptions: FakeCollectorOptions = {}, queue: EventQueue = createMemoryQueue()) =>
  setupSender({ collectorOptions, queue, random: () => 0.5 });

/** A session 'old' an earlier page left: created on sid-1 at `lastSentAt`, with `types` still queued. */
async function leftBehind(lastSentAt: number, types: McEvent['eventType'][], shipped: number[] = []) {
  const queue = createMemoryQueue();
  const [start] = await queue.append([{ session: 'old', event: mcEvent('sessionStart', 1_000) }]);
  await queue.updateSession('old', { sid: 'sid-1', lastSentAt });
  await queue.remove([start!.id]);
  const items = await queue.append(
    types.map((type, i) => ({ session: 'old', event: mcEvent(type, 2_000 + i) })),
  );
  await queue.setShipped(
    shipped.map((i) => items[i]!.id),
    true,
  );
  return queue;
}

const downloadedBodies = (collector: ReturnType<typeof createFakeCollector>) =>
  collector.requests
    .filter((r) => r.path === '/api/v1/downloaded')
    .map((r) => (r.body as McEvent[]).map((e) => `${e.eventType}@${e.playerTime.ts}`));

describe('sender: sessions an earlier page left', () => {
  it('sends to the sid a session that got an event less than 10 min ago', async () => {
    vi.setSystemTime(SERVER_IDLE_MS - 1);
    const { collector } = setup({}, await leftBehind(0, ['ping', 'sessionEnd']));
    await vi.advanceTimersByTimeAsync(100);
    expect(collector.sentTo(EVENTS)).toEqual(['ping@2000', 'sessionEnd@2001']);
    expect(downloadedBodies(collector)).toEqual([]);
  });

  it('sends one idle 10 min or more straight to /downloaded, never to the sid', async () => {
    vi.setSystemTime(SERVER_IDLE_MS);
    const { collector, reports } = setup({}, await leftBehind(0, ['ping', 'ping']));
    await vi.advanceTimersByTimeAsync(100);
    expect(collector.sentTo(EVENTS)).toEqual([]);
    expect(downloadedBodies(collector)).toEqual([
      ['sessionStart@1999', 'ping@2000', 'ping@2001', 'sessionEnd@2002'],
    ]);
    expect(reports).toContainEqual({ type: 'sessionGone', session: 'old', sid: 'sid-1', status: 0 });
  });

  it("sends this page's own session whose sessionStart could not leave for 10 min whole to /downloaded", async () => {
    // Held for consent (docs/consent.md#released-late) or offline since: a live session would have expired.
    vi.setSystemTime(1_000 + SERVER_IDLE_MS);
    const { sender, collector, reports } = setup();
    sender.send([
      { session: 'own', event: mcEvent('sessionStart', 1_000) },
      { session: 'own', event: mcEvent('ping', 11_000) },
    ]);
    await vi.advanceTimersByTimeAsync(100);
    expect(collector.sentTo('/api/v1/sessions')).toEqual([]);
    expect(downloadedBodies(collector)).toEqual([['sessionStart@1000', 'ping@11000', 'sessionEnd@11001']]);
    expect(reports).toContainEqual({ type: 'sessionGone', session: 'own', status: 0 });
  });

  it("starts this page's own session late, live, while its sessionStart is less than 10 min old", async () => {
    vi.setSystemTime(1_000 + SERVER_IDLE_MS - 1);
    const { sender, collector } = setup();
    sender.send([{ session: 'own', event: mcEvent('sessionStart', 1_000) }]);
    await vi.advanceTimersByTimeAsync(100);
    expect(collector.sentTo('/api/v1/sessions')).toEqual(['sessionStart@1000']);
    expect(downloadedBodies(collector)).toEqual([]);
  });

  it('counts events an earlier page shipped at unload as delivered, and sends only the rest', async () => {
    const { collector, reports } = setup({}, await leftBehind(0, ['ping', 'ping', 'pauseStart'], [0]));
    await vi.advanceTimersByTimeAsync(100);
    expect(collector.sentTo(EVENTS)).toEqual(['ping@2001', 'pauseStart@2002']);
    expect(reports).toContainEqual({ type: 'unconfirmed', session: 'old', count: 1 });
  });

  it('forgets a session whose remaining events, its sessionEnd among them, were all shipped at unload', async () => {
    const queue = await leftBehind(0, ['ping', 'sessionEnd'], [0, 1]);
    const { collector, reports } = setup({}, queue);
    await vi.advanceTimersByTimeAsync(100);
    expect(collector.requests).toEqual([]);
    expect(reports).toEqual([{ type: 'unconfirmed', session: 'old', count: 2 }]);
    expect(await queue.sessions()).toEqual([]);
  });

  it('leaves events shipped at unload out of the downloaded batch of an expired session', async () => {
    vi.setSystemTime(SERVER_IDLE_MS);
    const { collector } = setup({}, await leftBehind(0, ['ping', 'ping', 'pauseStart'], [0]));
    await vi.advanceTimersByTimeAsync(100);
    expect(downloadedBodies(collector)).toEqual([
      ['sessionStart@2000', 'ping@2001', 'pauseStart@2002', 'sessionEnd@2003'],
    ]);
  });
});

describe('sender: final page hide with a durable queue (the outbox)', () => {
  const durable = (): EventQueue => ({ ...createMemoryQueue(), durable: () => true });
  const shippedFlags = async (queue: EventQueue) =>
    queue.peekAll().flatMap(({ items }) => items.map((i) => i.shipped ?? false));

  it('ships an idle lane whose collector answers, marked shipped until the answers come', async () => {
    const queue = durable();
    const { collector, sender } = setup({ latencyMs: 50 }, queue);
    sender.send(sessionItems('a', []));
    await vi.advanceTimersByTimeAsync(60);
    sender.send([
      { session: 'a', event: mcEvent('ping', 2_000) },
      { session: 'a', event: mcEvent('sessionEnd', 2_001) },
    ]);
    sender.flushFinal();
    await vi.advanceTimersByTimeAsync(1);
    expect(collector.requests.filter((r) => r.keepalive)).toHaveLength(2);
    expect(await shippedFlags(queue)).toEqual([true, true]);
    await vi.advanceTimersByTimeAsync(60);
    expect(queue.peekAll()).toEqual([]); // delivered, and the ended session forgotten
  });

  it('ships nothing, and marks nothing, from a lane in a run of failures: the next page sends it all', async () => {
    const queue = durable();
    const { collector, sender } = setup(
      { reply: (r) => (r.path === EVENTS ? { status: 503 } : undefined) },
      queue,
    );
    sender.send(sessionItems('a', ['play']));
    await vi.advanceTimersByTimeAsync(30);
    sender.flushFinal();
    await vi.advanceTimersByTimeAsync(1);
    expect(collector.requests.filter((r) => r.keepalive)).toEqual([]);
    expect(await shippedFlags(queue)).toEqual([false]);
  });

  it('ships nothing from a lane whose request in flight dies with the page, so nothing overtakes it', async () => {
    const queue = durable();
    const { collector, sender } = setup({ latencyMs: 50 }, queue);
    sender.send(sessionItems('a', []));
    await vi.advanceTimersByTimeAsync(60);
    sender.send([{ session: 'a', event: mcEvent('ping', 2_000) }]);
    await vi.advanceTimersByTimeAsync(1); // the ping is in flight, without keepalive
    sender.send([{ session: 'a', event: mcEvent('sessionEnd', 2_001) }]);
    sender.flushFinal();
    await vi.advanceTimersByTimeAsync(1);
    expect(collector.requests.filter((r) => r.keepalive)).toEqual([]);
    expect(await shippedFlags(queue)).toEqual([false, false]);
  });
});
