// The sender over the outbox: the promise of docs/outbox.md end to end, on the fake clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSender } from '../delivery/sender';
import {
  createFakeCollector,
  ENDPOINT,
  type Reply,
  type SentRequest,
  sessionItems,
} from '../delivery/sender.fixtures';
import type { McEvent, Outgoing } from '../mc/types';
import type { JournalStorage } from './journal';
import { createMemoryLocks, type LockManagerLike } from './locks';
import { createMemoryStore } from './memory-store';
import { dyingStore, memoryStorage, openPage, slowStore, stored } from './outbox.fixtures';
import type { OutboxStore } from './store';

beforeEach(() => {
  vi.useFakeTimers({ now: 100_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

const EVENTS = '/api/v1/sessions/sid-1/events';

/** One page: an outbox and a sender over it, wired as the tracker wires them. */
function page(
  store: OutboxStore,
  locks: LockManagerLike,
  reply?: (request: SentRequest, index: number) => Reply | undefined,
  storage?: JournalStorage,
) {
  const connectivity = { online: true };
  const collector = createFakeCollector({ latencyMs: 10, ...(reply ? { reply } : {}) });
  const { outbox } = openPage(store, locks, undefined, storage);
  const sender = createSender({
    endpoint: ENDPOINT,
    transport: collector.transport,
    queue: outbox,
    random: () => 0.5,
    online: () => connectivity.online,
  });
  outbox.adopted$.subscribe(() => sender.wake());
  const close = () => {
    sender.dispose();
    outbox.dispose();
  };
  return { collector, connectivity, outbox, sender, close };
}

/** Every 2xx'd event body, in arrival order (the collector's view of what was delivered). */
const accepted = (collector: ReturnType<typeof createFakeCollector>, failed: Set<number>) =>
  collector.requests
    .filter((_, i) => !failed.has(i))
    .map((r) => `${(r.body as McEvent).eventType}@${(r.body as McEvent).playerTime.ts}`);

describe('outbox + sender', () => {
  it('delivers everything once, in order, through network errors, timeouts and 5xx (the head is put back)', async () => {
    const failed = new Set<number>();
    const script: Reply[] = ['network', 'timeout', { status: 503 }, 'network', { status: 500 }];
    const store = createMemoryStore();
    const { collector, sender } = page(store, createMemoryLocks(), (request, index) => {
      if (!request.path.endsWith('/events') || script.length === 0) return undefined;
      failed.add(index);
      return script.shift();
    });
    const items = sessionItems('a', ['play', 'ping', 'pauseStart', 'ping']);
    sender.send(items.slice(0, 3));
    await vi.advanceTimersByTimeAsync(2_000);
    sender.send(items.slice(3));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(accepted(collector, failed)).toEqual(
      items.map((i) => `${i.event.eventType}@${i.event.playerTime.ts}`),
    );
    expect((await stored(store)).events).toEqual([]);
  });

  it('a reload while offline: the next page sends on its sid what the last one left, in order', async () => {
    const store = createMemoryStore();
    const locks = createMemoryLocks();
    const first = page(store, locks, () => (first.connectivity.online ? undefined : 'network'));
    const items = sessionItems('p1:1', ['play', 'ping', 'ping', 'sessionEnd']);
    first.sender.send(items.slice(0, 2));
    await vi.advanceTimersByTimeAsync(100);
    first.connectivity.online = false;
    for (const item of items.slice(2)) {
      first.sender.send([item]);
      await vi.advanceTimersByTimeAsync(1_000);
    }
    first.close();
    const second = page(store, locks);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(second.collector.sentTo(EVENTS)).toEqual(['ping@3000', 'ping@4000', 'sessionEnd@5000']);
    expect(await stored(store)).toEqual({ keys: [], events: [], sessions: [] });
  });

  it('a session left without a sid goes whole to /downloaded, beginning with its own sessionStart', async () => {
    const store = createMemoryStore();
    const locks = createMemoryLocks();
    const first = page(store, locks, () => 'network');
    first.connectivity.online = false;
    first.sender.send(sessionItems('p1:1', ['play', 'ping']));
    await vi.advanceTimersByTimeAsync(1_000);
    first.close();
    const second = page(store, locks);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(second.collector.sentTo('/api/v1/sessions')).toEqual([]);
    const batches = second.collector.requests.filter((r) => r.path === '/api/v1/downloaded');
    expect(batches).toHaveLength(1);
    expect((batches[0]!.body as McEvent[]).map((e) => `${e.eventType}@${e.playerTime.ts}`)).toEqual([
      'sessionStart@1000',
      'play@2000',
      'ping@3000',
      'sessionEnd@3001',
    ]);
  });

  it('write-ahead: no request starts before its event is committed', async () => {
    const { store, writes } = slowStore(createMemoryStore(), 30);
    const { collector, sender } = page(store, createMemoryLocks());
    await vi.advanceTimersByTimeAsync(100);
    sender.send(sessionItems('a', []));
    await vi.advanceTimersByTimeAsync(29);
    expect(collector.requests).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(collector.requests).toHaveLength(1);
    expect(writes.filter((w) => w.put.length > 0)).toHaveLength(1);
  });

  it('final page hide: an event produced in that task is written and leaves with keepalive, all synchronously', async () => {
    const { store, writes } = slowStore(createMemoryStore(), 30);
    const { collector, sender } = page(store, createMemoryLocks());
    await vi.advanceTimersByTimeAsync(100);
    sender.send(sessionItems('a', []));
    await vi.advanceTimersByTimeAsync(100);
    const end: Outgoing = {
      session: 'a',
      event: { eventType: 'sessionEnd', playerTime: { playhead: 1, ts: 9_000 } },
    };
    sender.send([end]);
    sender.flushFinal();
    // No await: a closing Firefox tab runs no microtask of its pagehide (measured), so all of it starts here.
    expect(collector.requests.filter((r) => r.keepalive).map((r) => r.body)).toEqual([end.event]);
    const puts = writes.flatMap((w) => w.put).map(([, value]) => value as { event: McEvent; shipped?: true });
    expect(puts.filter((v) => v.event?.eventType === 'sessionEnd').map((v) => v.shipped)).toEqual([
      undefined,
      true,
    ]);
  });

  describe('a last task whose IndexedDB write never commits (WebKit: docs/browsers.md#writes-during-pagehide)', () => {
    /** Page A plays on sid-1; `down` cuts the collector at the server; its final pagehide, then page B. */
    async function reloadAfter(down: boolean) {
      const inner = createMemoryStore();
      const storage = memoryStorage();
      const locks = createMemoryLocks();
      let dying = false;
      const store = dyingStore(inner, () => dying);
      const cut = { down: false };
      const first = page(store, locks, () => (cut.down ? 'network' : undefined), storage);
      const items = sessionItems('p1:1', ['play', 'pauseStart', 'sessionEnd']);
      first.sender.send(items.slice(0, 2));
      await vi.advanceTimersByTimeAsync(100);
      cut.down = down;
      first.sender.send(items.slice(2, 3));
      // Hidden first, as a closing tab may be: the pauseStart leaves with keepalive, still in flight at pagehide.
      if (!down) void first.sender.flush({ keepalive: true });
      await vi.advanceTimersByTimeAsync(down ? 100 : 5);
      dying = true; // pagehide: nothing written from here on commits
      first.sender.send(items.slice(3));
      first.sender.flushFinal();
      first.close(); // gone before any keepalive answer

      dying = false;
      const second = page(inner, locks, undefined, storage);
      await vi.advanceTimersByTimeAsync(2_000);
      return { first, second, inner };
    }

    it('reload during an outage: the next page sends the rest and the closing sessionEnd, once, in order', async () => {
      const { first, second, inner } = await reloadAfter(true);
      expect(first.collector.requests.filter((r) => r.keepalive)).toEqual([]); // backing off: nothing ships
      expect(second.collector.sentTo(EVENTS)).toEqual(['pauseStart@3000', 'sessionEnd@4000']);
      expect(await stored(inner)).toEqual({ keys: [], events: [], sessions: [] });
    });

    it('shipped with keepalive, marks lost with the write: the next page sends none of it again', async () => {
      const { first, second } = await reloadAfter(false);
      expect(first.collector.sentTo(EVENTS)).toEqual(['play@2000', 'pauseStart@3000', 'sessionEnd@4000']);
      expect(first.collector.requests.slice(-2).map((r) => r.keepalive)).toEqual([true, true]);
      expect(second.collector.requests).toEqual([]); // both counted delivered (unconfirmed)
    });
  });
  // docs/outbox.md#the-provisional-close: Firefox may cut a closing background tab's pagehide short.
  describe('a hidden page whose pagehide never runs', () => {
    const end = (ts: number): Outgoing[] => [
      { session: 'p1:1', event: { eventType: 'sessionEnd', playerTime: { playhead: 2, ts } } },
    ];

    it('during an outage: its provisional close is kept, and the next page sends it after the rest, once', async () => {
      const store = createMemoryStore();
      const storage = memoryStorage();
      const locks = createMemoryLocks();
      const cut = { down: false };
      const first = page(store, locks, () => (cut.down ? 'network' : undefined), storage);
      first.sender.send(sessionItems('p1:1', ['play']));
      await vi.advanceTimersByTimeAsync(100);
      cut.down = true;
      first.sender.send(sessionItems('p1:1', ['pauseStart'], 2_000).slice(1));
      await vi.advanceTimersByTimeAsync(100); // its request failed: the lane backs off
      first.sender.provisional('p1:1', end(5_000));
      expect(first.outbox.hasProvisional?.('p1:1')).toBe(true);
      first.close(); // the tab is gone: no pagehide ran

      const second = page(store, locks, undefined, storage);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(second.collector.sentTo(EVENTS)).toEqual(['pauseStart@3000', 'sessionEnd@5000']);
      expect(await stored(store)).toEqual({ keys: [], events: [], sessions: [] });
    });

    it('while the session could ship at a final pagehide, none is kept (that pagehide sends the real one)', async () => {
      const storage = memoryStorage();
      const first = page(createMemoryStore(), createMemoryLocks(), undefined, storage);
      first.sender.send(sessionItems('p1:1', ['play']));
      await vi.advanceTimersByTimeAsync(100);
      first.sender.provisional('p1:1', end(5_000));
      expect(first.outbox.hasProvisional?.('p1:1')).toBe(false);
      expect(storage.entries.size).toBe(0);
      first.close();
    });

    it('a final pagehide while one is kept ships nothing of that session: the next page sends it, never twice', async () => {
      const store = createMemoryStore();
      const storage = memoryStorage();
      const locks = createMemoryLocks();
      const cut = { down: true };
      const first = page(store, locks, () => (cut.down ? 'network' : undefined), storage);
      first.sender.send(sessionItems('p1:1', ['play']));
      await vi.advanceTimersByTimeAsync(100); // sessions request failed: no sid yet
      first.sender.provisional('p1:1', end(5_000));
      cut.down = false;
      await vi.advanceTimersByTimeAsync(5_000); // back: the backlog delivered, the provisional close still kept
      expect(first.outbox.hasProvisional?.('p1:1')).toBe(true);
      first.sender.send(end(5_000));
      first.sender.flushFinal();
      expect(first.collector.requests.filter((r) => r.keepalive)).toEqual([]);
      first.close();
      const second = page(store, locks, undefined, storage);
      await vi.advanceTimersByTimeAsync(2_000);
      const ends = [...first.collector.requests, ...second.collector.requests].filter(
        (r) => (r.body as McEvent).eventType === 'sessionEnd',
      );
      expect(ends).toHaveLength(1);
    });
  });
});
