import { describe, expect, it } from 'vitest';
import type { McEvent } from '../mc/types.ts';
import { DEFAULT_CONFIG } from './config.ts';
import { sequenceFindings } from './sequence.ts';
import { SEQUENCE_RULES, type SequenceRule } from './sequence-types.ts';
import { ev, start } from './test-fixtures.ts';

const findings = (events: McEvent[], cadence = DEFAULT_CONFIG) => sequenceFindings('sid-1', events, cadence);
const rulesAt = (events: McEvent[], cadence = DEFAULT_CONFIG) =>
  findings(events, cadence).map((f): [SequenceRule, number] => [f.rule, f.eventIndex]);

const pings = (fromMs: number, toMs: number, everyMs: number, playhead: number): McEvent[] =>
  Array.from({ length: Math.floor((toMs - fromMs) / everyMs) + 1 }, (_, i) =>
    ev('ping', fromMs + i * everyMs, playhead),
  );
const preroll = (podSecond = 0) =>
  ev('adBreakStart', 1, podSecond, { 'media.ad.podIndex': 1, 'media.ad.podSecond': podSecond });
const state = (atMs: number, name: string, type: 'stateStart' | 'stateEnd' = 'stateStart') =>
  ev(type, atMs, 0, { 'media.state.name': name });

// Adobe's timeline 1 and 3 shapes (docs/mapping.md#ads): pre-roll, chapter, states, completion, trailing
// ping.
const CLEAN: McEvent[] = [
  start(0),
  preroll(),
  ev('adStart', 2, 0),
  ...pings(1000, 14_000, 1000, 0),
  ev('adComplete', 15_000, 0),
  ev('adBreakComplete', 15_001, 0),
  ev('play', 15_002, 0),
  ev('chapterStart', 15_003, 0),
  ev('ping', 25_002, 10),
  state(26_000, 'fullscreen'),
  ev('ping', 35_002, 20),
  state(36_000, 'fullscreen', 'stateEnd'),
  ev('chapterComplete', 40_000, 25),
  ev('sessionComplete', 45_000, 30),
  ev('ping', 50_000, 30),
  ev('sessionEnd', 51_000, 30),
];

describe('sequenceFindings', () => {
  it('finds nothing in a well-formed session', () => {
    expect(findings(CLEAN)).toEqual([]);
  });

  it('stamps findings with the session, the event and a one-sentence message', () => {
    const [finding] = findings([start(0), ev('adStart', 5, 0)]);
    expect(finding).toEqual({
      rule: 'ad-outside-break',
      sid: 'sid-1',
      eventIndex: 1,
      eventType: 'adStart',
      ts: start(5).playerTime.ts,
      message: expect.stringMatching(/^adStart arrived outside adBreakStart…adBreakComplete.*\.$/),
    });
  });

  type Row = [name: string, events: McEvent[], expected: [SequenceRule, number][]];
  const rows: Row[] = [
    ['ts equal to the previous', [start(0), ev('play', 0, 0)], [['ts-order', 1]]],
    ['ts before the previous', [start(10), ev('play', 5, 0)], [['ts-order', 1]]],
    [
      'event after sessionEnd',
      [start(0), ev('sessionEnd', 1, 0), ev('ping', 2, 0)],
      [['after-session-end', 2]],
    ],
    [
      'second sessionEnd',
      [start(0), ev('sessionEnd', 1, 0), ev('sessionEnd', 2, 0)],
      [['after-session-end', 2]],
    ],
    [
      'adStart and adComplete outside a break',
      [start(0), ev('adStart', 1, 0), ev('adComplete', 2, 0)],
      [
        ['ad-outside-break', 1],
        ['ad-outside-break', 2],
      ],
    ],
    ['adSkip outside a break', [start(0), ev('adSkip', 1, 0)], [['ad-outside-break', 1]]],
    [
      'adStart while an ad is open',
      [start(0), preroll(), ev('adStart', 2, 0), ev('adStart', 3, 0)],
      [['ad-not-closed', 3]],
    ],
    [
      'adBreakComplete while an ad is open',
      [start(0), preroll(), ev('adStart', 2, 0), ev('adBreakComplete', 3, 0)],
      [['ad-not-closed', 3]],
    ],
    ['adComplete without adStart', [start(0), preroll(), ev('adComplete', 2, 0)], [['ad-not-open', 2]]],
    [
      'adBreakStart while a break is open',
      [start(0), preroll(), ev('adBreakStart', 2, 0)],
      [['break-not-closed', 2]],
    ],
    ['adBreakComplete without a break', [start(0), ev('adBreakComplete', 1, 0)], [['break-not-open', 1]]],
    [
      'play before the pre-roll',
      [start(0), ev('play', 1, 0), ev('adBreakStart', 2, 0)],
      [['play-before-preroll', 1]],
    ],
    [
      'play before a mid-roll is fine',
      [
        start(0),
        ev('play', 1, 0),
        ev('adBreakStart', 2, 0, { 'media.ad.podIndex': 1, 'media.ad.podSecond': 30 }),
      ],
      [],
    ],
    [
      'playhead moving in a break',
      [start(0), preroll(), ev('adStart', 2, 0), ev('ping', 1000, 0.5)],
      [['playhead-moved-in-break', 3]],
    ],
    ['playhead within 1 ms of the break start', [start(0), preroll(), ev('adStart', 2, 0.0005)], []],
    ['silent gap in content', [start(0), ev('play', 1, 0), ev('ping', 11_502, 11)], [['ping-cadence', 2]]],
    ['gap exactly interval + tolerance', [start(0), ev('play', 1, 0), ev('ping', 11_501, 11)], []],
    [
      'pings too far apart around other events',
      [
        start(0),
        ev('play', 1, 0),
        ev('ping', 10_000, 10),
        ev('pauseStart', 15_000, 15),
        ev('play', 20_000, 15),
        ev('ping', 21_600, 16),
      ],
      [['ping-cadence', 5]],
    ],
    [
      'pings too far apart in a break',
      [start(0), preroll(), ev('adStart', 2, 0), ev('ping', 1000, 0), ev('ping', 3600, 0)],
      [['ping-cadence', 4]],
    ],
    [
      'content gap after a break judged with the content interval',
      [
        start(0),
        preroll(),
        ev('adStart', 2, 0),
        ev('ping', 1000, 0),
        ev('adComplete', 1500, 0),
        ev('adBreakComplete', 1600, 0),
        ev('play', 11_000, 0),
      ],
      [],
    ],
    [
      'no cadence after sessionComplete',
      [start(0), ev('play', 1, 0), ev('sessionComplete', 2, 0), ev('ping', 60_000, 0)],
      [],
    ],
    [
      'chapterStart while a chapter is open',
      [start(0), ev('chapterStart', 1, 0), ev('chapterStart', 2, 0)],
      [['chapter-overlap', 2]],
    ],
    [
      'chapter closes without a chapter',
      [start(0), ev('chapterComplete', 1, 0), ev('chapterSkip', 2, 0)],
      [
        ['chapter-not-open', 1],
        ['chapter-not-open', 2],
      ],
    ],
    [
      'chapterStart inside a break',
      [start(0), preroll(), ev('chapterStart', 2, 0)],
      [['chapter-in-break', 2]],
    ],
    ['stateEnd without stateStart', [start(0), state(1, 'mute', 'stateEnd')], [['state-not-started', 1]]],
    [
      'stateEnd twice',
      [start(0), state(1, 'mute'), state(2, 'mute', 'stateEnd'), state(3, 'mute', 'stateEnd')],
      [['state-not-started', 3]],
    ],
    [
      'sessionComplete twice',
      [start(0), ev('sessionComplete', 1, 0), ev('sessionComplete', 2, 0)],
      [['session-complete-twice', 2]],
    ],
    [
      'play after sessionComplete',
      [start(0), ev('sessionComplete', 1, 0), ev('play', 2, 0)],
      [['event-after-complete', 2]],
    ],
    [
      'ping and sessionEnd after sessionComplete are fine',
      [start(0), ev('sessionComplete', 1, 0), ev('ping', 2, 0), ev('sessionEnd', 3, 0)],
      [],
    ],
  ];
  it.each(rows)('%s', (_name, events, expected) => {
    expect(rulesAt(events)).toEqual(expected);
  });

  it('flags the 11th distinct state, not a re-started one', () => {
    const names = Array.from({ length: 11 }, (_, i) => `state${i}`);
    const events = [
      start(0),
      ...names.slice(0, 10).map((name, i) => state(i + 1, name)),
      state(20, 'state0'),
      state(21, names[10]),
    ];
    expect(rulesAt(events)).toEqual([['state-limit', 12]]);
  });

  it('uses the configured ping intervals', () => {
    const events = [start(0), ev('play', 1, 0), ev('ping', 7000, 7)];
    expect(rulesAt(events, { ...DEFAULT_CONFIG, mainPingIntervalMs: 5000 })).toEqual([['ping-cadence', 2]]);
  });

  it('has a row for every rule', () => {
    const covered = new Set([
      ...rows.flatMap(([, , expected]) => expected.map(([rule]) => rule)),
      'state-limit',
    ]);
    expect([...covered].sort()).toEqual([...SEQUENCE_RULES].sort());
  });
});
