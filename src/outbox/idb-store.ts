// The one file that touches IndexedDB (docs/outbox.md#layers), through idb-keyval's `createStore`: a
// dedicated database, so no other idb-keyval user on the page can share (or break) its object store
// (docs/browsers.md#idb-keyval: a second store cannot be added to an existing database).
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { classifyStorageError, NEXT_KEY, type OutboxStore } from './store';

export const DB_NAME = 'videojs-media-collection';
export const STORE_NAME = 'outbox';

/**
 * docs/browsers.md#connection-drops-and-hanging-opens: Safari drops connections ("connection is closing",
 * "server lost"); reopen once.
 */
const RECONNECT_ERRORS = new Set(['InvalidStateError', 'UnknownError']);

// Every number key, and nothing else: IndexedDB orders numbers before dates, strings and arrays.
const NUMBERS = (): IDBKeyRange => IDBKeyRange.upperBound(Number.POSITIVE_INFINITY);

/** A transaction that already finished (its `complete` not yet dispatched) throws on abort(). */
function abort(tx: IDBTransaction): void {
  try {
    tx.abort();
  } catch {
    // finished: nothing to wait for
  }
}

/**
 * Undefined when this page has no IndexedDB at all. A database that cannot be opened (Firefox
 * private windows before 115, a broken profile) shows as failing calls, which the outbox handles.
 */
export function createIdbStore(dbName = DB_NAME): OutboxStore | undefined {
  if (typeof indexedDB === 'undefined' || indexedDB === null) return undefined;
  let useStore: UseStore = createStore(dbName, STORE_NAME);
  // The connection idb-keyval opened, once known. Through it a transaction starts synchronously:
  // in a closing tab's pagehide, Firefox drops a transaction started a microtask later (measured),
  // and idb-keyval starts every one after `await`ing its connection.
  let open: IDBDatabase | undefined;
  const forget = (): void => {
    open?.removeEventListener('close', forget);
    open = undefined;
  };
  const remember = (db: IDBDatabase): void => {
    if (db === open) return;
    forget();
    open = db;
    db.addEventListener('close', forget); // closed by the browser (storage cleared, Safari): reopen
  };
  // Reads in progress. A readwrite transaction waits for every earlier one on the store; one begun
  // in pagehide behind a read dies with the page (measured in Chromium: an `online` event fired
  // during the reload, its rescan read the store, and the sessionEnd written next was gone).
  const reads = new Set<IDBTransaction>();

  const begin = (store: IDBObjectStore): IDBObjectStore => {
    const tx = store.transaction;
    if (tx.mode === 'readonly') {
      reads.add(tx);
      const done = () => {
        reads.delete(tx);
        tx.removeEventListener('complete', done);
        tx.removeEventListener('abort', done);
      };
      tx.addEventListener('complete', done);
      tx.addEventListener('abort', done);
    }
    return store;
  };

  const direct = (mode: IDBTransactionMode): IDBObjectStore | undefined => {
    try {
      return open && begin(open.transaction(STORE_NAME, mode).objectStore(STORE_NAME));
    } catch {
      forget(); // closing or closed: go through idb-keyval, which reopens
      return undefined;
    }
  };

  const run = async <T>(
    mode: IDBTransactionMode,
    work: (store: IDBObjectStore) => Promise<T>,
  ): Promise<T> => {
    const now = direct(mode);
    try {
      if (now) return await work(now);
      return await useStore(mode, (store) => {
        remember(store.transaction.db);
        return work(begin(store));
      });
    } catch (error) {
      if (!RECONNECT_ERRORS.has((error as { name?: string } | null)?.name ?? ''))
        throw classifyStorageError(error);
      useStore = createStore(dbName, STORE_NAME);
      return useStore(mode, (store) => work(begin(store))).catch((again: unknown) => {
        throw classifyStorageError(again);
      });
    }
  };

  // docs/browsers.md#writes-during-pagehide, measured here: a write issued during pagehide survives the page
  // only when it asks to commit at once; left to auto-commit, both Chromium and Firefox dropped it.
  const committed = (store: IDBObjectStore): Promise<void> => {
    store.transaction.commit?.();
    return promisifyRequest(store.transaction);
  };

  const readAll = <K extends IDBValidKey>(range: IDBKeyRange) =>
    run('readonly', async (store) => {
      const [keys, values] = await Promise.all([
        promisifyRequest(store.getAllKeys(range)),
        promisifyRequest(store.getAll(range)),
      ]);
      return keys.map((key, i): [K, unknown] => [key as K, values[i]]);
    });

  return {
    write({ put, del }, urgent = false) {
      if (urgent) for (const tx of reads) abort(tx); // their callers read again later
      return run('readwrite', (store) => {
        try {
          for (const key of del) store.delete(key);
          for (const [key, value] of put) store.put(value, key);
        } catch (error) {
          // A value that cannot be cloned throws here, after earlier requests were queued: abort,
          // or those would auto-commit and the batch would be half written.
          store.transaction.abort();
          throw error;
        }
        return committed(store);
      });
    },

    reserveKeys: (count) =>
      run('readwrite', async (store) => {
        // Both reads in this one transaction: readwrite transactions on a store run one at a time
        // across tabs, so no other tab can reserve the same keys in between (docs/browsers.md#transactions).
        const counter = store.get(NEXT_KEY);
        const last = store.openKeyCursor(NUMBERS(), 'prev');
        const [next, cursor] = await Promise.all([promisifyRequest(counter), promisifyRequest(last)]);
        const first = Math.max(typeof next === 'number' ? next : 1, Number(cursor?.key ?? 0) + 1);
        store.put(first + count, NEXT_KEY);
        await committed(store);
        return first;
      }),

    numbered: () => readAll<number>(NUMBERS()),
    prefixed: (prefix) => readAll<string>(IDBKeyRange.bound(prefix, `${prefix}\uffff`)),

    close() {
      // Transactions already started still complete (IndexedDB closes after them); a call after
      // this one fails on the closed connection and reopens it through the reconnect path above.
      const db = open;
      forget();
      db?.close();
    },
  };
}
