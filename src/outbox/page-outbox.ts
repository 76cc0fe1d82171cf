import type { SchedulerLike } from 'rxjs';
import { createIdbStore } from './idb-store';
import { createJournal, pageStorage } from './journal';
import { createMemoryLocks, webLocks } from './locks';
import { createOutbox, type Outbox, type OutboxReport } from './outbox';

export interface PageOutboxDeps {
  scheduler: SchedulerLike;
  report: (report: OutboxReport) => void;
}

/**
 * The outbox as a page gets it: IndexedDB when the page has it (memory otherwise, reported), and
 * Web Locks when it has them. Without Web Locks (an insecure context) every tab adopts what it
 * finds, so two tabs may send the same stored session: duplicates, never a loss (README, Delivery).
 */
export function createPageOutbox({ scheduler, report }: PageOutboxDeps): Outbox {
  return createOutbox({
    store: createIdbStore(),
    locks: webLocks() ?? createMemoryLocks(),
    journal: createJournal(pageStorage),
    scheduler,
    report,
  });
}
