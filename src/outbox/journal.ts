// The closing journal (docs/outbox.md#the-closing-journal): what a page's last task leaves for the next
// page when IndexedDB cannot keep it. WebKit commits no IndexedDB write begun in pagehide and Firefox
// loses one now and then (docs/browsers.md#writes-during-pagehide); a `localStorage.setItem` is done
// when it returns, in that same task. One entry per session: the events the store may not have yet
// (still being written, or marked shipped in that task) and the session's record. The next page
// reads it inside the session's Web Lock, merges it by event key and writes it to IndexedDB.
import type { QueuedEvent, SessionMeta } from '../delivery/queue';
import { eventRecord, sessionKey, sessionRecord } from './record';
import type { StoreKey } from './store';

export const JOURNAL_PREFIX = 'videojs-media-collection:closing:';

/** The part of `Storage` the journal uses (the page's `localStorage`, or a Map in the specs). */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Journal {
  /**
   * Replaces the session's entry; none at all when `items` and `provisional` are empty. `provisional`:
   * the session's provisional close (docs/outbox.md#the-provisional-close).
   */
  write(meta: SessionMeta, items: readonly QueuedEvent[], provisional?: readonly QueuedEvent[]): void;
  /** The session's entry as stored, if it has one (`keptRecords` reads it). */
  entry(session: string): string | null | undefined;
  clear(session: string): void;
  /** Every session with an entry. */
  sessions(): string[];
}

/** The page's localStorage; reading it throws where it is refused (SecurityError), which counts as none. */
export const pageStorage = (): JournalStorage => localStorage;

/**
 * Best effort: a storage that is missing or refuses (quota, blocked) leaves the page as it was
 * without a journal — the IndexedDB write of its last task is still on its way.
 */
export function createJournal(storage: () => JournalStorage | undefined): Journal {
  const attempt = <T>(work: (s: JournalStorage) => T): T | undefined => {
    try {
      const s = storage();
      return s && work(s);
    } catch {
      return undefined;
    }
  };
  const clear = (session: string) => attempt((s) => s.removeItem(JOURNAL_PREFIX + session));
  return {
    write(meta, items, provisional = []) {
      if (items.length + provisional.length === 0) return void clear(meta.session);
      const records = (list: readonly QueuedEvent[]) => list.map((item) => [item.id, eventRecord(item)]);
      const entry = [sessionRecord(meta), records(items), records(provisional)];
      attempt((s) => s.setItem(JOURNAL_PREFIX + meta.session, JSON.stringify(entry)));
    },
    entry: (session) => attempt((s) => s.getItem(JOURNAL_PREFIX + session)),
    clear,
    sessions: () =>
      attempt((s) =>
        Object.keys(s) // a Storage's own keys are its items' (HTML: the Storage interface)
          .filter((key) => key.startsWith(JOURNAL_PREFIX))
          .map((key) => key.slice(JOURNAL_PREFIX.length)),
      ) ?? [],
  };
}

/** The event types that end a session: a session holding one needs no provisional close. */
export const CLOSING = new Set(['sessionEnd', 'sessionComplete']);

/**
 * The store records an entry holds: its events under their own keys, and the session record; then its
 * provisional close, unless `closed` (the store has the session's end) or the entry's events hold it.
 * Only records of `session` (an entry is the page's own, but never trusted to write another session's
 * keys), nothing when it cannot be read. The store's readers check each record's version.
 */
export function keptRecords(session: string, kept: string, closed = false): [StoreKey, unknown][] {
  try {
    const [meta, items, provisional = []] = JSON.parse(kept) as [
      unknown,
      [StoreKey, unknown][],
      [StoreKey, unknown][]?,
    ];
    const ends = closed || items.some(([, record]) => CLOSING.has(eventType(record)));
    return [
      ...items,
      ...(ends ? [] : provisional),
      [sessionKey(session), meta] as [StoreKey, unknown],
    ].filter(([, record]) => (record as { session?: unknown } | null)?.session === session);
  } catch {
    return [];
  }
}

/** A stored event record's Media Collection event type, if it reads as one. */
export const eventType = (record: unknown): string =>
  String((record as { event?: { eventType?: unknown } } | null)?.event?.eventType);
