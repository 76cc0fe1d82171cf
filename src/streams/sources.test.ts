import { EMPTY, Observable, of, Subject, throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { current, deferred, each, just, merge, switchMap } from './sources';

const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('merge (Observables only)', () => {
  it('passes every value as it comes and completes when all sources have', () => {
    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(merge(cold('a-c-|'), cold('-b---d|'))).toBe('abc--d|');
    });
  });

  it('errors with the first error and unsubscribes the others', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const long = cold('---a--b|');
      expectObservable(merge(long, cold('-#'))).toBe('-#');
      expectSubscriptions(long.subscriptions).toBe('^!');
    });
  });

  it('unsubscribes every source when the subscriber leaves', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('-a-a-a-a');
      const b = cold('--b--b--');
      expectObservable(merge(a, b), '^---!').toBe('-aba');
      expectSubscriptions(a.subscriptions).toBe('^---!');
      expectSubscriptions(b.subscriptions).toBe('^---!');
    });
  });

  it('subscribes in order, synchronous values included, and completes at once with no source', () => {
    const seen: string[] = [];
    merge(of('a'), of('b')).subscribe({ next: (v) => seen.push(v), complete: () => seen.push('|') });
    merge<string>().subscribe({ complete: () => seen.push('none') });
    merge(EMPTY).subscribe({ complete: () => seen.push('empty') });
    expect(seen).toEqual(['a', 'b', '|', 'none', 'empty']);
  });

  it('starts no source after one errored while being subscribed', () => {
    let started = false;
    const later = new Observable<never>(() => {
      started = true;
    });
    const errors: unknown[] = [];
    merge<never>(
      throwError(() => 'boom'),
      later,
    ).subscribe({ error: (e) => errors.push(e) });
    expect({ errors, started }).toEqual({ errors: ['boom'], started: false });
  });

  it('a subject source stays hot: later values arrive', () => {
    const subject = new Subject<number>();
    const seen: number[] = [];
    merge(subject, of(0)).subscribe((v) => seen.push(v));
    subject.next(1);
    expect(seen).toEqual([0, 1]);
  });
});

describe('just', () => {
  it('gives the value read at each subscription, then completes', () => {
    let value = 1;
    const one = just(() => value);
    const seen: (number | string)[] = [];
    one.subscribe({ next: (v) => seen.push(v), complete: () => seen.push('|') });
    value = 2;
    one.subscribe({ next: (v) => seen.push(v), complete: () => seen.push('|') });
    expect(seen).toEqual([1, '|', 2, '|']);
  });
});

describe('current', () => {
  it('gives the value now to each new subscriber, then every change', () => {
    let value = 'a';
    const change$ = new Subject<string>();
    const value$ = current(() => value, change$);
    const first: string[] = [];
    value$.subscribe((v) => first.push(v));
    value = 'b';
    change$.next('b');
    const second: string[] = [];
    const subscription = value$.subscribe((v) => second.push(v));
    change$.next('c');
    subscription.unsubscribe();
    change$.next('d');
    expect({ first, second }).toEqual({ first: ['a', 'b', 'c', 'd'], second: ['b', 'c'] });
  });
});

describe('switchMap (Observables only)', () => {
  it('follows the inner stream of the latest value, unsubscribing the one before', () => {
    scheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const a = cold('-a-a-a|');
      const b = cold('-b-b|');
      const inner: Record<string, Observable<string>> = { x: a, y: b };
      expectObservable(hot('x---y------|').pipe(switchMap((k: string) => inner[k]!))).toBe('-a-a-b-b---|');
      expectSubscriptions(a.subscriptions).toBe('^---!');
      expectSubscriptions(b.subscriptions).toBe('----^---!');
    });
  });

  it('completes only once the source and the last inner stream have', () => {
    scheduler().run(({ cold, hot, expectObservable }) => {
      expectObservable(hot('x|').pipe(switchMap(() => cold('--a|')))).toBe('--a|');
      expectObservable(hot('x--|').pipe(switchMap(() => EMPTY))).toBe('---|');
    });
  });

  it('an inner stream that completes synchronously leaves nothing followed', () => {
    const seen: string[] = [];
    of(1, 2)
      .pipe(switchMap((n) => (n === 1 ? EMPTY : of(`v${n}`))))
      .subscribe({ next: (v) => seen.push(v), complete: () => seen.push('|') });
    expect(seen).toEqual(['v2', '|']);
  });

  it('errors with an inner error, and unsubscribes the source', () => {
    scheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot('x-----y');
      expectObservable(source.pipe(switchMap(() => cold('-a#')))).toBe('-a#');
      expectSubscriptions(source.subscriptions).toBe('^-!');
    });
  });

  it('unsubscribes the source and the inner stream when the subscriber leaves', () => {
    scheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot('x------');
      const inner = cold('-a-a-a-a');
      expectObservable(source.pipe(switchMap(() => inner)), '^--!').toBe('-a-');
      expectSubscriptions(source.subscriptions).toBe('^--!');
      expectSubscriptions(inner.subscriptions).toBe('^--!');
    });
  });
});

describe('each', () => {
  it('gives each item of each array in order, and passes completion and errors on', () => {
    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('a-b-c|', { a: [1, 2], b: [], c: [3] }).pipe(each)).toBe('(xy)z|', {
        x: 1,
        y: 2,
        z: 3,
      });
      expectObservable(cold('a#', { a: [1] }).pipe(each)).toBe('x#', { x: 1 });
    });
  });
});

describe('deferred', () => {
  it('makes the Observable anew at each subscription', () => {
    let made = 0;
    const source = deferred(() => {
      made += 1;
      return of(made);
    });
    const seen: number[] = [];
    source.subscribe((v) => seen.push(v));
    source.subscribe((v) => seen.push(v));
    expect(seen).toEqual([1, 2]);
  });
});
