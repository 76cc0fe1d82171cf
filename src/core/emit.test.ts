import { describe, expect, it } from 'vitest';
import { emit, patch } from './emit';
import { initialState, type TrackerState } from './state';

// patch() copies the state field by field (a speed-up, see emit.ts): a field it forgot would vanish.
const everyFieldSet = Object.fromEntries(
  Object.keys(initialState).map((key, index) => [key, `value ${index}`]),
) as unknown as TrackerState;

describe('patch', () => {
  it('keeps every field of the state, and changes only the ones given', () => {
    const { state } = patch({ state: everyFieldSet, out: [] }, { playhead: 12.5, stallSince: undefined });
    expect(state).toEqual({ ...everyFieldSet, playhead: 12.5, stallSince: undefined });
    expect(Object.keys(state)).toEqual(Object.keys(initialState));
  });

  it('never changes the state it was given', () => {
    const before = { ...everyFieldSet };
    patch({ state: everyFieldSet, out: [] }, { phase: 'active' });
    expect(everyFieldSet).toEqual(before);
  });
});

describe('emit', () => {
  it('keeps every field and moves lastTs to the event ts', () => {
    const start = { ...initialState, session: 's1', lastTs: 999 };
    const { state, out } = emit({ state: start, out: [] }, 'play', 3, 999.4);
    expect(out).toEqual([
      { session: 's1', event: { eventType: 'play', playerTime: { playhead: 3, ts: 1_000 } } },
    ]);
    expect(state).toEqual({ ...start, lastTs: 1_000 });
  });
});
