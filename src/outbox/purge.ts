import { createJournal, type Journal, pageStorage } from './journal';
import { SESSION_PREFIX } from './record';
import type { OutboxStore } from './store';

/**
 * docs/outbox.md#purge: deletes every stored event and session record of the origin (every tab's),
 * and every closing journal entry, as a visitor's `out` asks. The key counter stays: it is no data
 * about anyone, and a tab still holding a block of keys must never see them handed out again.
 * Resolves with the events deleted.
 */
export async function purgeStore(
  store: OutboxStore,
  journal: Journal = createJournal(pageStorage),
): Promise<number> {
  for (const session of journal.sessions()) journal.clear(session);
  const [events, sessions] = await Promise.all([store.numbered(), store.prefixed(SESSION_PREFIX)]);
  await store.write({ put: [], del: [...events, ...sessions].map(([key]) => key) });
  return events.length;
}
