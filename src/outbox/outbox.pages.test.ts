// Several pages (tabs, reloads) over one store and one lock manager, as pages of one origin share
// IndexedDB and Web Locks; and the fallbacks when the store fails.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionItems } from '../delivery/sender.fixtures';
import { DEFAULT_CAPS } from './caps';
import { OPEN_TIMEOUT_MS } from './durability';
import { createMemoryLocks } from './locks';
import { createMemoryStore } from './memory-store';
import { RESCAN_MS } from './outbox';
import { failingStore, openPage, stored } from './outbox.fixtures';
import type { OutboxStore } from './store';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

const types = (items: { event: { eventType: string } }[]) => items.map((i) => i.event.eventType);

describe('createOutbox: sessions other pages left', () => {
  it('a page adopts what a closed page left, in order, and never while that page lives', async () => {
    const store = createMemoryStore();
    const locks = createMemoryLocks();
    const a = openPage(store, locks);
    await a.outbox.append(sessionItems('A:1', ['play', 'ping']));
    const b = openPage(store, locks);
    await vi.advanceTimersByTimeAsync(RESCAN_MS * 2);
    expect(b.adopted).toEqual([]);
    expect(await b.outbox.sessions()).toEqual([]);
    a.outbox.dispose(); // the browser frees a closed or crashed tab's locks the same way
    await vi.advanceTimersByTimeAsync(0);
    expect(b.adopted).toEqual(['A:1']);
    expect(types(await b.outbox.pending('A:1'))).toEqual(['sessionStart', 'play', 'ping']);
    expect((await b.outbox.session('A:1'))?.sessionStart?.eventType).toBe('sessionStart');
    expect(b.reports).toEqual([{ type: 'adopted', session: 'A:1', count: 3 }]);
  });

  it('finds sessions stored after it started on its next rescan', async () => {
    const store = createMemoryStore();
    const locks = createMemoryLocks();
    const b = openPage(store, locks);
    await vi.advanceTimersByTimeAsync(10);
    const a = openPage(store, locks);
    await a.outbox.append(sessionItems('A:1', []));
    a.outbox.dispose();
    await vi.advanceTimersByTimeAsync(10);
    expect(b.adopted).toEqual([]);
    await vi.advanceTimersByTimeAsync(RESCAN_MS);
    expect(b.adopted).toEqual(['A:1']);
  });

  it('one flusher: of two pages waiting, only one adopts a session', async () => {
    const store = createMemoryStore();
    const locks = createMemoryLocks();
    const a = openPage(store, locks);
    await a.outbox.append(sessionItems('A:1', []));
    const [b, c] = [openPage(store, locks), openPage(store, locks)];
    await vi.advanceTimersByTimeAsync(10);
    a.outbox.dispose();
    await vi.advanceTimersByTimeAsync(10);
    expect([...b.adopted, ...c.adopted]).toEqual(['A:1']);
  });

  it('drops whole, and reports, a session whose newest event is older than maxAgeMs', async () => {
    const store = createMemoryStore();
    const locks = createMemoryLocks();
    const a = openPage(store, locks);
    await a.outbox.append(sessionItems('A:1', ['ping'], Date.now()));
    a.outbox.dispose();
    vi.setSystemTime(Date.now() + DEFAULT_CAPS.maxAgeMs + 1_002);
    const b = openPage(store, locks);
    await vi.advanceTimersByTimeAsync(10);
    expect(b.adopted).toEqual([]);
    expect(b.reports).toEqual([{ type: 'outboxDropped', session: 'A:1', count: 2, reason: 'age' }]);
    expect(await stored(store)).toEqual({ keys: [], events: [], sessions: [] });
  });

  it('forgets a session record left with no event (all delivered before its page went)', async () => {
    const store = createMemoryStore();
    const locks = createMemoryLocks();
    const a = openPage(store, locks);
    const [start] = await a.outbox.append(sessionItems('A:1', []));
    await a.outbox.remove([start!.id]);
    a.outbox.dispose();
    const b = openPage(store, locks);
    await vi.advanceTimersByTimeAsync(10);
    expect(b.adopted).toEqual([]);
    expect((await stored(store)).sessions).toEqual([]);
  });

  it('dispose stops its timers and lets go of its sessions', async () => {
    const locks = createMemoryLocks();
    const a = openPage(createMemoryStore(), locks);
    await a.outbox.append(sessionItems('A:1', []));
    a.outbox.dispose();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(0); // Web Locks release asynchronously too
    let granted = false;
    await locks.request('videojs-media-collection:outbox:A:1', { ifAvailable: true }, (lock) => {
      granted = lock !== null;
    });
    expect(granted).toBe(true);
  });

  it('dispose starts what is batched, then closes the store behind it', async () => {
    const inner = createMemoryStore();
    const calls: string[] = [];
    const store: OutboxStore = {
      ...inner,
      write: (batch) => {
        calls.push(`write ${batch.del.length} del`);
        return inner.write(batch);
      },
      close: () => calls.push('close'),
    };
    const a = openPage(store, createMemoryLocks());
    await a.outbox.append(sessionItems('A:1', ['play']));
    calls.length = 0;
    const [first] = await a.outbox.pending('A:1');
    void a.outbox.remove([first!.id]); // acknowledged: its delete waits for the next microtask
    a.outbox.dispose();
    expect(calls).toEqual(['write 1 del', 'close']);
  });
});

describe('createOutbox: falling back to memory', () => {
  it('on QuotaExceededError keeps events in memory, reports it once, and still deletes', async () => {
    let full = false;
    const { store, attempts } = failingStore(createMemoryStore(), (batch) => full && batch.put.length > 0);
    const page = openPage(store, createMemoryLocks());
    const [start] = await page.outbox.append(sessionItems('a', []));
    full = true;
    await page.outbox.append(sessionItems('a', ['play', 'ping']).slice(1));
    await page.outbox.append(sessionItems('a', ['play', 'ping', 'ping']).slice(3));
    expect(types(await page.outbox.pending('a'))).toEqual(['sessionStart', 'play', 'ping', 'ping']);
    expect(page.reports).toEqual([
      { type: 'storageFallback', reason: 'quota', message: 'The quota has been exceeded.' },
    ]);
    const before = attempts.length;
    await page.outbox.remove([start!.id]);
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts.slice(before)).toEqual([{ put: [], del: [start!.id] }]);
  });

  it('without IndexedDB keeps everything in memory, and says so a tick later', async () => {
    const page = openPage(undefined, createMemoryLocks());
    expect(page.reports).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(page.reports).toEqual([
      { type: 'storageFallback', reason: 'unavailable', message: 'This page has no IndexedDB.' },
    ]);
    await page.outbox.append(sessionItems('a', ['play']));
    expect(types(await page.outbox.pending('a'))).toEqual(['sessionStart', 'play']);
  });

  it('never lets a write that does not answer hold an append (every send waits on appends)', async () => {
    const inner = createMemoryStore();
    let hang = false;
    const store: OutboxStore = {
      ...inner,
      write: (batch) => (hang ? new Promise(() => {}) : inner.write(batch)),
    };
    const page = openPage(store, createMemoryLocks());
    await page.outbox.append(sessionItems('a', []));
    hang = true;
    let appended = false;
    void page.outbox.append(sessionItems('a', ['play']).slice(1)).then(() => (appended = true));
    await vi.advanceTimersByTimeAsync(OPEN_TIMEOUT_MS);
    expect(appended).toBe(true);
    expect(page.reports).toEqual([expect.objectContaining({ type: 'storageFallback', reason: 'failed' })]);
    expect(types(await page.outbox.pending('a'))).toEqual(['sessionStart', 'play']);
  });

  it('falls back when IndexedDB never answers (a hanging open)', async () => {
    const hanging: OutboxStore = {
      write: () => new Promise(() => {}),
      reserveKeys: () => new Promise(() => {}),
      numbered: () => new Promise(() => {}),
      prefixed: () => new Promise(() => {}),
    };
    const page = openPage(hanging, createMemoryLocks());
    let appended = false;
    void page.outbox.append(sessionItems('a', [])).then(() => (appended = true));
    await vi.advanceTimersByTimeAsync(OPEN_TIMEOUT_MS - 1);
    expect(appended).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(appended).toBe(true);
    expect(page.reports).toEqual([
      expect.objectContaining({ type: 'storageFallback', reason: 'unavailable' }),
    ]);
    expect(types(await page.outbox.pending('a'))).toEqual(['sessionStart']);
  });
});
