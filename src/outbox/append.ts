import type { QueuedEvent } from '../delivery/queue';
import type { DeliveryReport } from '../delivery/reports';
import type { Outgoing } from '../mc/types';
import { type OutboxCaps, overCount } from './caps';
import type { Durability } from './durability';
import type { KeyLease } from './keys';
import type { Mirror } from './mirror';
import type { Ownership } from './ownership';
import { eventRecord, sessionKey, sessionRecord } from './record';

export interface AppendDeps {
  mirror: Mirror;
  ownership: Ownership;
  durability: Durability;
  lease: KeyLease;
  caps: OutboxCaps;
  report: (report: Extract<DeliveryReport, { type: 'outboxDropped' }>) => void;
}

/**
 * The outbox's write-ahead append: ids at once, the events into this page's mirror (its own new
 * sessions claimed), the count cap applied, then one write with the events and any session record
 * they change — begun in this task, so an event produced during pagehide is on its way too.
 */
export function createAppend(deps: AppendDeps): (outgoing: readonly Outgoing[]) => Promise<QueuedEvent[]> {
  const { mirror, ownership, durability, lease, caps, report } = deps;
  let waitingForKeys: Promise<unknown> = lease.ready(1).catch(() => undefined);
  let waiters = 0;

  /** docs/outbox.md#caps: over the count cap, the oldest pings go first; drops are reported per session. */
  const enforceCount = (): Set<number> => {
    if (mirror.size() <= caps.maxEvents) return new Set();
    const dropped = mirror.remove(overCount(mirror.all(), caps.maxEvents).map((item) => item.id));
    durability.behind({ del: dropped.map((item) => item.id) });
    const counts = new Map<string, number>();
    for (const { session } of dropped) counts.set(session, (counts.get(session) ?? 0) + 1);
    for (const [session, count] of counts) report({ type: 'outboxDropped', session, count, reason: 'count' });
    return new Set(dropped.map((item) => item.id));
  };

  const store = async (outgoing: readonly Outgoing[], ids: number[]): Promise<QueuedEvent[]> => {
    const items = outgoing.map(({ session, event }, i): QueuedEvent => ({ id: ids[i]!, session, event }));
    const touched = new Set<string>();
    for (const { session, event } of items) {
      if (!mirror.has(session)) ownership.claim(session); // granted at once: no one else knows it yet
      if (!mirror.has(session) || event.eventType === 'sessionStart') touched.add(session);
    }
    mirror.add(items);
    const dropped = enforceCount();
    await durability.persist([
      ...items.filter((item) => !dropped.has(item.id)).map((item) => [item.id, eventRecord(item)] as const),
      ...[...touched].map((session) => [sessionKey(session), sessionRecord(mirror.meta(session)!)] as const),
    ]);
    mirror.saved(ids);
    return items;
  };

  return (outgoing) => {
    const count = outgoing.length;
    // Ids now while the lease has them (it nearly always has); otherwise wait, in call order.
    const ids = waiters === 0 ? lease.take(count) : undefined;
    if (ids) return store(outgoing, ids);
    waiters += 1;
    const stored = waitingForKeys
      .then(() => lease.ready(count))
      .then(() => store(outgoing, lease.take(count)!))
      .finally(() => {
        waiters -= 1;
      });
    waitingForKeys = stored.catch(() => undefined);
    return stored;
  };
}
