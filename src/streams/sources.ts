// `merge` and `of` for what the plugin needs: Observables only, no scheduler. rxjs's own take any
// ObservableInput and an optional scheduler, which pulls its whole `from`/`scheduled` machinery into
// every page (about 0.5 kB min+gzip, docs/benchmarks.md#largest-remaining-cost-and-the-plan-to-cut-it).
import { Observable, Subscription } from 'rxjs';

/** Every value of every source as it comes; completes when all have, errors with the first error. */
export function merge<T>(...sources: Observable<T>[]): Observable<T> {
  return new Observable<T>((subscriber) => {
    const subscription = new Subscription();
    let active = sources.length;
    if (active === 0) subscriber.complete();
    for (const source of sources) {
      // A source that ended the merge while being subscribed (an error) stops the rest from starting.
      if (subscriber.closed) break;
      subscription.add(
        source.subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => subscriber.error(error),
          complete: () => {
            active -= 1;
            if (active === 0) subscriber.complete();
          },
        }),
      );
    }
    return subscription;
  });
}

/** One value, then complete: rxjs's `of(value)` without its scheduler path. Read at subscription. */
export const just = <T>(read: () => T): Observable<T> =>
  new Observable<T>((subscriber) => {
    subscriber.next(read());
    subscriber.complete();
  });

/** The value now on subscription, then every change: a BehaviorSubject's behaviour, without its bytes. */
export const current = <T>(read: () => T, change$: Observable<T>): Observable<T> =>
  new Observable<T>((subscriber) => {
    subscriber.next(read());
    return change$.subscribe(subscriber);
  });
