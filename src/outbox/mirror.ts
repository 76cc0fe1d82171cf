import type { QueuedEvent, SessionMeta, SessionPatch } from '../delivery/queue';

/**
 * What this page holds of the outbox, in memory: the sessions it owns or adopted, with their
 * queued events in order. Reads never touch IndexedDB (the lane reads the queue before every
 * request), and only this page writes these sessions, so the copy cannot go stale.
 */
export interface Mirror {
  has(session: string): boolean;
  /** Appends in order; the items stay invisible to `pending` until `saved`. */
  add(items: readonly QueuedEvent[]): void;
  /** Their write committed (or there is no store to wait for). */
  saved(ids: readonly number[]): void;
  /** The session's events, oldest first: only the saved ones (write-ahead), or `all`. */
  pending(session: string, all?: boolean): QueuedEvent[];
  /** Removes what it holds of `ids` and returns those items. */
  remove(ids: readonly number[]): QueuedEvent[];
  /** Replaces items in place (same id), e.g. marked shipped. */
  replace(items: readonly QueuedEvent[]): void;
  meta(session: string): SessionMeta | undefined;
  patch(session: string, patch: SessionPatch): SessionMeta;
  metas(): SessionMeta[];
  /** Every held event, in id order (oldest first). */
  all(): QueuedEvent[];
  size(): number;
  /** Forgets a session; returns the items it still had. */
  drop(session: string): QueuedEvent[];
}

interface Held {
  meta: SessionMeta;
  items: QueuedEvent[];
}

export function createMirror(): Mirror {
  const held = new Map<string, Held>();
  const owner = new Map<number, string>();
  const unsaved = new Set<number>();
  let size = 0;

  const entry = (session: string): Held => {
    const found = held.get(session) ?? { meta: { session }, items: [] };
    held.set(session, found);
    return found;
  };

  return {
    has: (session) => held.has(session),
    add(items) {
      for (const item of items) {
        const target = entry(item.session);
        target.items.push(item);
        if (item.event.eventType === 'sessionStart')
          target.meta = { ...target.meta, sessionStart: item.event };
        owner.set(item.id, item.session);
        unsaved.add(item.id);
        size += 1;
      }
    },
    saved(ids) {
      for (const id of ids) unsaved.delete(id);
    },
    pending(session, all = false) {
      const items = held.get(session)?.items ?? [];
      if (all) return [...items];
      const firstUnsaved = items.findIndex((item) => unsaved.has(item.id));
      return items.slice(0, firstUnsaved === -1 ? items.length : firstUnsaved);
    },
    remove(ids) {
      const removed: QueuedEvent[] = [];
      for (const id of ids) {
        const target = held.get(owner.get(id) ?? '');
        const index = target?.items.findIndex((item) => item.id === id) ?? -1;
        if (index === -1) continue;
        removed.push(...target!.items.splice(index, 1));
        owner.delete(id);
        unsaved.delete(id);
        size -= 1;
      }
      return removed;
    },
    replace(items) {
      for (const item of items) {
        const target = held.get(item.session);
        const index = target?.items.findIndex((held) => held.id === item.id) ?? -1;
        if (index !== -1) target!.items[index] = item;
      }
    },
    meta: (session) => {
      const found = held.get(session);
      return found && { ...found.meta };
    },
    patch(session, patch) {
      const target = entry(session);
      target.meta = { ...target.meta, ...patch, session };
      return { ...target.meta };
    },
    metas: () => [...held.values()].map(({ meta }) => ({ ...meta })),
    all: () => [...held.values()].flatMap(({ items }) => items).sort((a, b) => a.id - b.id),
    size: () => size,
    drop(session) {
      const items = held.get(session)?.items ?? [];
      held.delete(session);
      for (const item of items) {
        owner.delete(item.id);
        unsaved.delete(item.id);
      }
      size -= items.length;
      return items;
    },
  };
}
