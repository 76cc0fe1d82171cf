import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mcEvent, sessionItems } from '../delivery/sender.fixtures';
import { createMemoryLocks } from './locks';
import { createMemoryStore } from './memory-store';
import { LAST_SENT_RESOLUTION_MS } from './outbox';
import { openPage, slowStore, stored } from './outbox.fixtures';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

const label = (items: { event: { eventType: string; playerTime: { ts: number } } }[]) =>
  items.map((i) => `${i.event.eventType}@${i.event.playerTime.ts}`);

describe('createOutbox: write-ahead', () => {
  it('shows an event to the sender only once its write committed; one write per append, begun at once', async () => {
    const { store, writes } = slowStore(createMemoryStore(), 5);
    const { outbox } = openPage(store, createMemoryLocks());
    await vi.advanceTimersByTimeAsync(20); // the first key block is reserved
    const appended = [
      outbox.append(sessionItems('a', ['play'])),
      outbox.append([{ session: 'a', event: mcEvent('ping', 5_000) }]),
    ];
    expect(writes.map((w) => w.put.length)).toEqual([3, 1]); // events + the session record, issued at once
    expect(await outbox.pending('a')).toEqual([]);
    expect(label(outbox.peekAll()[0]!.items)).toEqual(['sessionStart@1000', 'play@2000', 'ping@5000']);
    await vi.advanceTimersByTimeAsync(5);
    await Promise.all(appended);
    expect(label(await outbox.pending('a'))).toEqual(['sessionStart@1000', 'play@2000', 'ping@5000']);
    const { events, sessions, keys } = await stored(createMemoryStoreView(store));
    expect(events).toEqual(['a/sessionStart@1000', 'a/play@2000', 'a/ping@5000']);
    expect(keys).toEqual([...keys].sort((x, y) => x! - y!));
    expect(sessions).toEqual([{ session: 'a', sessionStart: mcEvent('sessionStart', 1_000) }]);
  });

  it('keeps each session in order across many appends, with keys that sort numerically', async () => {
    const inner = createMemoryStore();
    const { outbox } = openPage(inner, createMemoryLocks());
    for (let i = 0; i < 12; i++)
      await outbox.append([{ session: i % 2 ? 'b' : 'a', event: mcEvent('ping', i) }]);
    expect(label(await outbox.pending('a'))).toEqual([0, 2, 4, 6, 8, 10].map((ts) => `ping@${ts}`));
    const { keys } = await stored(inner);
    expect(keys).toHaveLength(12);
    expect(keys).toEqual([...keys].sort((x, y) => x! - y!));
  });

  it('removes acknowledged events from the store in a batch, without making the sender wait', async () => {
    const { store, writes } = slowStore(createMemoryStore(), 5);
    const { outbox } = openPage(store, createMemoryLocks());
    const items = await Promise.all([
      outbox.append(sessionItems('a', ['play', 'ping'])),
      vi.advanceTimersByTimeAsync(20),
    ]);
    const [start, play] = items[0];
    let removed = false;
    void outbox.remove([start!.id]).then(() => (removed = true));
    void outbox.remove([play!.id]);
    await Promise.resolve();
    expect(removed).toBe(true); // before the delete commits
    expect(label(await outbox.pending('a'))).toEqual(['ping@3000']);
    await vi.advanceTimersByTimeAsync(5);
    expect(writes.at(-1)).toEqual({ put: [], del: [start!.id, play!.id] });
    expect((await stored(createMemoryStoreView(store))).events).toEqual(['a/ping@3000']);
  });

  it('persists the shipped mark and its removal', async () => {
    const inner = createMemoryStore();
    const { outbox } = openPage(inner, createMemoryLocks());
    const [start] = await outbox.append(sessionItems('a', []));
    await outbox.setShipped([start!.id], true);
    await vi.advanceTimersByTimeAsync(0);
    expect((await inner.numbered()).map(([, v]) => (v as { shipped?: true }).shipped)).toEqual([true]);
    await outbox.setShipped([start!.id], false);
    await vi.advanceTimersByTimeAsync(0);
    expect((await inner.numbered()).map(([, v]) => (v as { shipped?: true }).shipped)).toEqual([undefined]);
    expect((await outbox.pending('a'))[0]?.shipped).toBeUndefined();
  });
});

describe('createOutbox: caps', () => {
  it('over maxEvents drops the oldest pings first, reports it, and never a sessionStart', async () => {
    const inner = createMemoryStore();
    const { outbox, reports } = openPage(inner, createMemoryLocks(), { maxEvents: 3 });
    await outbox.append(sessionItems('a', ['ping', 'ping', 'ping', 'pauseStart']));
    expect(label(await outbox.pending('a'))).toEqual(['sessionStart@1000', 'ping@4000', 'pauseStart@5000']);
    expect(reports).toEqual([{ type: 'outboxDropped', session: 'a', count: 2, reason: 'count' }]);
    await vi.advanceTimersByTimeAsync(0);
    expect((await stored(inner)).events).toEqual(['a/sessionStart@1000', 'a/ping@4000', 'a/pauseStart@5000']);
  });
});

describe('createOutbox: ending a session', () => {
  it('dropSession forgets its events and record, in the store too', async () => {
    const inner = createMemoryStore();
    const { outbox } = openPage(inner, createMemoryLocks());
    await outbox.append([...sessionItems('a', ['play']), ...sessionItems('b', [])]);
    await outbox.dropSession('a');
    await vi.advanceTimersByTimeAsync(0);
    expect(await outbox.sessions()).toEqual([{ session: 'b', sessionStart: mcEvent('sessionStart', 1_000) }]);
    const { events, sessions } = await stored(inner);
    expect(events).toEqual(['b/sessionStart@1000']);
    expect(sessions.map((s) => s?.session)).toEqual(['b']);
  });
});

/** Reads a slow store's contents without waiting on the fake clock. */
function createMemoryStoreView(store: ReturnType<typeof slowStore>['store']) {
  return {
    ...store,
    numbered: () => withClock(store.numbered()),
    prefixed: (prefix: string) => withClock(store.prefixed(prefix)),
  };
}
async function withClock<T>(work: Promise<T>): Promise<T> {
  const [result] = await Promise.all([work, vi.advanceTimersByTimeAsync(10)]);
  return result;
}

describe('createOutbox: session records', () => {
  it(`stores lastSentAt at most every ${LAST_SENT_RESOLUTION_MS} ms, any other change at once`, async () => {
    const inner = createMemoryStore();
    const { outbox } = openPage(inner, createMemoryLocks());
    await outbox.append(sessionItems('a', []));
    const storedMeta = async () => {
      await vi.advanceTimersByTimeAsync(0);
      return (await stored(inner)).sessions[0];
    };
    await outbox.updateSession('a', { sid: 'sid-1', lastSentAt: 10_000 });
    await outbox.updateSession('a', { lastSentAt: 14_999 });
    expect((await storedMeta())?.lastSentAt).toBe(10_000);
    expect((await outbox.session('a'))?.lastSentAt).toBe(14_999); // the sender sees the truth
    await outbox.updateSession('a', { lastSentAt: 15_000 });
    expect((await storedMeta())?.lastSentAt).toBe(15_000);
    await outbox.updateSession('a', { lastSentAt: 15_001, closed: 'gone' });
    expect(await storedMeta()).toMatchObject({ lastSentAt: 15_001, closed: 'gone' });
  });
});
