import { describe, expect, it } from 'vitest';
import {
  createLaneState,
  heldOffline,
  type LaneAction,
  type LaneInput,
  type LaneState,
  mayShip,
  type RetryCause,
  transition,
} from './lane';
import { mcEvent } from './sender.fixtures';

// Beat scripts: each row feeds inputs to one lane and reads what it asked for, in order, as short
// words ('step', 'wait 750', 'report retrying 1 750'…), and the state it ends in.

const PING = mcEvent('ping', 5_000);
const cause = (status: number, extra: Partial<RetryCause> = {}): RetryCause => ({
  reason: status === 0 ? 'network' : 'status',
  status,
  message: `HTTP ${status}`,
  ...extra,
});
/** A failed head request at `at` ms; jitter 0.5 makes the n-th wait ¾ of 2^(n−1) s. */
const failed = (at: number, c: RetryCause = cause(503)): LaneInput[] => [
  { type: 'sent', ids: [1], keepalive: false, replay: false, at },
  { type: 'answered', ids: [1], status: c.status, retry: true },
  { type: 'retry', event: PING, cause: c, at, jitter: 0.5 },
];
const ok = (at: number, id = 1): LaneInput[] => [
  { type: 'sent', ids: [id], keepalive: false, replay: false, at },
  { type: 'answered', ids: [id], status: 204, retry: false },
  { type: 'stepped', outcome: 'next' },
];
const DRAIN: LaneInput = { type: 'drain' };
const IDLE: LaneInput = { type: 'stepped', outcome: 'idle' };

const word = (action: LaneAction): string => {
  switch (action.type) {
    case 'wait':
      return `wait ${action.ms}`;
    case 'unmark':
      return `unmark ${action.ids.join(',')}`;
    case 'report': {
      const { report } = action;
      return report.type === 'retrying'
        ? `report retrying ${report.attempt} ${report.delayMs}`
        : `report ${report.type}`;
    }
    default:
      return action.type;
  }
};

function play(inputs: readonly LaneInput[], from: LaneState = createLaneState('s')) {
  let state = from;
  const words: string[] = [];
  for (const input of inputs) {
    const next = transition(state, input);
    state = next.state;
    words.push(...next.actions.map(word));
  }
  return { state, words };
}

interface Row {
  name: string;
  beats: LaneInput[];
  words: string[];
  state?: Partial<LaneState>;
}

const rows: Row[] = [
  { name: 'a drain starts the loop', beats: [DRAIN], words: ['step'], state: { phase: 'running' } },
  {
    name: 'a drain while running asks for one more read, then the loop goes on',
    beats: [DRAIN, DRAIN, IDLE],
    words: ['step', 'step'],
    state: { phase: 'running', again: false },
  },
  { name: 'nothing queued: the loop stops', beats: [DRAIN, IDLE], words: ['step'], state: { phase: 'idle' } },
  {
    name: 'accepted requests keep the loop going',
    beats: [DRAIN, ...ok(0), ...ok(10, 2), IDLE],
    words: ['step', 'step', 'step'],
    state: { phase: 'idle', attempt: 0, heard: true, lastTryAt: 10 },
  },
  {
    name: 'a 5xx waits the backoff, doubling, and the timer sends again',
    beats: [DRAIN, ...failed(0), { type: 'timerFired' }, ...failed(750)],
    words: ['step', 'report retrying 1 750', 'wait 750', 'step', 'report retrying 2 1500', 'wait 1500'],
    state: { phase: 'waiting', attempt: 2, waitUntil: 2_250, recoverable: true },
  },
  {
    name: 'an accepted answer ends the run of failures',
    beats: [DRAIN, ...failed(0), { type: 'timerFired' }, ...ok(750)],
    words: ['step', 'report retrying 1 750', 'wait 750', 'step', 'step'],
    state: { attempt: 0, recoverable: false, phase: 'running' },
  },
  {
    name: 'a drain while waiting changes nothing',
    beats: [DRAIN, ...failed(0), DRAIN],
    words: ['step', 'report retrying 1 750', 'wait 750'],
    state: { phase: 'waiting' },
  },
  {
    name: 'online cuts the wait short',
    beats: [DRAIN, ...failed(0), { type: 'online' }],
    words: ['step', 'report retrying 1 750', 'wait 750', 'cancelWait', 'step'],
    state: { phase: 'running', waitUntil: undefined },
  },
  {
    name: 'online while a request is in flight: if it fails, again at once',
    beats: [DRAIN, { type: 'online' }, ...failed(0)],
    words: ['step', 'report retrying 1 750', 'step'],
    state: { phase: 'running', retryNow: false, attempt: 1 },
  },
  {
    name: 'offline: nothing sent, the wait ends in a probe',
    beats: [
      DRAIN,
      { type: 'retry', event: PING, cause: { ...cause(0), reason: 'offline' }, at: 0, jitter: 0.5 },
    ],
    words: ['step', 'report retrying 1 750', 'wait 750'],
    state: { phase: 'waiting', recoverable: false, heard: false },
  },
  {
    name: 'a storage failure is reported and the step tried again after a backoff',
    beats: [DRAIN, { type: 'failed', message: 'boom', jitter: 0.5 }],
    words: ['step', 'report queueError', 'wait 750'],
    state: { phase: 'waiting', attempt: 1 },
  },
  {
    name: 'gone is recorded and reported once',
    beats: [
      { type: 'gone', sid: 'x', status: 410 },
      { type: 'gone', sid: 'x', status: 410 },
    ],
    words: ['markGone', 'report sessionGone'],
    state: { gone: true },
  },
  {
    name: 'a 400 answer ends the failures (drop) and the loop goes on',
    beats: [
      DRAIN,
      ...failed(0),
      { type: 'timerFired' },
      { type: 'sent', ids: [1], keepalive: false, replay: false, at: 750 },
      { type: 'answered', ids: [1], status: 400, retry: false },
    ],
    words: ['step', 'report retrying 1 750', 'wait 750', 'step'],
    state: { attempt: 0, heard: true, inFlight: [] },
  },
  {
    name: 'a downloaded batch in flight is a replay',
    beats: [DRAIN, { type: 'sent', ids: [1, 2], keepalive: false, replay: true, at: 0 }],
    words: ['step'],
    state: { replaying: true, inFlight: [1, 2] },
  },
  // Final page hide (docs/delivery.md#page-hide-and-keepalive).
  {
    name: 'final ship cuts the wait, pauses the loop until every final request is settled',
    beats: [
      DRAIN,
      ...failed(0),
      { type: 'finalShip', ids: [1, 2] },
      DRAIN,
      { type: 'finalAnswered', id: 1, retry: false },
      { type: 'finalSettled', id: 1 },
      { type: 'finalSettled', id: 2 },
    ],
    words: ['step', 'report retrying 1 750', 'wait 750', 'cancelWait', 'unmark 1', 'step'],
    state: { phase: 'running', finals: [], shipped: [2], attempt: 0 },
  },
  {
    name: 'final ship with nothing to add resumes the loop',
    beats: [{ type: 'finalShip', ids: [] }],
    words: ['step'],
  },
  {
    name: 'the in-flight keepalive request is marked shipped; its answer unmarks it',
    beats: [
      DRAIN,
      { type: 'sent', ids: [7], keepalive: true, replay: false, at: 0 },
      { type: 'finalShip', ids: [8] },
      { type: 'answered', ids: [7], status: 204, retry: false },
      { type: 'stepped', outcome: 'next' },
    ],
    words: ['step', 'unmark 7'],
    state: { shipped: [8], finals: [8], phase: 'idle' },
  },
  // Fast recovery (docs/delivery.md#fast-recovery): pings come every 10 s while a session plays.
  {
    name: 'a new event after a network error tries at once when the last try is 10 s old',
    beats: [
      DRAIN,
      ...failed(0, cause(0)),
      { type: 'timerFired' },
      ...failed(750, cause(0)),
      { type: 'timerFired' },
      ...failed(2_250, cause(0)),
      { type: 'timerFired' },
      ...failed(5_250, cause(0)),
      { type: 'newEvent', at: 15_250 },
    ],
    words: [
      'step',
      'report retrying 1 750',
      'wait 750',
      'step',
      'report retrying 2 1500',
      'wait 1500',
      'step',
      'report retrying 3 3000',
      'wait 3000',
      'step',
      'report retrying 4 6000',
      'wait 6000',
      // 11 250 is the backoff's own time: nothing earlier to gain
    ],
    state: { phase: 'waiting', waitUntil: 11_250 },
  },
  {
    name: 'a new event brings a long wait forward to 10 s after the last try',
    beats: [
      DRAIN,
      { type: 'sent', ids: [1], keepalive: false, replay: false, at: 0 },
      { type: 'answered', ids: [1], status: 0, retry: true },
      { type: 'retry', event: PING, cause: cause(0), at: 0, jitter: 0.5 },
      { type: 'online' },
      ...failed(100, cause(502)),
      { type: 'newEvent', at: 4_000 },
    ],
    words: [
      'step',
      'report retrying 1 750',
      'wait 750',
      'cancelWait',
      'step',
      'report retrying 2 1500',
      'wait 1500',
    ],
    state: { waitUntil: 1_600 },
  },
  {
    name: 'a long backoff after many 5xx: a ping probes at once, the next ping only 10 s later',
    beats: [
      { type: 'drain' },
      ...failed(0),
      ...Array.from({ length: 6 }, (_, i) => [
        { type: 'timerFired' } as const,
        ...failed(1_000 * (i + 1)),
      ]).flat(),
      { type: 'newEvent', at: 20_000 },
      ...failed(20_000),
      { type: 'newEvent', at: 25_000 },
    ],
    words: [
      'step',
      ...['1 750', '2 1500', '3 3000', '4 6000', '5 12000', '6 24000', '7 45000'].flatMap((r, i) => [
        `report retrying ${r}`,
        `wait ${r.split(' ')[1]}`,
        ...(i < 6 ? ['step'] : []),
      ]),
      'cancelWait',
      'step',
      'report retrying 8 45000', // the 60 s cap, with jitter
      'wait 45000',
      'wait 5000',
    ],
    state: { phase: 'waiting', waitUntil: 30_000, attempt: 8 },
  },
  {
    name: 'Retry-After wins over fast recovery',
    beats: [
      DRAIN,
      ...failed(0, cause(503, { retryAfterMs: 120_000 })),
      { type: 'newEvent', at: 10_000 },
      { type: 'newEvent', at: 119_000 },
    ],
    words: ['step', 'report retrying 1 120000', 'wait 120000'],
    state: { waitUntil: 120_000, notBefore: 120_000 },
  },
  {
    name: 'no fast recovery after 429 (the collector asks for less) or while the browser is offline',
    beats: [
      DRAIN,
      ...failed(0, cause(429)),
      { type: 'timerFired' },
      { type: 'retry', event: PING, cause: { ...cause(0), reason: 'offline' }, at: 750, jitter: 0.5 },
      { type: 'newEvent', at: 60_000 },
    ],
    words: ['step', 'report retrying 1 750', 'wait 750', 'step', 'report retrying 2 1500', 'wait 1500'],
    state: { recoverable: false, phase: 'waiting' },
  },
  {
    name: 'a new event while idle just drains',
    beats: [{ type: 'newEvent', at: 0 }],
    words: ['step'],
  },
];

describe('lane: transitions (table)', () => {
  it.each(rows)('$name', ({ beats, words, state }) => {
    const result = play(beats);
    expect(result.words).toEqual(words);
    if (state) expect(result.state).toMatchObject(state);
  });
});

describe('lane: questions the sender asks', () => {
  const base = createLaneState('s');
  it.each([
    ['nothing in flight, no failures', base, true, true],
    ['a backoff running', { ...base, attempt: 2 }, true, false],
    ['a normal request in flight', { ...base, inFlight: [1] }, true, false],
    ['a keepalive request in flight', { ...base, inFlight: [1], inFlightKeepalive: true }, true, true],
    ['a backoff running, memory only', { ...base, attempt: 2 }, false, true],
  ])('mayShip: %s', (_name, state, durable, expected) => {
    expect(mayShip(state, durable)).toBe(expected);
  });

  it.each([
    ['online', base, true, false],
    ['offline, nothing heard', base, false, true],
    ['offline but the collector answered', { ...base, heard: true }, false, false],
    ['offline, the wait ended: this is the probe', { ...base, attempt: 1 }, false, false],
  ])('heldOffline: %s', (_name, state, online, expected) => {
    expect(heldOffline(state, online)).toBe(expected);
  });
});
