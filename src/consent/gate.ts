import { type MonoTypeOperatorFunction, Observable } from 'rxjs';
import type { Outgoing } from '../mc/types';

/** docs/consent.md: `in` sends, `pending` holds in memory, `out` discards and stops. */
export type Consent = 'in' | 'pending' | 'out';

export const CONSENTS: readonly Consent[] = ['in', 'pending', 'out'];

/**
 * docs/consent.md#what-each-value-does: events pass while consent is `in`; while `pending` they are kept
 * here, in memory only, and leave in one batch, in order and with their own `ts`, when it becomes
 * `in`; `out` discards them, and what arrives while `out` is dropped. `consent$` must give its
 * current value on subscription (a BehaviorSubject).
 */
export function consentGate(consent$: Observable<Consent>): MonoTypeOperatorFunction<readonly Outgoing[]> {
  return (source) =>
    new Observable<readonly Outgoing[]>((subscriber) => {
      let consent: Consent = 'pending';
      let held: Outgoing[] = [];
      const changes = consent$.subscribe((value) => {
        consent = value;
        const out = held;
        if (value !== 'pending') held = [];
        if (value === 'in' && out.length > 0) subscriber.next(out);
      });
      const input = source.subscribe({
        next(batch) {
          if (consent === 'in') subscriber.next(batch);
          else if (consent === 'pending') held.push(...batch);
        },
        error: (error) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      return () => {
        changes.unsubscribe();
        input.unsubscribe();
      };
    });
}
