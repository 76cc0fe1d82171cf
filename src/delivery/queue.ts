import type { McEvent, Outgoing } from '../mc/types';

// The seam between delivery and storage. The IndexedDB outbox (PRODUCT §5) implements the same
// interface later; every method is async because IndexedDB is.
//
// Write-ahead (PRODUCT §5, reliability §0.1): the sender appends an item before its request starts
// and removes it only once the collector acknowledged it (2xx) or it was finally dropped, so a page
// that dies mid-request leaves the item for the next page (at-least-once delivery).

/** An Outgoing item once stored. `id` is numeric and strictly increasing: it orders the queue. */
export interface QueuedEvent extends Outgoing {
  readonly id: number;
}

/** Why a session takes no more live requests: its collector session died, or could never exist. */
export type SessionClosed = 'gone' | 'rejected';

/** What the outbox must persist per local session to deliver the rest of it after a reload. */
export interface SessionMeta {
  session: string;
  /** The collector's session id, once the sessions request returned it. */
  sid?: string;
  /** Kept so a resume copy can lead a `/api/v1/downloaded` batch (PRODUCT §5). */
  sessionStart?: McEvent;
  /** Wall-clock ms of the last 2xx; the collector forgets a session 10 min after (MC API §5.4). */
  lastSentAt?: number;
  closed?: SessionClosed;
}

export type SessionPatch = Partial<Omit<SessionMeta, 'session'>>;

export interface EventQueue {
  /** Stores items in order, in one write; a `sessionStart` is also recorded in its session's meta. */
  append(items: readonly Outgoing[]): Promise<QueuedEvent[]>;
  /** A session's stored items, oldest first. */
  pending(session: string): Promise<QueuedEvent[]>;
  remove(ids: readonly number[]): Promise<void>;
  session(session: string): Promise<SessionMeta | undefined>;
  /** Every session with metadata (any session that ever had an item appended and was not dropped). */
  sessions(): Promise<SessionMeta[]>;
  updateSession(session: string, patch: SessionPatch): Promise<void>;
  /** Forgets a session: its metadata and any items still stored for it. */
  dropSession(session: string): Promise<void>;
}

/** The in-memory queue: the default until the outbox exists, and the store for delivery tests. */
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
    async remove(ids) {
      for (const id of ids) items.delete(id);
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
