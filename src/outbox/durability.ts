import type { SchedulerLike } from 'rxjs';
import type { DeliveryReport } from '../delivery/reports';
import { classifyStorageError, OutboxError, type OutboxStore, type StoreKey } from './store';
import { createWriter } from './writer';

export type FallbackReport = Extract<DeliveryReport, { type: 'storageFallback' }>;

/**
 * docs/browsers.md#connection-drops-and-hanging-opens: Safari 14's first `indexedDB.open()` could hang
 * forever; never wait that long.
 */
export const OPEN_TIMEOUT_MS = 5_000;

/**
 * Whether the outbox still writes to IndexedDB, and the writes themselves. docs/outbox.md#memory-fallback: a
 * quota error or a missing IndexedDB falls back to memory and is reported, once. After a quota (or other)
 * failure, deletes and session updates are still tried: they free space, and an acknowledged event
 * left stored would be sent again by the next page.
 */
export interface Durability {
  /** Write-ahead: resolves once committed, or at once in memory mode. Never rejects. */
  persist(puts: readonly (readonly [StoreKey, unknown])[]): Promise<void>;
  /**
   * Write-behind: acknowledgements and metadata, batched, not waited for; `now` issues the write in
   * this task (during pagehide there may be no later one).
   */
  behind(
    op: { put?: readonly (readonly [StoreKey, unknown])[]; del?: readonly StoreKey[] },
    now?: boolean,
  ): void;
  reserve(count: number): Promise<number>;
  /** The store to read from, while it can be read. */
  readable(): OutboxStore | undefined;
  /** Appends still go to the store (no fallback yet). */
  durable(): boolean;
  dispose(): void;
}

export interface DurabilityDeps {
  store: OutboxStore | undefined;
  scheduler: SchedulerLike;
  report: (report: FallbackReport) => void;
  openTimeoutMs?: number;
}

export function createDurability(deps: DurabilityDeps): Durability {
  const { store, scheduler, report, openTimeoutMs = OPEN_TIMEOUT_MS } = deps;
  let appendsStored = store !== undefined;
  let usable = store !== undefined;
  let worked = false;
  const writer = store && createWriter((batch, urgent) => store.write(batch, urgent));

  const fallBack = (error: unknown) => {
    const failure = classifyStorageError(error);
    // Nothing ever worked: this page cannot use IndexedDB at all (missing, blocked, or hanging).
    const reason = failure.code === 'quota' ? 'quota' : worked ? 'failed' : 'unavailable';
    if (reason === 'unavailable') usable = false;
    if (!appendsStored) return;
    appendsStored = false;
    report({ type: 'storageFallback', reason, message: failure.message });
  };
  // Reported a tick later, so a listener added right after the plugin starts still hears it.
  const missing =
    store === undefined
      ? scheduler.schedule(() =>
          report({ type: 'storageFallback', reason: 'unavailable', message: 'This page has no IndexedDB.' }),
        )
      : undefined;

  const timed = <T>(work: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = scheduler.schedule(
        () => reject(new OutboxError('unavailable', `IndexedDB did not answer within ${openTimeoutMs} ms.`)),
        openTimeoutMs,
      );
      work.then(resolve, reject).finally(() => timer.unsubscribe());
    });

  const succeeded = <T>(value: T): T => {
    worked = true;
    return value;
  };

  return {
    async persist(puts) {
      if (!writer || !appendsStored || puts.length === 0) return;
      const written = Promise.all(puts.map(([key, value]) => writer.put(key, value)));
      writer.flush(); // the transaction starts now, even in a page's last task
      // Every send waits on this write (write-ahead): a write that never answers must not stop them.
      await timed(written).then(succeeded).catch(fallBack);
    },
    behind({ put = [], del = [] }, now = false) {
      if (!writer || !usable) return;
      for (const key of del) writer.del(key).catch(fallBack);
      for (const [key, value] of put) writer.put(key, value).catch(fallBack);
      if (now) writer.flush();
    },
    async reserve(count) {
      if (!store || !appendsStored)
        throw new OutboxError('unavailable', 'The outbox keeps events in memory.');
      return timed(store.reserveKeys(count))
        .then(succeeded)
        .catch((error: unknown) => {
          fallBack(error);
          throw error;
        });
    },
    readable: () => (store && usable ? store : undefined),
    durable: () => appendsStored,
    dispose() {
      missing?.unsubscribe();
      writer?.flush(); // what is batched starts now, before the connection closes behind it
      store?.close?.();
    },
  };
}
