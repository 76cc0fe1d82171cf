import { type Observable, type SchedulerLike, Subscription } from 'rxjs';

export interface FlushWatch {
  /** Every batch of ids the sender removes from the queue; completes on dispose. */
  removed$: Observable<readonly number[]>;
  /** The ids to wait for: read once, after the watch has started listening. */
  snapshot: () => Promise<readonly number[]>;
  scheduler: SchedulerLike;
  timeoutMs: number;
}

/**
 * Resolves once every id in the snapshot has left the queue (delivered or dropped), or when the
 * timeout passes, or on dispose: a flush never rejects and never hangs (docs/delivery.md#flush).
 * Resolves with how many of those ids are still queued (undefined: the snapshot was never read).
 */
export function whenRemoved({
  removed$,
  snapshot,
  scheduler,
  timeoutMs,
}: FlushWatch): Promise<number | undefined> {
  return new Promise((resolve) => {
    const waiting = new Set<number>();
    const removedEarly = new Set<number>();
    const teardown = new Subscription();
    let ready = false;
    const done = () => {
      teardown.unsubscribe();
      resolve(ready ? waiting.size : undefined);
    };
    teardown.add(scheduler.schedule(done, timeoutMs));
    // Listen before reading the snapshot, so a removal racing the read is not missed.
    teardown.add(
      removed$.subscribe({
        next: (ids) => {
          for (const id of ids) {
            if (ready) waiting.delete(id);
            else removedEarly.add(id);
          }
          if (ready && waiting.size === 0) done();
        },
        complete: done,
      }),
    );
    snapshot().then((ids) => {
      for (const id of ids) if (!removedEarly.has(id)) waiting.add(id);
      ready = true;
      if (waiting.size === 0) done();
    }, done);
  });
}
