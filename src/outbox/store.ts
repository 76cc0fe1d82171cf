// The storage layer (workbox's QueueDb): a few Map-like verbs over one key space, nothing about
// events or sessions. `idb-store.ts` implements it on IndexedDB, `memory-store.ts` in memory; both
// pass `store.contract.ts`.

export type StoreKey = number | string;

/** Puts and deletes applied together: one readwrite transaction, all or nothing. */
export interface StoreBatch {
  put: readonly (readonly [StoreKey, unknown])[];
  del: readonly StoreKey[];
}

export interface OutboxStore {
  /**
   * `urgent`: the write must start now, not wait behind a read in progress (a page in pagehide has
   * no later); such reads are aborted and fail, and their callers read again later.
   */
  write(batch: StoreBatch, urgent?: boolean): Promise<void>;
  /**
   * Reserves `count` fresh number keys, above every number key stored or reserved before, and
   * returns the first. Atomic across tabs (one readwrite transaction: docs/browsers.md#transactions).
   */
  reserveKeys(count: number): Promise<number>;
  /** Every entry with a number key, in key order. */
  numbered(): Promise<[number, unknown][]>;
  /** Every entry whose string key starts with `prefix`, in key order. */
  prefixed(prefix: string): Promise<[string, unknown][]>;
  /** Lets go of the connection, if the store holds one (the outbox is disposed). */
  close?(): void;
}

/** Where `reserveKeys` keeps its counter: a string key, so it never shows among the numbers. */
export const NEXT_KEY = 'outbox:next-key';

export type OutboxErrorCode = 'quota' | 'unavailable' | 'storage';

/**
 * A storage failure, classified (docs/contributing.md#code-style): the outbox decides from the code, never
 * the message.
 */
export class OutboxError extends Error {
  override readonly name = 'OutboxError';
  readonly code: OutboxErrorCode;

  constructor(code: OutboxErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** docs/browsers.md#quota: a full origin aborts the transaction with QuotaExceededError (check the name). */
export function classifyStorageError(error: unknown): OutboxError {
  if (error instanceof OutboxError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  return new OutboxError(name === 'QuotaExceededError' ? 'quota' : 'storage', message, { cause: error });
}
