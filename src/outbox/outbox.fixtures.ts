// Test support for the outbox specs (not shipped: nothing outside tests imports it).
import { asyncScheduler } from 'rxjs';
import type { DeliveryReport } from '../delivery/reports';
import type { OutboxCaps } from './caps';
import { createJournal, type JournalStorage } from './journal';
import type { LockManagerLike } from './locks';
import { createOutbox } from './outbox';
import { readEvent, readSession, SESSION_PREFIX } from './record';
import type { OutboxStore, StoreBatch } from './store';

/** The store as IndexedDB makes it feel: every call answers `ms` later (on the fake clock). */
export function slowStore(inner: OutboxStore, ms: number) {
  const writes: StoreBatch[] = [];
  const later = <T>(work: () => Promise<T>) =>
    new Promise<void>((resolve) => setTimeout(resolve, ms)).then(work);
  const store: OutboxStore = {
    write: (batch) => {
      writes.push(batch);
      return later(() => inner.write(batch));
    },
    reserveKeys: (count) => later(() => inner.reserveKeys(count)),
    numbered: () => later(() => inner.numbered()),
    prefixed: (prefix) => later(() => inner.prefixed(prefix)),
  };
  return { store, writes };
}

/** A store that fails writes with `name` (QuotaExceededError…) while `failing()` says so. */
export function failingStore(
  inner: OutboxStore,
  failing: (batch: StoreBatch) => boolean,
  name = 'QuotaExceededError',
) {
  const attempts: StoreBatch[] = [];
  const store: OutboxStore = {
    ...inner,
    write: async (batch) => {
      attempts.push(batch);
      if (failing(batch)) throw new DOMException('The quota has been exceeded.', name);
      return inner.write(batch);
    },
    reserveKeys: async (count) => {
      if (failing({ put: [['reserve', count]], del: [] })) throw new DOMException('full', name);
      return inner.reserveKeys(count);
    },
  };
  return { store, attempts };
}

/** One page's outbox over a store and lock manager shared with other "pages" (tabs, reloads). */
export function openPage(
  store: OutboxStore | undefined,
  locks: LockManagerLike,
  caps?: Partial<OutboxCaps>,
  storage?: JournalStorage,
) {
  const reports: DeliveryReport[] = [];
  const adopted: string[] = [];
  const outbox = createOutbox({
    store,
    locks,
    scheduler: asyncScheduler,
    report: (r) => reports.push(r),
    ...(caps ? { caps } : {}),
    ...(storage ? { journal: createJournal(() => storage) } : {}),
  });
  outbox.adopted$.subscribe((session) => adopted.push(session));
  return { outbox, reports, adopted };
}

/** What the store holds: events as `type@ts` per session (key order), and the session records. */
export async function stored(store: OutboxStore) {
  const events = (await store.numbered()).map(([key, value]) => readEvent(key, value));
  const sessions = (await store.prefixed(SESSION_PREFIX)).map(([, value]) => readSession(value));
  return {
    keys: events.map((item) => item?.id),
    events: events.map((item) => `${item?.session}/${item?.event.eventType}@${item?.event.playerTime.ts}`),
    sessions,
  };
}

/**
 * The origin's localStorage as the pages of one origin share it: synchronous, its items its own
 * enumerable keys (as a Storage's are), the methods not.
 */
export function memoryStorage(): JournalStorage & { readonly entries: Map<string, string> } {
  const storage = {} as Record<string, string>;
  return Object.defineProperties(storage, {
    getItem: { value: (key: string) => (Object.hasOwn(storage, key) ? storage[key] : null) },
    setItem: {
      value: (key: string, value: string) => {
        storage[key] = String(value);
      },
    },
    removeItem: { value: (key: string) => void delete storage[key] },
    entries: { get: () => new Map(Object.entries(storage)) },
  }) as unknown as JournalStorage & { readonly entries: Map<string, string> };
}

/**
 * A store whose writes, while `dying()`, are never committed — WebKit's (and sometimes Firefox's)
 * answer to a write begun in pagehide (docs/browsers.md#writes-during-pagehide).
 */
export function dyingStore(inner: OutboxStore, dying: () => boolean): OutboxStore {
  return { ...inner, write: (batch) => (dying() ? new Promise(() => {}) : inner.write(batch)) };
}
