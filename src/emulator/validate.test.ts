import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../mc/types.ts';
import { copy, ev, start } from './test-fixtures.ts';
import { batchProblems, type EventSlot, eventProblems } from './validate.ts';

const slotOf = (eventType: string): EventSlot =>
  eventType === 'sessionStart' ? 'sessionStart' : 'sessionEvent';

describe('eventProblems: valid events', () => {
  it.each(EVENT_TYPES)('accepts a minimal valid %s', (eventType) => {
    expect(eventProblems(ev(eventType, 0, 0), slotOf(eventType))).toEqual([]);
  });

  it('accepts sessionStart with optional params, customMetadata and qoeData', () => {
    const body = {
      ...start(0, {
        'analytics.enableSSL': true,
        'media.resume': true,
        'visitor.aamLocationHint': 9,
        'visitor.customerIDs': { crm: { id: 'u1', authState: 1 } },
        'media.showType': '0',
        'media.artist': 'A',
      }),
      customMetadata: { 'episode.tag': 'x_1' },
      qoeData: { 'media.qoe.timeToStart': 120 },
    };
    expect(eventProblems(body, 'sessionStart')).toEqual([]);
  });

  it('accepts a float playhead and error qoeData', () => {
    const body = {
      ...ev('error', 0, 12.5),
      qoeData: { 'media.qoe.errorID': 'E1', 'media.qoe.errorSource': 'player' },
    };
    expect(eventProblems(body, 'sessionEvent')).toEqual([]);
  });
});

type Row = [name: string, body: unknown, slot: EventSlot, fragment: string];
const mutate = (base: object, change: (body: Record<string, unknown>) => void): unknown => {
  const body = copy(base) as Record<string, unknown>;
  change(body);
  return body;
};
const play = ev('play', 0, 1);

describe('eventProblems: top level, eventType and playerTime', () => {
  it.each<Row>([
    ['body not an object', [play], 'sessionEvent', 'one JSON event object'],
    ['missing eventType', mutate(play, (b) => delete b.eventType), 'sessionEvent', 'eventType is required'],
    [
      'unknown eventType',
      mutate(play, (b) => (b.eventType = 'resume')),
      'sessionEvent',
      '"resume" is not one of the 19',
    ],
    [
      'unknown top-level key',
      mutate(play, (b) => (b.sessionId = 'x')),
      'sessionEvent',
      '"sessionId" is not allowed at the top level',
    ],
    ['sessionStart on the events URL', start(), 'sessionEvent', 'sessionStart is not accepted here'],
    ['non-sessionStart on the sessions URL', play, 'sessionStart', 'must be sessionStart here'],
    [
      'missing playerTime',
      mutate(play, (b) => delete b.playerTime),
      'sessionEvent',
      'playerTime is required',
    ],
    [
      'playerTime not an object',
      mutate(play, (b) => (b.playerTime = 5)),
      'sessionEvent',
      'playerTime must be a JSON object',
    ],
    [
      'extra playerTime key',
      mutate(play, (b) => ((b.playerTime as Record<string, unknown>).rate = 1)),
      'sessionEvent',
      'playerTime.rate is not allowed',
    ],
    [
      'missing playhead',
      mutate(play, (b) => delete (b.playerTime as Record<string, unknown>).playhead),
      'sessionEvent',
      'playerTime.playhead is required',
    ],
    [
      'negative playhead',
      mutate(play, (b) => ((b.playerTime as Record<string, unknown>).playhead = -1)),
      'sessionEvent',
      'playhead must be a number of seconds ≥ 0',
    ],
    [
      'string playhead',
      mutate(play, (b) => ((b.playerTime as Record<string, unknown>).playhead = '1')),
      'sessionEvent',
      'playhead must be a number',
    ],
    [
      'missing ts',
      mutate(play, (b) => delete (b.playerTime as Record<string, unknown>).ts),
      'sessionEvent',
      'playerTime.ts is required',
    ],
    [
      'fractional ts',
      mutate(play, (b) => ((b.playerTime as Record<string, unknown>).ts = 1.5)),
      'sessionEvent',
      'ts must be an integer',
    ],
    [
      'zero ts',
      mutate(play, (b) => ((b.playerTime as Record<string, unknown>).ts = 0)),
      'sessionEvent',
      'ts must be an integer of epoch milliseconds > 0',
    ],
    [
      'string ts',
      mutate(play, (b) => ((b.playerTime as Record<string, unknown>).ts = '1750000000000')),
      'sessionEvent',
      'ts must be an integer',
    ],
  ])('%s', (_name, body, slot, fragment) => {
    const problems = eventProblems(body, slot);
    expect(problems.join('\n')).toContain(fragment);
  });

  it('reports every problem, the most basic first', () => {
    const problems = eventProblems(
      { eventType: 'nope', playerTime: { playhead: -1, ts: 0 }, extra: 1 },
      'sessionEvent',
    );
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('eventType');
  });
});

describe('batchProblems (POST /api/v1/downloaded)', () => {
  it('accepts a session that starts with sessionStart', () => {
    expect(batchProblems([start(), ev('play', 1, 0), ev('sessionEnd', 2, 0)])).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['not an array', start(), 'non-empty JSON array'],
    ['empty array', [], 'non-empty JSON array'],
    ['first is not sessionStart', [ev('play', 0, 0), start(1)], 'Event [0]: eventType must be sessionStart'],
    ['a second sessionStart', [start(), start(1)], 'Event [1]: eventType sessionStart is not accepted here'],
    [
      'one invalid event',
      [start(), ev('play', 1, 0), { ...ev('ping', 2, 0), params: {} }],
      'Event [2]: ping must not carry params',
    ],
  ])('rejects %s', (_name, body, fragment) => {
    expect(batchProblems(body).join('\n')).toContain(fragment);
  });
});
