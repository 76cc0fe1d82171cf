import { describe, expect, it } from 'vitest';
import { type Beat, playing, run, START, snapshot, T0, testConfig } from '../test-support/core-driver';
import { nextDeadline, reduce } from './reducer';
import { initialState } from './state';

const MIN = 60_000;

describe('reduce: event order (table)', () => {
  const rows: { name: string; beats: Beat[]; types: string[] }[] = [
    {
      name: 'a page that never plays starts no session',
      beats: [{ t: 0, signal: 'loadstart' }, ...playing(0, 500)],
      types: [],
    },
    { name: 'play intent then first frame', beats: START, types: ['sessionStart', 'play'] },
    {
      name: 'pause and resume',
      beats: [
        ...START,
        ...playing(250, 3000),
        { t: 3100, signal: 'pause', snap: { paused: true, playhead: 2.9 } },
        { t: 6000, signal: 'play', snap: { paused: false } },
        { t: 6050, signal: 'playing' },
      ],
      types: ['sessionStart', 'play', 'pauseStart', 'play'],
    },
    {
      name: 'seek while playing is pauseStart … play, buffering inside it is not bufferStart',
      beats: [
        ...START,
        ...playing(250, 2000),
        { t: 2100, signal: 'seeking', snap: { seeking: true, playhead: 20 } },
        { t: 2150, signal: 'waiting' },
        { t: 2900, signal: 'timeupdate' },
        { t: 3000, signal: 'seeked', snap: { seeking: false } },
        ...playing(3250, 4000, 20.25),
      ],
      types: ['sessionStart', 'play', 'pauseStart', 'play'],
    },
    {
      name: 'scrubbing (pause, seek, play) reports one pauseStart',
      beats: [
        ...START,
        ...playing(250, 2000),
        { t: 2100, signal: 'pause', snap: { paused: true } },
        { t: 2110, signal: 'seeking', snap: { seeking: true, playhead: 9 } },
        { t: 2400, signal: 'seeked', snap: { seeking: false } },
        { t: 2410, signal: 'play', snap: { paused: false } },
        { t: 2450, signal: 'playing' },
      ],
      types: ['sessionStart', 'play', 'pauseStart', 'play'],
    },
    {
      name: 'seek while paused sends nothing until playback resumes',
      beats: [
        ...START,
        { t: 1000, signal: 'pause', snap: { paused: true, playhead: 0.8 } },
        { t: 1500, signal: 'seeking', snap: { seeking: true, playhead: 30 } },
        { t: 1800, signal: 'seeked', snap: { seeking: false } },
        { t: 2500, signal: 'play', snap: { paused: false } },
        { t: 2550, signal: 'playing' },
      ],
      types: ['sessionStart', 'play', 'pauseStart', 'play'],
    },
    {
      name: 'a stall shorter than 250 ms is ignored',
      beats: [
        ...START,
        ...playing(250, 2000),
        { t: 2100, signal: 'waiting' },
        { t: 2300, signal: 'playing' },
        ...playing(2350, 3000, 2.1),
      ],
      types: ['sessionStart', 'play'],
    },
    {
      name: 'a stall of 250 ms or more is bufferStart, then play',
      beats: [
        ...START,
        ...playing(250, 2000),
        { t: 2100, signal: 'waiting' },
        { t: 2400, signal: 'tick' },
        { t: 4000, signal: 'playing' },
      ],
      types: ['sessionStart', 'play', 'bufferStart', 'play'],
    },
    {
      name: 'waiting before the first frame is not bufferStart',
      beats: [
        { t: 0, signal: 'play', snap: { paused: false } },
        { t: 50, signal: 'waiting' },
        { t: 900, signal: 'tick' },
        { t: 1000, signal: 'playing' },
      ],
      types: ['sessionStart', 'play'],
    },
    {
      name: 'a frozen playhead without waiting is a stall (Firefox)',
      beats: [
        ...START,
        ...playing(250, 2000),
        { t: 2500, signal: 'timeupdate' },
        { t: 3000, signal: 'tick' },
        { t: 3100, signal: 'timeupdate', snap: { playhead: 1.9 } },
      ],
      types: ['sessionStart', 'play', 'bufferStart', 'play'],
    },
    {
      name: 'end of content: no pauseStart for the end pause, then sessionComplete',
      beats: [
        ...START,
        { t: 900, signal: 'pause', snap: { paused: true, ended: true, playhead: 60 } },
        { t: 901, signal: 'ended' },
      ],
      types: ['sessionStart', 'play', 'sessionComplete'],
    },
    {
      name: 'replay after completion is a new session',
      beats: [
        ...START,
        { t: 901, signal: 'ended', snap: { ended: true } },
        { t: 5000, signal: 'play', snap: { ended: false, paused: false, playhead: 0 } },
      ],
      types: ['sessionStart', 'play', 'sessionComplete', 'sessionStart'],
    },
    {
      name: 'a new source ends the session; the next play starts a fresh one',
      beats: [
        ...START,
        { t: 1000, signal: 'loadstart', snap: { src: 'https://cdn.test/next.mp4', paused: true } },
        { t: 1500, signal: 'play', snap: { paused: false } },
      ],
      types: ['sessionStart', 'play', 'sessionEnd', 'sessionStart'],
    },
    {
      name: 'dispose ends the session once',
      beats: [
        ...START,
        { t: 1000, signal: 'dispose' },
        { t: 1100, signal: 'pagehide' as never },
        { t: 1200, signal: 'play' },
      ],
      types: ['sessionStart', 'play', 'sessionEnd'],
    },
    {
      // docs/browsers.md#the-backforward-cache: most pages never come back; nothing runs meanwhile.
      name: 'a page going into the back/forward cache ends its session',
      beats: [...START, { t: 1000, signal: { type: 'pagehide', persisted: true } }],
      types: ['sessionStart', 'play', 'sessionEnd'],
    },
    {
      name: 'back from the cache with the player where it was: the next play resumes the viewing',
      beats: [
        ...START,
        ...playing(250, 4000),
        { t: 4100, signal: { type: 'pagehide', persisted: true }, snap: { paused: true } },
        { t: 9000, signal: { type: 'pageshow', persisted: true } },
        { t: 9500, signal: 'play', snap: { paused: false } },
        { t: 9550, signal: 'playing' },
      ],
      types: ['sessionStart', 'play', 'sessionEnd', 'sessionStart', 'play'],
    },
    {
      // WebKit resets the element of a restored page: emptied, loadstart of the same URL, currentTime 0.
      name: 'back from the cache with a reset player: no stall, a fresh session at the next play',
      beats: [
        ...START,
        ...playing(250, 4000),
        { t: 4100, signal: { type: 'pagehide', persisted: true } },
        { t: 9000, signal: 'loadstart', snap: { playhead: 0, paused: true } },
        { t: 9010, signal: { type: 'pageshow', persisted: true } },
        { t: 9020, signal: 'waiting' },
        { t: 12_000, signal: 'tick' },
        { t: 13_000, signal: 'play', snap: { paused: false } },
        { t: 13_050, signal: 'playing' },
      ],
      types: ['sessionStart', 'play', 'sessionEnd', 'sessionStart', 'play'],
    },
    {
      name: 'a final page hide ends the session',
      beats: [...START, { t: 1000, signal: { type: 'pagehide', persisted: false } }],
      types: ['sessionStart', 'play', 'sessionEnd'],
    },
    {
      name: 'an error is reported',
      beats: [...START, { t: 500, signal: { type: 'error', code: 'MEDIA_ERR_DECODE', source: 'player' } }],
      types: ['sessionStart', 'play', 'error'],
    },
    {
      name: 'an error before any play starts nothing',
      beats: [{ t: 500, signal: { type: 'error', code: 'MEDIA_ERR_NETWORK', source: 'player' } }],
      types: [],
    },
  ];
  it.each(rows)('$name', ({ beats, types }) => {
    expect(run(beats).types.filter((t) => t !== 'ping')).toEqual(types);
  });
});

describe('reduce: params and playheads', () => {
  it('sessionStart carries the params, media.length from the duration, playhead 0 and the intent time', () => {
    const [start] = run(START).events;
    expect(start?.params).toMatchObject({ 'media.id': 'movie', 'media.length': 60 });
    expect(start?.params).not.toHaveProperty('media.resume');
    expect(start?.playerTime).toEqual({ playhead: 0, ts: T0 });
  });

  it('live content: media.length 86400 and the playhead is the second of the day', () => {
    const [start] = run(
      START.map((b) => ({ ...b, snap: { ...b.snap, duration: Number.POSITIVE_INFINITY } })),
    ).events;
    expect(start?.params?.['media.length']).toBe(86_400);
    expect(start?.playerTime.playhead).toBe(Math.floor(T0 / 1000) % 86_400);
  });

  it('an unknown duration delays sessionStart until it is known, keeping the intent time', () => {
    const r = run([
      { t: 0, signal: 'play', snap: { duration: Number.NaN, paused: false } },
      { t: 400, signal: 'durationchange', snap: { duration: 30 } },
      { t: 450, signal: 'playing' },
    ]);
    expect(r.types).toEqual(['sessionStart', 'play']);
    expect(r.events[0]?.params?.['media.length']).toBe(30);
    expect(r.events[0]?.playerTime.ts).toBe(T0);
  });

  it('the first play carries timeToStart (intent → first frame), later ones do not', () => {
    const r = run([
      ...START,
      { t: 900, signal: 'pause', snap: { paused: true, playhead: 0.7 } },
      { t: 2000, signal: 'playing', snap: { paused: false } },
    ]);
    const plays = r.events.filter((e) => e.eventType === 'play');
    expect(plays[0]?.qoeData).toEqual({ 'media.qoe.timeToStart': 200 });
    expect(plays[1]?.qoeData).toBeUndefined();
  });

  it('pauseStart at the paused position; a seek reports the old position, then the new one', () => {
    const r = run([
      ...START,
      ...playing(250, 5000),
      { t: 5100, signal: 'seeking', snap: { seeking: true, playhead: 42 } },
      { t: 5300, signal: 'seeked', snap: { seeking: false } },
    ]);
    const [pause, play] = r.events.slice(-2);
    expect(pause?.eventType).toBe('pauseStart');
    expect(pause?.playerTime.playhead).toBeCloseTo(4.85, 2);
    expect(play?.playerTime.playhead).toBe(42);
  });

  describe('a seek handled late (a busy page): pauseStart from the played ranges', () => {
    // Last sample: playhead 1.75 at t = 2000; `seeking` handled 600 ms later, when extrapolation says 2.35.
    const pauseAt = (...played: [number, number][]) => {
      const ranges = {
        length: played.length,
        start: (i: number) => played[i]?.[0] ?? Number.NaN,
        end: (i: number) => played[i]?.[1] ?? Number.NaN,
      };
      const r = run([
        ...START,
        ...playing(250, 2000),
        {
          t: 2600,
          signal: 'seeking',
          snap: { seeking: true, playhead: 20, ...(played.length ? { played: ranges } : {}) },
        },
      ]);
      return r.events.find((e) => e.eventType === 'pauseStart')?.playerTime.playhead;
    };
    it('the end of the range that reaches the last sample: where the browser says playback was', () => {
      expect(pauseAt([0, 1.9])).toBeCloseTo(1.9, 3);
      expect(pauseAt([0, 1.9], [20, 20])).toBeCloseTo(1.9, 3);
      expect(pauseAt([0, 0.5], [1, 2.1], [9, 12])).toBeCloseTo(2.1, 3);
    });
    it('never past the extrapolation; a range ending at the sample: the sample', () => {
      // The range joined one played earlier (seek back, then forward): its end says nothing.
      expect(pauseAt([0, 25])).toBeCloseTo(2.35, 3);
      expect(pauseAt([0, 1.75])).toBeCloseTo(1.75, 3);
    });
    it('no range reaches the last sample, or none at all: extrapolation', () => {
      expect(pauseAt([0, 1])).toBeCloseTo(2.35, 3);
      expect(pauseAt([0, 1.7495])).toBeCloseTo(2.35, 3);
      expect(pauseAt()).toBeCloseTo(2.35, 3);
    });
  });

  it('bufferStart is stamped with when the stall began and the frozen playhead', () => {
    const r = run([
      ...START,
      ...playing(250, 2000),
      { t: 2100, signal: 'waiting' },
      { t: 2600, signal: 'tick' },
    ]);
    const buffer = r.events.find((e) => e.eventType === 'bufferStart');
    expect(buffer?.playerTime).toEqual({ playhead: 1.75, ts: T0 + 2100 });
  });

  it('playerTime.ts strictly increases by at least 1 ms, even for simultaneous events', () => {
    const r = run([
      { t: 0, signal: 'play', snap: { paused: false, muted: true, fullscreen: true } },
      { t: 0, signal: 'playing' },
      { t: 0, signal: { type: 'bitrate', bitrate: 800_000 } },
    ]);
    expect(r.types).toEqual(['sessionStart', 'stateStart', 'stateStart', 'play', 'bitrateChange']);
    const ts = r.events.map((e) => e.playerTime.ts);
    const gaps = ts.slice(1).map((t, i) => t - (ts[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1);
  });

  it('customMetadata goes on sessionStart only', () => {
    const r = run([...START, ...playing(250, 11_000)], testConfig({ customMetadata: { show: 'x' } }));
    expect(r.events[0]?.customMetadata).toEqual({ show: 'x' });
    expect(r.events.slice(1).every((e) => e.customMetadata === undefined)).toBe(true);
  });
});

describe('reduce: pings', () => {
  it('pings on a grid from sessionStart, without params, with the playhead of their moment', () => {
    const r = run([...START, ...playing(250, 25_000)]);
    const pings = r.events.filter((e) => e.eventType === 'ping');
    expect(pings.map((p) => p.playerTime.ts - T0)).toEqual([10_000, 20_000]);
    expect(pings.every((p) => p.params === undefined)).toBe(true);
    expect(pings[0]?.playerTime.playhead).toBeCloseTo(9.75, 1);
  });

  it('keeps the grid while paused, playhead frozen', () => {
    const r = run([
      ...START,
      ...playing(250, 3000),
      { t: 3100, signal: 'pause', snap: { paused: true, playhead: 2.9 } },
      { t: 31_000, signal: 'tick' },
    ]);
    const pings = r.events.filter((e) => e.eventType === 'ping');
    expect(pings.map((p) => [p.playerTime.ts - T0, p.playerTime.playhead])).toEqual([
      [10_000, 2.9],
      [20_000, 2.9],
      [30_000, 2.9],
    ]);
  });

  it('a late wake-up emits every missed ping on the grid, interpolating the playhead', () => {
    const r = run([
      ...START,
      ...playing(250, 1000),
      { t: 35_000, signal: 'tick', snap: { playhead: 34.75 } },
    ]);
    const pings = r.events.filter((e) => e.eventType === 'ping');
    expect(pings.map((p) => p.playerTime.ts - T0)).toEqual([10_000, 20_000, 30_000]);
    expect(pings.map((p) => Math.round(p.playerTime.playhead))).toEqual([10, 20, 30]);
  });

  it('does not move the grid when other events happen', () => {
    const r = run([
      ...START,
      ...playing(250, 4000),
      { t: 4100, signal: 'pause', snap: { paused: true } },
      { t: 7000, signal: 'playing', snap: { paused: false } },
      ...playing(7250, 21_000, 3.85),
    ]);
    expect(r.events.filter((e) => e.eventType === 'ping').map((p) => p.playerTime.ts - T0)).toEqual([
      10_000, 20_000,
    ]);
  });

  it('stops after sessionComplete and after sessionEnd', () => {
    const done = run([
      ...START,
      { t: 500, signal: 'ended', snap: { ended: true } },
      { t: 60_000, signal: 'tick' },
    ]);
    expect(done.types).not.toContain('ping');
    const ended = run([...START, { t: 500, signal: 'dispose' }, { t: 60_000, signal: 'tick' }]);
    expect(ended.types).not.toContain('ping');
  });
});

describe('reduce: session lifetime', () => {
  it('30 minutes paused ends the session; the next play resumes with context', () => {
    const r = run([
      { t: 0, signal: 'play', snap: { paused: false, muted: true } },
      { t: 200, signal: 'playing' },
      { t: 1000, signal: 'pause', snap: { paused: true, playhead: 0.8 } },
      { t: 1000 + 30 * MIN, signal: 'tick' },
      { t: 2000 + 30 * MIN, signal: 'play', snap: { paused: false } },
      { t: 2100 + 30 * MIN, signal: 'playing' },
    ]);
    const types = r.types.filter((t) => t !== 'ping');
    expect(types).toEqual([
      'sessionStart',
      'stateStart',
      'play',
      'pauseStart',
      'sessionEnd',
      'sessionStart',
      'stateStart',
      'play',
    ]);
    const second = r.out.filter((o) => o.event.eventType === 'sessionStart')[1];
    expect(second?.event.params?.['media.resume']).toBe(true);
    expect(second?.event.playerTime.playhead).toBe(0.8);
    expect(second?.session).not.toBe(r.out[0]?.session);
  });

  it('24 hours of play rotate into a resumed session that carries on playing', () => {
    const r = run(
      [...START, { t: 24 * 60 * MIN, signal: 'timeupdate', snap: { playhead: 50 } }],
      testConfig({ mainPingMs: 50_000 }),
    );
    const tail = r.types.filter((t) => t !== 'ping').slice(-3);
    expect(tail).toEqual(['sessionEnd', 'sessionStart', 'play']);
    expect(r.events.at(-2)?.params?.['media.resume']).toBe(true);
  });

  it('a session the collector lost is replaced once, with media.resume and the current state', () => {
    const first = run([...START, ...playing(250, 3000)]);
    const gone = reduce(
      testConfig(),
      first.state,
      { type: 'sessionGone', session: first.state.session },
      snapshot({ paused: false, playhead: 2.75 }),
      T0 + 3100,
    );
    expect(gone.out.map((o) => o.event.eventType)).toEqual(['sessionStart', 'play']);
    expect(gone.out[0]?.event.params?.['media.resume']).toBe(true);
    const stale = reduce(
      testConfig(),
      gone.state,
      { type: 'sessionGone', session: first.state.session },
      snapshot(),
      T0 + 3200,
    );
    expect(stale.out).toEqual([]);
  });
});

describe('reduce: QoE and states', () => {
  it('bitrate before the session rides on sessionStart; changes are bitrateChange (integer bps)', () => {
    const r = run([
      { t: 0, signal: { type: 'bitrate', bitrate: 500_000 } },
      ...START,
      { t: 900, signal: { type: 'bitrate', bitrate: 1_200_000.4 } },
      { t: 950, signal: { type: 'bitrate', bitrate: 1_200_000 } },
    ]);
    expect(r.events[0]?.qoeData).toEqual({ 'media.qoe.bitrate': 500_000 });
    expect(r.events.filter((e) => e.eventType === 'bitrateChange').map((e) => e.qoeData)).toEqual([
      { 'media.qoe.bitrate': 1_200_000 },
    ]);
  });

  it('error carries errorID and errorSource in qoeData', () => {
    const r = run([
      ...START,
      { t: 500, signal: { type: 'error', code: 'MEDIA_ERR_DECODE', source: 'player' } },
    ]);
    expect(r.events.at(-1)?.qoeData).toEqual({
      'media.qoe.errorID': 'MEDIA_ERR_DECODE',
      'media.qoe.errorSource': 'player',
    });
  });

  it('states start and end as the player changes', () => {
    const r = run([
      ...START,
      { t: 500, signal: 'statechange', snap: { fullscreen: true } },
      { t: 600, signal: 'statechange', snap: { captions: true, inFocus: true } },
      { t: 700, signal: 'statechange', snap: { fullscreen: false } },
    ]);
    const states = r.events
      .filter((e) => e.eventType.startsWith('state'))
      .map((e) => `${e.eventType}:${e.params?.['media.state.name']}`);
    expect(states).toEqual([
      'stateStart:fullscreen',
      'stateStart:closedCaptioning',
      'stateStart:inFocus',
      'stateEnd:fullscreen',
    ]);
  });

  it('reports dropped frames and frame rate on pings when they change', () => {
    const r = run([
      ...START.map((b) => ({ ...b, snap: { ...b.snap, droppedFrames: 0, totalFrames: 0 } })),
      ...playing(250, 10_000).map((b) => ({
        ...b,
        snap: { ...b.snap, totalFrames: Math.round(((b.t - 250) / 1000) * 24), droppedFrames: 3 },
      })),
    ]);
    const ping = r.events.find((e) => e.eventType === 'ping');
    expect(ping?.qoeData?.['media.qoe.droppedFrames']).toBe(3);
  });

  // WebKitGTK 2.50 restarts totalVideoFrames at each seek, and the playhead jumps: with a seek inside a
  // ping interval a 25 fps clip gave 8 (WebKit) and 115 (Chromium). An interval with a seek says nothing;
  // the next clean one is measured again (docs/mapping.md#qoe).
  const fpsAcrossSeek = (frames: (t: number) => number, seekTo: number) => {
    const at = (b: Beat) => ({ ...b, snap: { ...b.snap, totalFrames: frames(b.t) } });
    return run([
      ...START.map((b) => ({ ...b, snap: { ...b.snap, duration: 120, droppedFrames: 0 } })).map(at),
      ...playing(250, 24_000).map(at),
      { t: 24_100, signal: 'seeking', snap: { seeking: true, playhead: seekTo } },
      at({ t: 24_150, signal: 'seeked', snap: { seeking: false } }),
      ...playing(24_250, 41_000, seekTo).map(at),
    ])
      .events.filter((e) => e.eventType === 'ping')
      .map((e) => e.qoeData?.['media.qoe.framesPerSecond']);
  };

  it('frame rate: nothing for an interval with a seek, whether the frame counter restarts or not', () => {
    const rate = 25;
    const cumulative = (t: number) => Math.round((Math.max(0, t - 250) / 1000) * rate);
    // Chromium / Firefox: the counter keeps counting across a forward seek.
    expect(fpsAcrossSeek(cumulative, 40)).toEqual([undefined, rate, undefined, undefined]);
    // WebKit: it restarts from 0 at the seek (a backward seek here).
    const restarting = (t: number) => (t < 24_100 ? cumulative(t) : cumulative(t - 24_150 + 250));
    expect(fpsAcrossSeek(restarting, 3)).toEqual([undefined, rate, undefined, undefined]);
  });
});

describe('back/forward cache', () => {
  const away = [
    ...START,
    ...playing(250, 4000),
    { t: 4100, signal: { type: 'pagehide', persisted: true } } as Beat,
  ];
  const back = (snap: Partial<ReturnType<typeof snapshot>>) =>
    run([
      ...away,
      { t: 9000, signal: { type: 'pageshow', persisted: true }, snap },
      { t: 9500, signal: 'play', snap: { paused: false } },
      { t: 9550, signal: 'playing' },
    ]).events.slice(3);

  it('resumes with media.resume at the playhead the player still has', () => {
    const [start, play] = back({ paused: true });
    expect(start?.params?.['media.resume']).toBe(true);
    expect(play?.playerTime.playhead).toBeCloseTo(3.75, 1);
  });

  it('starts afresh, never at the old playhead, when the player was reset', () => {
    const [start, play] = back({ paused: true, playhead: 0 });
    expect(start?.params?.['media.resume']).toBeUndefined();
    expect(start?.playerTime.playhead).toBe(0);
    expect(play?.playerTime.playhead).toBe(0);
  });
});

// Sequences recorded in WebKitGTK 2.50.6 (MiniBrowser, video.js 8.24, a 30 s WebM and MP4, muted), in
// the order and at the spacing WebKit fired them (docs/browsers.md#webkit). WebKit fires no
// canplay/playing after a seek, `waiting` with no `playing` after a resume, and `stalled` ~250 ms
// after some seeks (the adapter does not listen to `stalled`). Each must give Chromium's session.
describe('WebKit event orders', () => {
  const seekWhilePlaying = (afterSeek: Beat[]) =>
    run([
      ...START,
      ...playing(250, 5000),
      { t: 5010, signal: 'seeking', snap: { seeking: true, playhead: 3 } },
      ...afterSeek,
      ...playing(6500, 9000, 3.5),
      { t: 9100, signal: 'pause', snap: { paused: true } },
    ]).types;

  it('WebM, seek while playing: seeking, seeked +71, no waiting, no playing', () => {
    expect(seekWhilePlaying([{ t: 5081, signal: 'seeked', snap: { seeking: false } }])).toEqual([
      'sessionStart',
      'play',
      'pauseStart',
      'play',
      'pauseStart',
    ]);
  });

  it('MP4, seek while playing: seeking, waiting +95, seeked +98, no playing', () => {
    expect(
      seekWhilePlaying([
        { t: 5105, signal: 'waiting' },
        { t: 5108, signal: 'seeked', snap: { seeking: false } },
      ]),
    ).toEqual(['sessionStart', 'play', 'pauseStart', 'play', 'pauseStart']);
  });

  it('WebM, seek while paused then play: play, waiting, and never playing while the playhead moves', () => {
    const types = run([
      ...START,
      ...playing(250, 5000),
      { t: 5011, signal: 'pause', snap: { paused: true } },
      { t: 7000, signal: 'seeking', snap: { seeking: true, playhead: 12 } },
      { t: 7029, signal: 'seeked', snap: { seeking: false } },
      { t: 9000, signal: 'play', snap: { paused: false } },
      { t: 9006, signal: 'waiting' },
      ...playing(9250, 14_000, 12),
      { t: 14_100, signal: 'pause', snap: { paused: true } },
    ]).types.filter((t) => t !== 'ping');
    expect(types).toEqual(['sessionStart', 'play', 'pauseStart', 'play', 'pauseStart']);
  });

  it('seek to near the end: seeking, seeked +147, pause +1654, ended +1655 is sessionComplete only', () => {
    const types = run([
      ...START,
      ...playing(250, 5000),
      { t: 5006, signal: 'seeking', snap: { seeking: true, playhead: 28.5 } },
      { t: 5153, signal: 'seeked', snap: { seeking: false } },
      ...playing(5250, 6500, 28.6),
      // At the end the element is already `ended` when `pause` fires (HTML: paused, then pause, ended).
      { t: 6660, signal: 'pause', snap: { paused: true, playhead: 30, ended: true } },
      { t: 6661, signal: 'ended' },
    ]).types;
    expect(types).toEqual(['sessionStart', 'play', 'pauseStart', 'play', 'sessionComplete']);
  });
});

describe('nextDeadline', () => {
  it('is the next ping, or sooner a stall to confirm; nothing without a session', () => {
    const config = testConfig();
    expect(nextDeadline(config, initialState, T0)).toBeUndefined();
    const started = run(START).state;
    expect(nextDeadline(config, started, T0 + 300)).toBe(T0 + 1200);
    const stalled = run([
      ...START,
      { t: 700, signal: 'timeupdate', snap: { playhead: 0.5 } },
      { t: 800, signal: 'waiting' },
    ]).state;
    expect(nextDeadline(config, stalled, T0 + 800)).toBe(T0 + 1050);
    const paused = run([...START, { t: 700, signal: 'pause', snap: { paused: true } }]).state;
    expect(nextDeadline(config, paused, T0 + 700)).toBe(T0 + 10_000);
  });
});
