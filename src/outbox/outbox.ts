// The outbox's policy layer (workbox's `Queue`): the sender's EventQueue, kept in IndexedDB.
// docs/outbox.md#write-ahead: an event is committed before its request may start (`pending` shows
// only committed events) and leaves only when the sender removes it (2xx, or a final 400 drop).
// Acknowledgements are written behind, batched: if the page dies before that batch commits, the
// next page sends those events again (a duplicate), and never loses one.
import { type Observable, type SchedulerAction, type SchedulerLike, Subject, type Subscription } from 'rxjs';
import type { EventQueue, QueuedEvent, SessionPatch } from '../delivery/queue';
import type { DeliveryReport } from '../delivery/reports';
import { createAdoption } from './adoption';
import { createAppend } from './append';
import { DEFAULT_CAPS, type OutboxCaps } from './caps';
import { createDurability } from './durability';
import { createJournal, type Journal } from './journal';
import { createKeyLease } from './keys';
import type { LockManagerLike } from './locks';
import { createMirror } from './mirror';
import { createOwnership } from './ownership';
import { eventRecord, sessionKey, sessionRecord } from './record';
import type { OutboxStore } from './store';

export type OutboxReport = Extract<DeliveryReport, { type: 'outboxDropped' | 'storageFallback' | 'adopted' }>;

export interface OutboxDeps {
  /** IndexedDB (`createIdbStore`); undefined where the page has none: memory only, reported. */
  store: OutboxStore | undefined;
  locks: LockManagerLike;
  /** Wall clock (`now`) and timers (the rescan, the open timeout). */
  scheduler: SchedulerLike;
  report: (report: OutboxReport) => void;
  caps?: Partial<OutboxCaps>;
  /** How often to look for sessions other pages left; also done at start and on `rescan()`. */
  rescanMs?: number;
  /** Where a page's last task keeps what IndexedDB may not get (docs/outbox.md#the-closing-journal). */
  journal?: Journal;
}

export interface Outbox extends EventQueue {
  /** Sessions other pages left that this page now sends: the sender drains each one. */
  readonly adopted$: Observable<string>;
  rescan(): void;
  /** Lets go of every lock (another page may adopt what is left) and stops the timers. */
  dispose(): void;
}

export const RESCAN_MS = 15_000;

/**
 * How stale the stored `lastSentAt` may be. A 2xx moves it on every event; writing it each time
 * would double the writes of a drain. Stale only makes a page that adopts the session judge it
 * older than it is: at worst it sends to /downloaded what the collector would still have taken.
 */
export const LAST_SENT_RESOLUTION_MS = 5_000;

const onlyFresher = (stored: number | undefined, patch: SessionPatch): boolean =>
  Object.keys(patch).every((key) => key === 'lastSentAt') &&
  stored !== undefined &&
  (patch.lastSentAt ?? 0) - stored < LAST_SENT_RESOLUTION_MS;

export function createOutbox(deps: OutboxDeps): Outbox {
  const { scheduler, report, rescanMs = RESCAN_MS } = deps;
  const caps = { ...DEFAULT_CAPS, ...deps.caps };
  const adopted$ = new Subject<string>();
  const mirror = createMirror();
  const journal = deps.journal ?? createJournal(() => undefined);
  const ownership = createOwnership(deps.locks);
  const durability = createDurability({ store: deps.store, scheduler, report });
  const lease = createKeyLease((count) => durability.reserve(count));
  const adoption = createAdoption({
    durability,
    ownership,
    mirror,
    journal,
    now: () => scheduler.now(),
    maxAgeMs: caps.maxAgeMs,
    report,
    adopted: (session) => adopted$.next(session),
  });
  /** The lastSentAt each session's stored record has (see LAST_SENT_RESOLUTION_MS). */
  const lastSentStored = new Map<string, number>();
  let disposed = false;

  const rescan = () => {
    if (!disposed) adoption.scan().catch(() => undefined); // a failed read is tried again next time
  };
  const timer: Subscription = scheduler.schedule(function again(this: SchedulerAction<unknown>) {
    rescan();
    this.schedule(undefined, rescanMs);
  }, rescanMs);
  rescan();

  /** docs/outbox.md#the-provisional-close: per session, kept in its entry (and so rewritten with it). */
  const provisional = new Map<string, QueuedEvent[]>();
  /** Sessions whose entry this page wrote before its last task: kept up to date until it empties. */
  const journaled = new Set<string>();
  /** The page's last task came (a journal entry written): entries are kept up to date from then on. */
  let keeping = false;
  /**
   * docs/outbox.md#the-closing-journal: what the store may lack — every event from the first one whose
   * write has not committed, and those marked shipped — rewritten on each later change, so an entry
   * never holds an event this page no longer queues, nor a mark it took back.
   */
  const keep = () => {
    for (const meta of mirror.metas()) {
      const { session } = meta;
      if (!keeping && !journaled.has(session)) continue;
      const saved = mirror.pending(session).length;
      const items = mirror.pending(session, true).filter((item, i) => i >= saved || item.shipped);
      const own = provisional.get(session) ?? [];
      journal.write(meta, items, own);
      if (items.length + own.length === 0) journaled.delete(session);
    }
  };
  const forget = (items: readonly QueuedEvent[]) => {
    durability.behind({ del: items.map((item) => item.id) });
    keep();
  };
  const append = createAppend({ mirror, ownership, durability, lease, caps, report });

  return {
    adopted$: adopted$.asObservable(),
    append,
    pending: async (session) => mirror.pending(session),
    peekAll: () => mirror.metas().map((meta) => ({ meta, items: mirror.pending(meta.session, true) })),
    durable: () => durability.durable(),
    async remove(ids) {
      forget(mirror.remove(ids));
    },
    async setShipped(ids, shipped) {
      const changed = mirror
        .all()
        .filter((item) => ids.includes(item.id))
        .map(
          ({ id, session, event }): QueuedEvent => ({ id, session, event, ...(shipped ? { shipped } : {}) }),
        );
      mirror.replace(changed);
      // Marked during pagehide: the write starts in this task, as the keepalive requests do.
      durability.behind({ put: changed.map((item) => [item.id, eventRecord(item)] as const) }, true);
      keep();
    },
    setProvisional(session, items) {
      const before = provisional.get(session);
      const queued = mirror.pending(session, true);
      const last = queued[queued.length - 1]?.id ?? -1;
      // Ids after every event the page queued for the session, so the next page sorts them last; the
      // same ones again while nothing was queued since (a preview per signal takes no new keys).
      const ids =
        items.length === 0
          ? undefined
          : before?.length === items.length && before[0]!.id > last
            ? before.map((item) => item.id)
            : lease.take(items.length);
      provisional.delete(session);
      if (ids)
        provisional.set(
          session,
          items.map(({ event }, i) => ({ id: ids[i]!, session, event })),
        );
      // Taken back, the entry keeps what the store may still lack: at a final pagehide the real close,
      // produced a moment ago, is not committed yet, and that task may end before its own journal write.
      if (ids || before) journaled.add(session);
      keep();
    },
    hasProvisional: (session) => provisional.has(session),
    keep() {
      // In memory only, every event counts as saved at once: only shipped marks are kept then.
      keeping = true;
      keep();
    },
    session: async (session) => mirror.meta(session),
    sessions: async () => mirror.metas(),
    async updateSession(session, patch) {
      if (!mirror.has(session)) ownership.claim(session);
      const meta = mirror.patch(session, patch);
      if (onlyFresher(lastSentStored.get(session), patch)) return;
      if (meta.lastSentAt !== undefined) lastSentStored.set(session, meta.lastSentAt);
      durability.behind({ put: [[sessionKey(session), sessionRecord(meta)]] });
    },
    async dropSession(session) {
      lastSentStored.delete(session);
      const items = mirror.drop(session);
      durability.behind({ del: [...items.map((item) => item.id), sessionKey(session)] });
      provisional.delete(session);
      if (journaled.delete(session) || keeping) journal.clear(session);
      ownership.release(session);
    },
    rescan,
    dispose() {
      if (disposed) return;
      disposed = true;
      timer.unsubscribe();
      durability.dispose();
      ownership.dispose();
      adopted$.complete();
    },
  };
}
