// The closing journal (docs/outbox.md#the-closing-journal): a page's last task, whose IndexedDB write
// never commits (WebKit, sometimes Firefox), still leaves its events to the next page — once, in order.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionMeta } from '../delivery/queue';
import { sessionItems } from '../delivery/sender.fixtures';
import { DEFAULT_CAPS } from './caps';
import { createJournal, JOURNAL_PREFIX, type JournalStorage, keptRecords } from './journal';
import { createMemoryLocks } from './locks';
import { createMemoryStore } from './memory-store';
import { dyingStore, memoryStorage, openPage, stored } from './outbox.fixtures';
import { readEvent } from './record';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

const types = (items: { event: { eventType: string } }[]) => items.map((i) => i.event.eventType);
/** The store records a session's journal entry holds: its events and its session record. */
const readKept = (storage: JournalStorage, session: string) => {
  const records = keptRecords(session, createJournal(() => storage).entry(session) ?? '');
  return {
    items: records.flatMap(([key, value]) => (typeof key === 'number' ? [readEvent(key, value)!] : [])),
    meta: records.find(([key]) => typeof key === 'string')?.[1] as SessionMeta | undefined,
  };
};
const closing = (session: string) => sessionItems(session, ['play', 'sessionEnd']).slice(2);

/** Page A plays, then its last task: the sessionEnd's write never commits, the page goes. */
async function closedPage({ keep }: { keep: boolean }) {
  const inner = createMemoryStore();
  const storage = memoryStorage();
  const locks = createMemoryLocks();
  let dying = false;
  const store = dyingStore(inner, () => dying);
  const a = openPage(store, locks, undefined, storage);
  await a.outbox.append(sessionItems('A:1', ['play']));
  dying = true;
  void a.outbox.append(closing('A:1'));
  if (keep) a.outbox.keep?.();
  a.outbox.dispose();
  dying = false; // the next page's writes commit
  const b = openPage(store, locks, undefined, storage);
  await vi.advanceTimersByTimeAsync(10);
  return { a, b, inner, storage };
}

describe('the closing journal', () => {
  it('the next page gets the sessionEnd whose write never committed, after the rest, and stores it', async () => {
    const { b, inner, storage } = await closedPage({ keep: true });
    expect(b.adopted).toEqual(['A:1']);
    expect(types(await b.outbox.pending('A:1'))).toEqual(['sessionStart', 'play', 'sessionEnd']);
    expect((await stored(inner)).events).toEqual([
      'A:1/sessionStart@1000',
      'A:1/play@2000',
      'A:1/sessionEnd@3000',
    ]);
    expect(storage.entries.size).toBe(0); // from now on the store alone holds them
  });

  it('without it the sessionEnd is lost (what WebKit did)', async () => {
    const { b } = await closedPage({ keep: false });
    expect(types(await b.outbox.pending('A:1'))).toEqual(['sessionStart', 'play']);
  });

  it('keeps only what the store may lack: events not yet committed and shipped marks', async () => {
    const storage = memoryStorage();
    const a = openPage(createMemoryStore(), createMemoryLocks(), undefined, storage);
    const [start, play] = await a.outbox.append(sessionItems('A:1', ['play', 'ping']));
    await a.outbox.setShipped([play!.id], true);
    void a.outbox.append(closing('A:1'));
    a.outbox.keep?.();
    const entry = readKept(storage, 'A:1');
    expect(entry.items.map((i) => `${i.event.eventType}${i.shipped ? ' shipped' : ''}`)).toEqual([
      'play shipped',
      'sessionEnd',
    ]);
    expect(entry.meta?.sessionStart).toEqual(start!.event);
  });

  it('never holds an event the page no longer queues, nor a mark it took back', async () => {
    const storage = memoryStorage();
    const a = openPage(createMemoryStore(), createMemoryLocks(), undefined, storage);
    const [, play, ping] = await a.outbox.append(sessionItems('A:1', ['play', 'ping']));
    await a.outbox.setShipped([play!.id, ping!.id], true);
    a.outbox.keep?.();
    await a.outbox.remove([play!.id]); // its keepalive answer came while the page was still there
    expect(types(readKept(storage, 'A:1').items)).toEqual(['ping']);
    await a.outbox.setShipped([ping!.id], false); // a retry answer: the next page must send it again
    expect(storage.entries.size).toBe(0);
  });

  it('a shipped mark the store never got still counts: the next page does not send the event twice', async () => {
    const inner = createMemoryStore();
    const storage = memoryStorage();
    const locks = createMemoryLocks();
    let dying = false;
    const store = dyingStore(inner, () => dying);
    const a = openPage(store, locks, undefined, storage);
    const [, play] = await a.outbox.append(sessionItems('A:1', ['play']));
    dying = true;
    void a.outbox.setShipped([play!.id], true);
    a.outbox.keep?.();
    a.outbox.dispose();
    dying = false;
    const b = openPage(store, locks, undefined, storage);
    await vi.advanceTimersByTimeAsync(10);
    const pending = await b.outbox.pending('A:1');
    expect(pending.map((i) => `${i.event.eventType}${i.shipped ? ' shipped' : ''}`)).toEqual([
      'sessionStart',
      'play shipped',
    ]);
  });

  it('an event both the store and the journal hold is adopted once', async () => {
    const storage = memoryStorage();
    const store = createMemoryStore();
    const locks = createMemoryLocks();
    const a = openPage(store, locks, undefined, storage);
    await a.outbox.append(sessionItems('A:1', ['play']));
    await a.outbox.append(closing('A:1')); // committed, as Chromium does with commit()
    a.outbox.keep?.();
    a.outbox.dispose();
    const b = openPage(store, locks, undefined, storage);
    await vi.advanceTimersByTimeAsync(10);
    expect(types(await b.outbox.pending('A:1'))).toEqual(['sessionStart', 'play', 'sessionEnd']);
  });

  it('finds a session only the journal knows (its record never reached the store)', async () => {
    const inner = createMemoryStore();
    const storage = memoryStorage();
    const locks = createMemoryLocks();
    let dying = false;
    const store = dyingStore(inner, () => dying);
    const a = openPage(store, locks, undefined, storage);
    await vi.advanceTimersByTimeAsync(0); // its block of keys is reserved
    dying = true;
    void a.outbox.append(sessionItems('A:1', ['sessionEnd']));
    a.outbox.keep?.();
    a.outbox.dispose();
    dying = false;
    expect((await stored(inner)).sessions).toEqual([]);
    const b = openPage(store, locks, undefined, storage);
    await vi.advanceTimersByTimeAsync(10);
    expect(b.adopted).toEqual(['A:1']);
    expect(types(await b.outbox.pending('A:1'))).toEqual(['sessionStart', 'sessionEnd']);
    expect((await b.outbox.session('A:1'))?.sessionStart?.eventType).toBe('sessionStart');
  });

  it('is read only by the page that holds the session: never while its owner lives', async () => {
    const storage = memoryStorage();
    const store = createMemoryStore();
    const locks = createMemoryLocks();
    const a = openPage(store, locks, undefined, storage);
    await a.outbox.append(sessionItems('A:1', ['play']));
    void a.outbox.append(closing('A:1'));
    a.outbox.keep?.(); // a page going into the back/forward cache, say
    const b = openPage(store, locks, undefined, storage);
    await vi.advanceTimersByTimeAsync(10);
    expect(b.adopted).toEqual([]);
    expect(storage.entries.size).toBe(1);
  });

  it('goes with a session too old to send', async () => {
    const inner = createMemoryStore();
    const storage = memoryStorage();
    const locks = createMemoryLocks();
    let dying = false;
    const a = openPage(
      dyingStore(inner, () => dying),
      locks,
      undefined,
      storage,
    );
    await a.outbox.append(sessionItems('A:1', ['play'], Date.now()));
    dying = true;
    void a.outbox.append(closing('A:1'));
    a.outbox.keep?.();
    a.outbox.dispose();
    vi.setSystemTime(Date.now() + DEFAULT_CAPS.maxAgeMs + 10_000);
    const b = openPage(inner, locks, undefined, storage);
    await vi.advanceTimersByTimeAsync(10);
    expect(b.reports).toEqual([expect.objectContaining({ type: 'outboxDropped', reason: 'age' })]);
    expect(storage.entries.size).toBe(0);
    expect((await stored(inner)).events).toEqual([]);
  });

  it('skips an entry it cannot read, and a storage that refuses costs nothing', () => {
    const storage = memoryStorage();
    storage.setItem(`${JOURNAL_PREFIX}x`, '{not json');
    expect(keptRecords('x', storage.getItem(`${JOURNAL_PREFIX}x`)!)).toEqual([]);
    const refusing = {
      ...storage,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const journal = createJournal(() => refusing);
    expect(() =>
      journal.write(
        { session: 'y' },
        sessionItems('y', []).map((o, i) => ({ ...o, id: i + 1 })),
      ),
    ).not.toThrow();
    expect(createJournal(() => undefined).sessions()).toEqual([]);
  });
});

// docs/outbox.md#the-provisional-close: what a hidden page keeps for the case it dies without its pagehide.
describe('the provisional close', () => {
  const sessionEnd = (session: string, ts: number) =>
    sessionItems(session, ['sessionEnd'], ts - 1_000).slice(1);

  /** Page A queues a session, keeps a provisional close, and dies with no pagehide at all. */
  /**
   * A hidden page with a provisional close kept for A:1 dies; the next page opens on the same store.
   * `before` runs while the page still lives; `pagehide`, in a final pagehide cut short: none of the
   * store writes it begins is committed.
   */
  async function diedHidden(
    before?: (a: ReturnType<typeof openPage>, storage: ReturnType<typeof memoryStorage>) => Promise<void>,
    pagehide?: (a: ReturnType<typeof openPage>) => void,
  ) {
    const store = createMemoryStore();
    const storage = memoryStorage();
    const locks = createMemoryLocks();
    let dying = false;
    const a = openPage(
      dyingStore(store, () => dying),
      locks,
      undefined,
      storage,
    );
    await a.outbox.append(sessionItems('A:1', ['play']));
    a.outbox.setProvisional?.('A:1', sessionEnd('A:1', 5_000));
    await before?.(a, storage);
    if (pagehide) {
      dying = true;
      pagehide(a);
    }
    a.outbox.dispose();
    dying = false;
    const b = openPage(store, locks, undefined, storage);
    await vi.advanceTimersByTimeAsync(10);
    return { a, b, store, storage };
  }

  it('a page that dies without its pagehide: the next page sends the provisional sessionEnd, last, once', async () => {
    const { b, store, storage } = await diedHidden();
    expect(b.adopted).toEqual(['A:1']);
    expect(types(await b.outbox.pending('A:1'))).toEqual(['sessionStart', 'play', 'sessionEnd']);
    expect((await stored(store)).events).toEqual([
      'A:1/sessionStart@1000',
      'A:1/play@2000',
      'A:1/sessionEnd@5000',
    ]);
    expect(storage.entries.size).toBe(0);
  });

  it('taken back ([]): nothing is left for the next page', async () => {
    const { b } = await diedHidden(async (a, storage) => {
      expect(storage.entries.size).toBe(1);
      a.outbox.setProvisional?.('A:1', []);
      expect(storage.entries.size).toBe(0);
    });
    expect(types(await b.outbox.pending('A:1'))).toEqual(['sessionStart', 'play']);
  });

  it('the session ended for real (the sessionEnd in the store): the provisional one is not sent as well', async () => {
    const { b } = await diedHidden(async (a) => {
      await a.outbox.append(sessionEnd('A:1', 6_000)); // committed; the page died before taking P back
    });
    expect(types(await b.outbox.pending('A:1'))).toEqual(['sessionStart', 'play', 'sessionEnd']);
    expect((await b.outbox.pending('A:1')).at(-1)?.event.playerTime.ts).toBe(6_000);
  });

  it('the real sessionEnd only in the journal (its write lost): that one, not the provisional', async () => {
    const { b } = await diedHidden(undefined, (a) => {
      void a.outbox.append(sessionEnd('A:1', 5_200));
      a.outbox.keep?.();
    });
    const ends = (await b.outbox.pending('A:1')).filter((item) => item.event.eventType === 'sessionEnd');
    expect(ends.map((item) => item.event.playerTime.ts)).toEqual([5_200]);
  });

  it('taken back in a pagehide cut short right after: the real sessionEnd, not yet committed, stays for the next page', async () => {
    // The final pagehide: the real close is produced, then the provisional one taken back; no keep().
    const { b } = await diedHidden(undefined, (a) => {
      void a.outbox.append(sessionEnd('A:1', 5_000));
      a.outbox.setProvisional?.('A:1', []);
    });
    expect(types(await b.outbox.pending('A:1'))).toEqual(['sessionStart', 'play', 'sessionEnd']);
  });

  it('sorts after every event queued before it, and keeps its keys while nothing was queued since', async () => {
    const storage = memoryStorage();
    const a = openPage(createMemoryStore(), createMemoryLocks(), undefined, storage);
    const [last] = (await a.outbox.append(sessionItems('A:1', ['play']))).slice(-1);
    a.outbox.setProvisional?.('A:1', sessionEnd('A:1', 5_000));
    /** The key of the entry's first provisional event. */
    const key = () => {
      const [, , provisional] = JSON.parse(storage.entries.get(`${JOURNAL_PREFIX}A:1`)!) as [
        unknown,
        unknown,
        [number, unknown][],
      ];
      return provisional[0]![0];
    };
    const first = key();
    expect(first).toBeGreaterThan(last!.id);
    a.outbox.setProvisional?.('A:1', sessionEnd('A:1', 5_500));
    expect(key()).toBe(first);
    const [ping] = await a.outbox.append(sessionItems('A:1', ['ping'], 5_000).slice(1));
    a.outbox.setProvisional?.('A:1', sessionEnd('A:1', 6_500));
    expect(key()).toBeGreaterThan(ping!.id);
    expect(a.outbox.hasProvisional?.('A:1')).toBe(true);
    a.outbox.dispose();
  });
});
