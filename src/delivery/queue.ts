import type { McEvent, Outgoing } from '../mc/types';

// The seam between delivery and storage. The IndexedDB outbox (docs/outbox.md, `src/outbox`) implements
// it; every method is async because IndexedDB is.
//
// Write-ahead (docs/outbox.md#write-ahead): the sender appends an item before its request starts
// and removes it only once the collector acknowledged it (2xx) or it was finally dropped, so a page
// that dies mid-request leaves the item for the next page (at-least-once delivery).

/** An Outgoing item once stored. `id` is numeric and strictly increasing: it orders the queue. */
export interface QueuedEvent extends Outgoing {
  readonly id: number;
  /** Sent with keepalive while a page went away, and no answer seen (see the `unconfirmed` report). */
  readonly shipped?: boolean;
}

/** Why a session takes no more live requests: its collector session died, or could never exist. */
export type SessionClosed = 'gone' | 'rejected';

/** What the outbox must persist per local session to deliver the rest of it after a reload. */
export interface SessionMeta {
  session: string;
  /** The collector's session id, once the sessions request returned it. */
  sid?: string;
  /** The API the sid belongs to (docs/delivery.md#the-protocol-seam); absent: the Media Collection API. */
  api?: 'edge';
  /** The Edge location hint the session start answered, for every later call (docs/edge.md#location-hints). */
  hint?: string;
  /** Kept so a resume copy can lead a `/api/v1/downloaded` batch (docs/outbox.md#replay). */
  sessionStart?: McEvent;
  /**
   * Wall-clock ms of the last 2xx; the collector forgets a session 10 min after
   * (docs/adobe-api.md#session-timeouts).
   */
  lastSentAt?: number;
  closed?: SessionClosed;
  /** Left by a page that is gone and taken over by this one (nobody plays it any more). */
  adopted?: boolean;
}

export type SessionPatch = Partial<Omit<SessionMeta, 'session'>>;

/** A session and every item queued for it, as the final page hide reads them. */
export interface QueuedSession {
  meta: SessionMeta;
  items: QueuedEvent[];
}

export interface EventQueue {
  /** Stores items in order, in one write; a `sessionStart` is also recorded in its session's meta. */
  append(items: readonly Outgoing[]): Promise<QueuedEvent[]>;
  /** A session's items, oldest first, once stored (write-ahead: only these may be sent). */
  pending(session: string): Promise<QueuedEvent[]>;
  /**
   * Every session with all its items, those still being written included, read synchronously: a
   * final page hide must do all its work in the pagehide task itself (a closing Firefox tab runs no
   * later microtask there, measured), and has no later moment to wait for a write.
   */
  peekAll(): QueuedSession[];
  /** Records that these items' requests left during a final page hide, unanswered so far (or not). */
  setShipped(ids: readonly number[], shipped: boolean): Promise<void>;
  /** Whether what is queued outlives this page (then a final page hide need not send everything). */
  durable(): boolean;
  /**
   * The page is going, in this task: keep what may not be stored yet where the next page finds it
   * without a write that must commit later (docs/outbox.md#the-closing-journal).
   */
  keep?(): void;
  /**
   * While the page is hidden: what a final pagehide would produce for the session, kept where the next
   * page finds it if this one dies without running it; `[]` takes it back
   * (docs/outbox.md#the-provisional-close).
   */
  setProvisional?(session: string, items: readonly Outgoing[]): void;
  /** Whether the session has a provisional close kept. */
  hasProvisional?(session: string): boolean;
  remove(ids: readonly number[]): Promise<void>;
  session(session: string): Promise<SessionMeta | undefined>;
  /** Every session with metadata (any session that ever had an item appended and was not dropped). */
  sessions(): Promise<SessionMeta[]>;
  updateSession(session: string, patch: SessionPatch): Promise<void>;
  /** Forgets a session: its metadata and any items still stored for it. */
  dropSession(session: string): Promise<void>;
}

/** `queue.append`, called now; a synchronous throw becomes a rejection, awaited later in order. */
export function appendNow(queue: EventQueue, batch: readonly Outgoing[]): Promise<unknown> {
  let stored: Promise<unknown>;
  try {
    stored = queue.append(batch);
  } catch (error) {
    stored = Promise.reject(error);
  }
  stored.catch(() => undefined); // awaited (and reported) in order by the send chain
  return stored;
}

/** The in-memory queue: the store of the delivery specs (the plugin uses the outbox, `src/outbox`). */
export function createMemoryQueue(): EventQueue {
  let nextId = 1;
  const items = new Map<number, QueuedEvent>(); // insertion order = id order
  const metas = new Map<string, SessionMeta>();

  return {
    async append(outgoing) {
      return outgoing.map(({ session, event }) => {
        const item: QueuedEvent = { id: nextId++, session, event };
        items.set(item.id, item);
        const meta = metas.get(session) ?? { session };
        metas.set(session, event.eventType === 'sessionStart' ? { ...meta, sessionStart: event } : meta);
        return item;
      });
    },
    async pending(session) {
      return [...items.values()].filter((item) => item.session === session);
    },
    peekAll: () =>
      [...metas.values()].map((meta) => ({
        meta: { ...meta },
        items: [...items.values()].filter((item) => item.session === meta.session),
      })),
    async remove(ids) {
      for (const id of ids) items.delete(id);
    },
    durable: () => false,
    async setShipped(ids, shipped) {
      for (const id of ids) {
        const item = items.get(id);
        if (item)
          items.set(id, { id, session: item.session, event: item.event, ...(shipped ? { shipped } : {}) });
      }
    },
    async session(session) {
      const meta = metas.get(session);
      return meta && { ...meta };
    },
    async sessions() {
      return [...metas.values()].map((meta) => ({ ...meta }));
    },
    async updateSession(session, patch) {
      metas.set(session, { ...(metas.get(session) ?? { session }), ...patch, session });
    },
    async dropSession(session) {
      metas.delete(session);
      for (const [id, item] of items) if (item.session === session) items.delete(id);
    },
  };
}
