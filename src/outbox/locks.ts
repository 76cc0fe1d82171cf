// The part of the Web Locks API the outbox uses (docs/browsers.md#web-locks), so it can be injected: the
// browser's `navigator.locks`, or the in-memory manager below in unit specs and where Web Locks
// are missing.

export interface LockOptions {
  ifAvailable?: boolean;
  signal?: AbortSignal;
}

/** `LockManager.request`: the lock is held until the callback's promise settles. */
export interface LockManagerLike {
  request(name: string, options: LockOptions, callback: (lock: unknown) => unknown): Promise<unknown>;
}

/** The page's Web Locks, when it has them (secure contexts; Baseline since 2022). */
export function webLocks(): LockManagerLike | undefined {
  const locks =
    typeof navigator === 'undefined' ? undefined : (navigator as { locks?: LockManagerLike | null }).locks;
  return typeof locks?.request === 'function' ? locks : undefined;
}

/**
 * Exclusive locks in one JavaScript realm, granted in request order, with `ifAvailable` and abort
 * signals as Web Locks have them. Without Web Locks every tab has its own, so nothing stops two
 * tabs from sending the same stored session (a duplicate, never a loss): the README says so.
 */
export function createMemoryLocks(): LockManagerLike {
  const held = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();

  const release = (name: string) => {
    const next = waiting.get(name)?.shift();
    if (next) next();
    else held.delete(name);
  };

  return {
    request(name, { ifAvailable = false, signal }, callback) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      const run = () =>
        Promise.resolve()
          .then(() => callback({ name }))
          .finally(() => release(name));
      if (!held.has(name)) {
        held.add(name);
        return run();
      }
      if (ifAvailable) return Promise.resolve().then(() => callback(null));
      return new Promise((resolve, reject) => {
        const grant = () => {
          signal?.removeEventListener('abort', abort);
          run().then(resolve, reject);
        };
        const abort = () => {
          const queue = waiting.get(name) ?? [];
          queue.splice(queue.indexOf(grant), 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', abort, { once: true });
        waiting.set(name, [...(waiting.get(name) ?? []), grant]);
      });
    },
  };
}
