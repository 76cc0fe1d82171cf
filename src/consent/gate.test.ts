import { BehaviorSubject, Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { McEvent, Outgoing } from '../mc/types';
import { type Consent, consentGate } from './gate';

const item = (eventType: McEvent['eventType'], ts: number): Outgoing => ({
  session: 's1',
  event: { eventType, playerTime: { playhead: 0, ts } },
});

function gate(initial: Consent) {
  const consent = new BehaviorSubject<Consent>(initial);
  const input = new Subject<readonly Outgoing[]>();
  const out: (readonly Outgoing[])[] = [];
  const subscription = input.pipe(consentGate(consent)).subscribe((batch) => out.push(batch));
  return { consent, input, out, subscription };
}

describe('consentGate', () => {
  it('in: every batch passes in the same call', () => {
    const g = gate('in');
    g.input.next([item('sessionStart', 1)]);
    expect(g.out).toEqual([[item('sessionStart', 1)]]);
  });

  it('pending → in: nothing passes, then everything held leaves in one batch, in order, ts unchanged', () => {
    const g = gate('pending');
    g.input.next([item('sessionStart', 1), item('play', 2)]);
    g.input.next([item('ping', 10_002)]);
    expect(g.out).toEqual([]);
    g.consent.next('in');
    expect(g.out).toEqual([[item('sessionStart', 1), item('play', 2), item('ping', 10_002)]]);
    g.input.next([item('ping', 20_002)]);
    expect(g.out).toHaveLength(2);
    g.consent.next('in'); // nothing held: nothing sent twice
    expect(g.out).toHaveLength(2);
  });

  it('pending → out: what was held is discarded and nothing passes any more', () => {
    const g = gate('pending');
    g.input.next([item('sessionStart', 1)]);
    g.consent.next('out');
    g.input.next([item('ping', 2)]);
    g.consent.next('in');
    expect(g.out).toEqual([]); // the held sessionStart did not survive 'out'
    g.input.next([item('sessionStart', 3)]);
    expect(g.out).toEqual([[item('sessionStart', 3)]]);
  });

  it('in → pending: holds again from then on', () => {
    const g = gate('in');
    g.consent.next('pending');
    g.input.next([item('ping', 1)]);
    expect(g.out).toEqual([]);
    g.consent.next('in');
    expect(g.out).toEqual([[item('ping', 1)]]);
  });

  it('lets go of the consent stream when unsubscribed', () => {
    const g = gate('pending');
    g.subscription.unsubscribe();
    expect(g.consent.observed).toBe(false);
  });
});
