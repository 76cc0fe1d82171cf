import { describe, expect, it } from 'vitest';
import type { TimeRangesLike } from '../core/signals';
import { createFakePlayer } from '../test-support/fake-player';
import { readSnapshot } from './snapshot';

const ranges = (...pairs: [number, number][]): TimeRangesLike => ({
  length: pairs.length,
  start: (i) => pairs[i]?.[0] ?? Number.NaN,
  end: (i) => pairs[i]?.[1] ?? Number.NaN,
});

describe('readSnapshot: played ranges (docs/mapping.md#seeks)', () => {
  it('carries the element’s played ranges as the player gives them', () => {
    const played = ranges([0, 4.2], [9, 9.5]);
    const player = Object.assign(createFakePlayer(), { played: () => played });
    expect(readSnapshot(player).played).toBe(played);
  });

  it('has none for a player without played()', () => {
    expect(readSnapshot(createFakePlayer()).played).toBeUndefined();
  });
});
