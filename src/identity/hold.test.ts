import { asyncScheduler, Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { McEvent, McParams, Outgoing } from '../mc/types';
import { type IdentityReport, identityHold, USER_ID } from './hold';

const ORG = 'ORG@AdobeOrg';

const item = (eventType: McEvent['eventType'], ts: number, params?: McParams, session = 's1'): Outgoing => ({
  session,
  event: { eventType, playerTime: { playhead: 0, ts }, ...(params ? { params } : {}) },
});
const start = (ts: number, params: McParams = {}, session = 's1') =>
  item('sessionStart', ts, { 'visitor.marketingCloudOrgId': ORG, ...params }, session);

/** A lookup the spec answers by hand. */
function deferred() {
  let answer!: (id: string | undefined) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<string | undefined>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { promise, answer, fail };
}

/** Runs the stage on a hand-fed source; `out` is every batch it let through, `reports` what it said. */
function stage(lookUp: (orgId: string) => Promise<string | undefined> | undefined, timeoutMs = 1000) {
  const input = new Subject<readonly Outgoing[]>();
  const release = new Subject<void>();
  const out: Outgoing[][] = [];
  const reports: IdentityReport[] = [];
  const state = { completed: false };
  const lookUpSpy = vi.fn(lookUp);
  const subscription = input
    .pipe(
      identityHold({
        lookUp: lookUpSpy,
        timeoutMs,
        scheduler: asyncScheduler,
        release$: release,
        report: (r) => reports.push(r),
      }),
    )
    .subscribe({ next: (batch) => out.push([...batch]), complete: () => (state.completed = true) });
  const flat = () => out.flat();
  const userId = (n = 0) =>
    flat().filter((o) => o.event.eventType === 'sessionStart')[n]?.event.params?.[USER_ID];
  return { input, release, out, flat, userId, reports, lookUp: lookUpSpy, subscription, state };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('identityHold', () => {
  it('holds the sessionStart and what follows until the ECID comes, then adds it; ts unchanged', async () => {
    const lookup = deferred();
    const s = stage(() => lookup.promise);
    s.input.next([start(100), item('play', 101)]);
    s.input.next([item('ping', 400)]);
    expect(s.out).toEqual([]);
    expect(s.lookUp).toHaveBeenCalledWith(ORG);
    lookup.answer('ecid-1');
    await vi.advanceTimersByTimeAsync(0);
    expect(s.flat().map((o) => [o.event.eventType, o.event.playerTime.ts])).toEqual([
      ['sessionStart', 100],
      ['play', 101],
      ['ping', 400],
    ]);
    expect(s.userId()).toBe('ecid-1');
    expect(s.flat()[0]!.event.params).toMatchObject({ 'visitor.marketingCloudOrgId': ORG });
    s.input.next([item('ping', 500)]);
    expect(s.out.at(-1)).toEqual([item('ping', 500)]); // in the same call, once released
    expect(s.reports).toEqual([]);
  });

  it('lets go after the timeout without the ECID, reports it, and later sessions do not wait', async () => {
    const lookup = deferred();
    const s = stage(() => lookup.promise);
    s.input.next([start(100)]);
    await vi.advanceTimersByTimeAsync(999);
    expect(s.out).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.flat()).toEqual([start(100)]);
    expect(s.reports).toEqual([{ type: 'identityMissing', session: 's1', reason: 'timeout' }]);
    s.input.next([start(5000, {}, 's2')]);
    expect(s.out).toHaveLength(2); // no second wait
    lookup.answer('late');
    await vi.advanceTimersByTimeAsync(0);
    s.input.next([start(9000, {}, 's3')]);
    expect(s.userId(2)).toBe('late'); // a late answer still serves the sessions after it
    expect(s.lookUp).toHaveBeenCalledTimes(1);
    expect(s.reports).toHaveLength(1);
  });

  it('never replaces an id the site put in params, and does not wait for it', () => {
    const s = stage(() => new Promise(() => undefined));
    s.input.next([start(1, { [USER_ID]: 'site-id' })]);
    expect(s.userId()).toBe('site-id');
    expect(s.lookUp).not.toHaveBeenCalled();
  });

  it('keeps the site id on a later session too, once the ECID is known', async () => {
    const s = stage(async () => 'ecid');
    s.input.next([start(1)]);
    await vi.advanceTimersByTimeAsync(0);
    s.input.next([start(2, { [USER_ID]: 'site-id' }, 's2'), start(3, {}, 's3')]);
    expect([s.userId(0), s.userId(1), s.userId(2)]).toEqual(['ecid', 'site-id', 'ecid']);
  });

  it('passes everything through at once when there is nothing to ask, and asks again next session', () => {
    const s = stage(() => undefined);
    s.input.next([start(1), item('play', 2)]);
    expect(s.flat()).toEqual([start(1), item('play', 2)]);
    s.input.next([start(3, {}, 's2')]);
    expect(s.out).toHaveLength(2);
    expect(s.lookUp).toHaveBeenCalledTimes(2); // the Visitor API may load after the first session
  });

  it('a failed lookup releases at once, reported; an empty answer releases at once, unreported', async () => {
    const failing = stage(() => Promise.reject(new Error('Visitor broke')));
    failing.input.next([start(1)]);
    await vi.advanceTimersByTimeAsync(0);
    expect(failing.flat()).toEqual([start(1)]);
    expect(failing.reports).toMatchObject([{ reason: 'failed', message: 'Visitor broke' }]);
    const empty = stage(async () => undefined);
    empty.input.next([start(1)]);
    await vi.advanceTimersByTimeAsync(0);
    expect(empty.flat()).toEqual([start(1)]);
    expect(empty.reports).toEqual([]);
  });

  it('lets go at once when the page goes or tracking ends, so a sessionEnd is never stranded', () => {
    const s = stage(() => new Promise(() => undefined));
    s.input.next([start(1), item('play', 2)]);
    s.input.next([item('sessionEnd', 3)]);
    s.release.next();
    expect(s.flat().map((o) => o.event.eventType)).toEqual(['sessionStart', 'play', 'sessionEnd']);
    expect(s.reports).toMatchObject([{ reason: 'timeout' }]);
    const t = stage(() => new Promise(() => undefined));
    t.input.next([start(1)]);
    t.input.complete();
    expect(t.state.completed).toBe(true);
    expect(t.flat()).toEqual([start(1)]);
  });

  it('holds only from the sessionStart on: what came before it in the batch leaves now', () => {
    const s = stage(() => new Promise(() => undefined));
    s.input.next([item('sessionEnd', 1, undefined, 's0'), start(2), item('play', 3)]);
    expect(s.flat()).toEqual([item('sessionEnd', 1, undefined, 's0')]);
  });

  it('stops its timer when unsubscribed', () => {
    const s = stage(() => new Promise(() => undefined));
    s.input.next([start(1)]);
    s.subscription.unsubscribe();
    expect(vi.getTimerCount()).toBe(0);
  });
});
