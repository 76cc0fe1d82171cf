import { describe, expect, it } from 'vitest';
import { deliveryState } from './delivery-state';
import { createLaneState, type LaneState } from './lane';

const lane = (patch: Partial<LaneState>): LaneState => ({ ...createLaneState('s'), ...patch });
const answer = { status: 503, at: 5 };

describe('deliveryState (table)', () => {
  it.each([
    ['nothing waits', [lane({ phase: 'waiting', waitUntil: 9 })], 0, true, { state: 'idle', waiting: 0 }],
    ['a request in flight', [lane({ phase: 'running', inFlight: [1] })], 3, true, { state: 'sending' }],
    ['final requests in flight', [lane({ finals: [1] })], 1, false, { state: 'sending' }],
    [
      'a downloaded batch in flight',
      [
        lane({ phase: 'running', inFlight: [1, 2], replaying: true }),
        lane({ phase: 'running', inFlight: [3] }),
      ],
      3,
      true,
      { state: 'replaying' },
    ],
    [
      'offline, nothing in flight',
      [lane({ phase: 'waiting', waitUntil: 9 })],
      2,
      false,
      { state: 'offline' },
    ],
    [
      'every lane waits: the first try',
      [lane({ phase: 'waiting', waitUntil: 900 }), lane({ phase: 'waiting', waitUntil: 400 }), lane({})],
      2,
      true,
      { state: 'retrying', nextTryAt: 400, waiting: 2 },
    ],
    [
      'one lane waits, another is between two requests',
      [lane({ phase: 'waiting', waitUntil: 900 }), lane({ phase: 'running' })],
      2,
      true,
      { state: 'sending' },
    ],
  ] as const)('%s', (_name, lanes, waiting, online, expected) => {
    expect(deliveryState(lanes, waiting, online, answer)).toEqual({
      waiting,
      lastAnswer: answer,
      ...expected,
    });
  });
});
