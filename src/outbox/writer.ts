import type { StoreBatch, StoreKey } from './store';

export interface Writer {
  /** Queues a put; resolves once the transaction that carries it has committed. */
  put(key: StoreKey, value: unknown): Promise<void>;
  /** Queues a delete; resolves once the transaction that carries it has committed. */
  del(key: StoreKey): Promise<void>;
  /** Issues what is queued now, in this task (a page in pagehide may get no later one). */
  flush(): void;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit (docs/outbox.md#write-ahead: one transaction per burst, never one per event): every put and
 * delete asked for until the next microtask goes into one batch — or at once, with `flush`, for a
 * write that must start in this very task (write-ahead appends, marks made during pagehide). A batch
 * is issued without waiting for the one before it: IndexedDB runs readwrite transactions on a store
 * in the order they were created.
 */
export function createWriter(write: (batch: StoreBatch, urgent: boolean) => Promise<void>): Writer {
  let puts = new Map<StoreKey, unknown>();
  let dels = new Set<StoreKey>();
  let waiters: Waiter[] = [];
  let scheduled = false;

  const send = (urgent: boolean) => {
    scheduled = false;
    if (waiters.length === 0) return;
    const batch: StoreBatch = { put: [...puts], del: [...dels] };
    const settled = waiters;
    puts = new Map();
    dels = new Set();
    waiters = [];
    let written: Promise<void>;
    try {
      written = write(batch, urgent);
    } catch (error) {
      written = Promise.reject(error); // a throw must not leave the waiters waiting forever
    }
    written.then(
      () => {
        for (const waiter of settled) waiter.resolve();
      },
      (error: unknown) => {
        for (const waiter of settled) waiter.reject(error);
      },
    );
  };

  const queue = (): Promise<void> =>
    new Promise((resolve, reject) => {
      waiters.push({ resolve, reject });
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(() => send(false));
      }
    });

  return {
    put(key, value) {
      dels.delete(key);
      puts.set(key, value);
      return queue();
    },
    del(key) {
      puts.delete(key); // never written yet: deleting it is leaving it out
      dels.add(key);
      return queue();
    },
    flush: () => send(true),
  };
}
