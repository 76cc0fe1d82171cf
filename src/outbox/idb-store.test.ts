// The IndexedDB store against fake-indexeddb (a spec-following implementation in Node); the e2e
// specs run it on the real IndexedDB of Chromium and Firefox.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createIdbStore } from './idb-store';
import { storeContract } from './store.contract';

let databases = 0;
const fresh = () => createIdbStore(`idb-store-test-${++databases}`)!;

storeContract('createIdbStore', fresh);

describe('createIdbStore', () => {
  it('keeps what it wrote for the next store on the same database (the next page)', async () => {
    const name = `idb-store-test-${++databases}`;
    await createIdbStore(name)!.write({ put: [[5, { e: 1 }]], del: [] });
    expect(await createIdbStore(name)!.numbered()).toEqual([[5, { e: 1 }]]);
    expect(await createIdbStore(name)!.reserveKeys(1)).toBe(6);
  });

  it('an urgent write aborts the reads in progress instead of waiting behind them; others wait', async () => {
    const store = fresh();
    await store.write({ put: [[1, 'a']], del: [] });
    const aborted = store.numbered().then(
      () => 'read',
      (error: Error) => error.name,
    );
    await store.write({ put: [[2, 'b']], del: [] }, true);
    expect(await aborted).toBe('OutboxError');
    const read = store.numbered();
    await store.write({ put: [[3, 'c']], del: [] });
    expect((await read).map(([key]) => key)).toEqual([1, 2]);
  });

  it('listens for the browser closing its connection once per connection, and stops on close()', async () => {
    const add = vi.spyOn(IDBDatabase.prototype, 'addEventListener');
    const remove = vi.spyOn(IDBDatabase.prototype, 'removeEventListener');
    try {
      const store = fresh();
      // Concurrent first calls all open through idb-keyval before the connection is known.
      await Promise.all([store.numbered(), store.numbered(), store.write({ put: [[1, 'a']], del: [] })]);
      expect(add.mock.calls.filter(([type]) => type === 'close')).toHaveLength(1);
      store.close?.();
      expect(remove.mock.calls.filter(([type]) => type === 'close')).toHaveLength(1);
    } finally {
      add.mockRestore();
      remove.mockRestore();
    }
  });

  it('after close() the next call reopens the database and finds what was written', async () => {
    const store = fresh();
    await store.write({ put: [[1, 'a']], del: [] });
    const closing = vi.spyOn(IDBDatabase.prototype, 'close');
    try {
      store.close?.();
      expect(closing).toHaveBeenCalledTimes(1);
    } finally {
      closing.mockRestore();
    }
    await store.write({ put: [[2, 'b']], del: [] });
    expect(await store.numbered()).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('is undefined where the page has no IndexedDB', () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error: a page without IndexedDB
    delete globalThis.indexedDB;
    try {
      expect(createIdbStore('none')).toBeUndefined();
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
