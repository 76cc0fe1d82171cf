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

/**
 * rxjs's `switchMap` for projections that return an Observable: each value unsubscribes the inner
 * stream of the one before and follows its own. rxjs's own accepts any ObservableInput (promises,
 * iterables, async iterables), which brought its `from` machinery and tslib's generator helpers to
 * every page (docs/benchmarks.md#largest-remaining-cost-and-the-plan-to-cut-it). Completes once the
 * source has and the last inner stream has; errors with the first error.
 */
export const switchMap =
  <T, R>(project: (value: T) => Observable<R>) =>
  (source: Observable<T>): Observable<R> =>
    new Observable<R>((subscriber) => {
      let inner: Subscription | undefined;
      let live: object | undefined; // the inner stream now followed, until it completes
      let outerDone = false;
      const outer = source.subscribe({
        next: (value) => {
          inner?.unsubscribe();
          const mine = {};
          live = mine;
          const subscription = project(value).subscribe({
            next: (item) => subscriber.next(item),
            error: (error: unknown) => subscriber.error(error),
            complete: () => {
              if (live !== mine) return;
              live = undefined;
              if (outerDone) subscriber.complete();
            },
          });
          inner = live === mine ? subscription : undefined;
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          outerDone = true;
          if (!live) subscriber.complete();
        },
      });
      return () => {
        outer.unsubscribe();
        inner?.unsubscribe();
      };
    });

/** Each item of each array, in order: rxjs's `mergeMap((batch) => batch)` without its `from` path. */
export const each = <T>(source: Observable<readonly T[]>): Observable<T> =>
  new Observable<T>((subscriber) =>
    source.subscribe({
      next: (batch) => {
        for (const item of batch) subscriber.next(item);
      },
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    }),
  );

/** The Observable `make` returns, made anew at each subscription (rxjs's `defer`, Observables only). */
export const deferred = <T>(make: () => Observable<T>): Observable<T> =>
  new Observable<T>((subscriber) => make().subscribe(subscriber));
