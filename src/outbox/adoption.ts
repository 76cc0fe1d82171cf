// Sessions other pages left behind (docs/outbox.md#adoption-across-tabs: reload, tab close and crash keep the
// queue; the next page on the origin delivers it). A scan lists the stored sessions and queues for the lock
// of each one this page does not know; when a lock is granted — at once if its page is gone, or the moment
// that page closes — the session's events are read into this page's mirror and the sender drains them.

import type { DeliveryReport } from '../delivery/reports';
import { tooOld } from './caps';
import type { Durability } from './durability';
import { CLOSING, eventType, type Journal, keptRecords } from './journal';
import type { Mirror } from './mirror';
import type { Ownership } from './ownership';
import { readEvent, readSession, SESSION_PREFIX, sessionKey } from './record';

export type AdoptionReport = Extract<DeliveryReport, { type: 'adopted' | 'outboxDropped' }>;

export interface AdoptionDeps {
  durability: Durability;
  ownership: Ownership;
  mirror: Mirror;
  journal: Journal;
  now: () => number;
  maxAgeMs: number;
  report: (report: AdoptionReport) => void;
  /** The session is this page's to send now. */
  adopted: (session: string) => void;
}

export function createAdoption(deps: AdoptionDeps): { scan(): Promise<void> } {
  const { durability, ownership, mirror, journal } = deps;

  /** Runs once the lock is held; true keeps it (there is something to send). */
  const adopt = async (session: string, again = false): Promise<boolean> => {
    const store = durability.readable();
    if (!store) return false;
    // Read inside the lock: whatever the previous owner committed before it let go is there.
    const [metas, numbered] = await Promise.all([store.prefixed(sessionKey(session)), store.numbered()]);
    // Read after the store: what the owner's last task kept has had time to reach this tab. Into the
    // store with it, and read again: from then on the store alone holds the session
    // (docs/outbox.md#the-closing-journal); its versions of events win (their shipped marks).
    const kept = journal.entry(session);
    if (kept && !again && durability.durable()) {
      // Its provisional close only if the store holds no end of the session (docs/outbox.md#the-provisional-close).
      const closed = numbered.some(
        ([key, value]) => readEvent(key, value)?.session === session && CLOSING.has(eventType(value)),
      );
      await durability.persist(keptRecords(session, kept, closed));
      journal.clear(session);
      return adopt(session, true);
    }
    const stored = metas.find(([key]) => key === sessionKey(session));
    const meta = stored && readSession(stored[1]);
    const items = numbered.flatMap(([key, value]) => {
      const item = readEvent(key, value);
      return item?.session === session ? [item] : [];
    });
    const keys = [...items.map((item) => item.id), sessionKey(session)];
    if (items.length === 0) {
      // Everything was delivered, but its page went before the session ended: nothing to send.
      if (meta) durability.behind({ del: keys });
      return false;
    }
    if (tooOld(items, deps.now(), deps.maxAgeMs)) {
      durability.behind({ del: keys });
      deps.report({ type: 'outboxDropped', session, count: items.length, reason: 'age' });
      return false;
    }
    mirror.add(items);
    mirror.saved(items.map((item) => item.id));
    const { session: _key, ...rest } = meta ?? { session };
    mirror.patch(session, { ...rest, adopted: true });
    deps.report({ type: 'adopted', session, count: items.length });
    deps.adopted(session);
    return true;
  };

  return {
    async scan() {
      const store = durability.readable();
      if (!store) return;
      const records = await store.prefixed(SESSION_PREFIX);
      // A session only the journal knows: its record's write, too, never committed.
      for (const session of [
        ...records.map(([, value]) => readSession(value)?.session),
        ...journal.sessions(),
      ]) {
        // A session this page holds or waits for is left alone (watch ignores it).
        if (session !== undefined) ownership.watch(session, () => adopt(session));
      }
    },
  };
}
