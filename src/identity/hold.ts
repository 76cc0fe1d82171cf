import { type MonoTypeOperatorFunction, Observable, type SchedulerLike, type Subscription } from 'rxjs';
import type { Outgoing } from '../mc/types';

/**
 * The session started without the visitor's ECID: the lookup gave no answer in time (or before the page
 * went), or failed (`message` says how). A lookup that answered "no ECID" is not reported.
 */
export interface IdentityReport {
  type: 'identityMissing';
  session: string;
  reason: 'timeout' | 'failed';
  message?: string;
}

export interface IdentityHoldDeps {
  /** Starts the lookup for an org id (`lookUpIdentity`), or undefined when there is nothing to ask. */
  lookUp: (orgId: string) => Promise<string | undefined> | undefined;
  /** How long a `sessionStart` may wait for the ECID. */
  timeoutMs: number;
  scheduler: SchedulerLike;
  /** Waiting must end now (final page hide, dispose): what is held leaves at once, without the ECID. */
  release$: Observable<unknown>;
  report: (report: IdentityReport) => void;
}

export const USER_ID = 'visitor.marketingCloudUserId';
const ORG_ID = 'visitor.marketingCloudOrgId';

/**
 * docs/identity.md#the-wait: a `sessionStart` without `visitor.marketingCloudUserId` in its params, and
 * everything after it, waits until the visitor's ECID is known or `timeoutMs` has passed; the
 * `sessionStart` then carries the ECID, when there is one. Events keep their `ts`, so nothing about
 * the session changes but when it leaves. One lookup per subscription (per tracker): once it has
 * answered, or its wait has ended once, no later session waits; an answer that comes late still goes
 * on the sessions after it. Nothing is held otherwise: batches pass through in the same call.
 */
export function identityHold(deps: IdentityHoldDeps): MonoTypeOperatorFunction<readonly Outgoing[]> {
  return (source) =>
    new Observable<readonly Outgoing[]>((subscriber) => {
      let id: string | undefined;
      let settled = false;
      let lookup: Promise<string | undefined> | undefined;
      let held: Outgoing[] | undefined;
      let timer: Subscription | undefined;

      const stamp = (item: Outgoing): Outgoing => {
        const params = item.event.params;
        return item.event.eventType === 'sessionStart' && id !== undefined && !params?.[USER_ID]
          ? { ...item, event: { ...item.event, params: { ...params, [USER_ID]: id } } }
          : item;
      };
      const release = (reason?: IdentityReport['reason'], message?: string) => {
        const out = held;
        if (settled || out === undefined) return;
        settled = true;
        held = undefined;
        timer?.unsubscribe();
        const session = out[0]!.session;
        if (reason)
          deps.report({ type: 'identityMissing', session, reason, ...(message ? { message } : {}) });
        subscriber.next(out.map(stamp));
      };
      const ask = (orgId: string): boolean => {
        if (lookup) return true;
        lookup = deps.lookUp(orgId);
        lookup?.then(
          (found) => {
            id = found;
            release();
          },
          (error: Error) => release('failed', error.message),
        );
        return lookup !== undefined;
      };
      const waits = ({ event }: Outgoing): boolean =>
        event.eventType === 'sessionStart' &&
        !settled &&
        !event.params?.[USER_ID] &&
        ask(String(event.params?.[ORG_ID] ?? ''));

      const giveUp = () => release('timeout');
      const end = deps.release$.subscribe(giveUp);
      const input = source.subscribe({
        next(batch) {
          const out: Outgoing[] = [];
          for (const item of batch) {
            if (held) held.push(item);
            else if (waits(item)) {
              held = [item];
              timer = deps.scheduler.schedule(giveUp, deps.timeoutMs);
            } else out.push(stamp(item));
          }
          if (out.length > 0) subscriber.next(out);
        },
        error: (error) => subscriber.error(error),
        complete() {
          giveUp();
          subscriber.complete();
        },
      });
      return () => {
        input.unsubscribe();
        end.unsubscribe();
        timer?.unsubscribe();
      };
    });
}
