// One flusher per session across tabs (docs/outbox.md#adoption-across-tabs): the page that created a
// session holds its Web Lock for as long as it lives; any other page queues for that lock, and the
// browser grants it the moment the owner closes or crashes. The lock is the only proof of ownership.
import type { LockManagerLike } from './locks';

export const LOCK_PREFIX = 'videojs-media-collection:outbox:';

export interface Ownership {
  /** Holds the lock of a session this page just created: nobody else can know of it yet. */
  claim(session: string): void;
  /**
   * Queues for the lock of a session another page left, unless this page holds or waits for it
   * already. `adopt` runs once it is granted and says whether to keep holding it (false: nothing
   * left to send, release at once).
   */
  watch(session: string, adopt: () => Promise<boolean>): void;
  /** Lets go of a held lock, or stops waiting for one. */
  release(session: string): void;
  /** Releases every lock and stops every wait (tracker disposed). */
  dispose(): void;
}

interface Entry {
  /** Aborts the wait, or releases the lock once granted. */
  stop: () => void;
}

export function createOwnership(locks: LockManagerLike): Ownership {
  const entries = new Map<string, Entry>();

  const hold = (session: string, onGranted: () => Promise<boolean>) => {
    const controller = new AbortController();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const entry: Entry = {
      stop: () => {
        controller.abort();
        release();
      },
    };
    entries.set(session, entry);
    locks
      .request(LOCK_PREFIX + session, { signal: controller.signal }, async () => {
        const keep = await onGranted().catch(() => false);
        if (keep && entries.get(session) === entry) return held;
        if (entries.get(session) === entry) entries.delete(session);
        return undefined;
      })
      // An aborted wait rejects with AbortError: that is how a wait ends, not a failure.
      .catch(() => undefined);
  };

  return {
    claim(session) {
      if (!entries.has(session)) hold(session, async () => true);
    },
    watch(session, adopt) {
      if (!entries.has(session)) hold(session, adopt);
    },
    release(session) {
      entries.get(session)?.stop();
      entries.delete(session);
    },
    dispose() {
      for (const entry of entries.values()) entry.stop();
      entries.clear();
    },
  };
}
