// Live content and DVR: the playhead is the second of the day of what is on screen (docs/mapping.md#live-content).
import { describe, expect, it } from 'vitest';
import { type Beat, run, T0, TEST_PARAMS } from '../test-support/core-driver';

const DAY_MS = 86_400_000;
const sod = (ms: number) => (ms % DAY_MS) / 1000;
/** The stream's program time runs 30 s behind the wall clock (encoder and playlist latency). */
const LATENCY = 30_000;
const live = { duration: Number.POSITIVE_INFINITY };

/** Timeupdates every 250 ms from `from` to `to`, the frame on screen `behind` ms behind the live edge. */
function watching(from: number, to: number, behind = 0): Beat[] {
  const beats: Beat[] = [];
  for (let t = from; t <= to; t += 250) {
    beats.push({ t, signal: 'timeupdate', snap: { programTime: T0 + t - LATENCY - behind } });
  }
  return beats;
}

const playheads = (events: { eventType: string; playerTime: { playhead: number } }[], type: string) =>
  events.filter((e) => e.eventType === type).map((e) => e.playerTime.playhead);

describe('live content with program date times', () => {
  const beats: Beat[] = [
    { t: 0, signal: 'play', snap: { ...live, paused: false, programTime: T0 - LATENCY } },
    { t: 200, signal: 'playing', snap: { programTime: T0 + 200 - LATENCY } },
    ...watching(250, 5000),
    // Pause for 5 s: the frame on screen stays where it was.
    { t: 5100, signal: 'pause', snap: { paused: true, programTime: T0 + 5100 - LATENCY } },
    { t: 10_100, signal: 'playing', snap: { paused: false } },
    ...watching(10_250, 12_000, 5000),
    // DVR: seek 20 s back, then back to the live edge.
    { t: 12_100, signal: 'seeking', snap: { seeking: true, programTime: T0 + 12_100 - LATENCY - 25_000 } },
    { t: 12_400, signal: 'seeked', snap: { seeking: false, programTime: T0 + 12_400 - LATENCY - 25_000 } },
    ...watching(12_500, 15_000, 25_000),
    { t: 15_100, signal: 'seeking', snap: { seeking: true, programTime: T0 + 15_100 - LATENCY } },
    { t: 15_300, signal: 'seeked', snap: { seeking: false, programTime: T0 + 15_300 - LATENCY } },
    ...watching(15_500, 21_000),
    { t: 21_100, signal: 'ended', snap: { ended: true, paused: true } },
  ];
  const { events, types, state } = run(beats);

  it('sessionStart waits for the first frame: media.length 86400, the playhead that frame, ts the intent', () => {
    expect(events[0]?.params?.['media.length']).toBe(86_400);
    expect(events[0]?.playerTime).toEqual({ playhead: sod(T0 + 200 - LATENCY), ts: T0 });
  });

  it('pause freezes it; resuming plays on from the frame that was on screen', () => {
    expect(playheads(events, 'pauseStart')[0]).toBe(sod(T0 + 5100 - LATENCY));
    expect(playheads(events, 'play')[1]).toBe(sod(T0 + 5100 - LATENCY));
  });

  it('a DVR seek is pauseStart at the old moment … play at the new one; the live edge moves it forward', () => {
    const pauses = playheads(events, 'pauseStart');
    const plays = playheads(events, 'play');
    expect(pauses[1]).toBeCloseTo(sod(T0 + 12_100 - LATENCY - 5000), 0);
    expect(plays[2]).toBe(sod(T0 + 12_400 - LATENCY - 25_000));
    expect(plays[3]).toBe(sod(T0 + 15_300 - LATENCY));
    expect(plays[3]! - plays[2]!).toBeCloseTo(27.9, 3);
  });

  it('a DVR seek takes no bound from played: its ranges are media time, not the time of day', () => {
    const sample = sod(T0 + 12_000 - LATENCY - 5000);
    const played = { length: 1, start: () => 0, end: () => sample + 0.02 };
    const withPlayed = beats.map((b) => (b.t === 12_100 ? { ...b, snap: { ...b.snap, played } } : b));
    const pause = playheads(run(withPlayed).events, 'pauseStart')[1];
    expect(pause).toBeCloseTo(sample + 0.1, 6);
  });

  it('pings carry the frame on screen, not the wall clock', () => {
    const [first, second] = events.filter((e) => e.eventType === 'ping');
    expect(first?.playerTime.playhead).toBeCloseTo(sod(T0 + 10_000 - LATENCY - 5000), 0);
    expect(second?.playerTime.playhead).toBeCloseTo(sod(T0 + 20_000 - LATENCY), 0);
  });

  it('never sessionComplete: the stream ending ends the session', () => {
    expect(types).not.toContain('sessionComplete');
    expect(types).not.toContain('bufferStart');
    expect(types.at(-1)).toBe('sessionEnd');
    expect(state.phase).toBe('idle');
  });
});

describe('live content without program date times', () => {
  it('the wall clock less how far behind the live edge the viewer is', () => {
    const { events } = run([
      { t: 0, signal: 'play', snap: { ...live, paused: false } },
      { t: 200, signal: 'playing' },
      { t: 1000, signal: 'seeking', snap: { seeking: true } },
      { t: 1300, signal: 'seeked', snap: { seeking: false, behindLive: 20 } },
    ]);
    expect(playheads(events, 'play')).toEqual([sod(T0 + 200), sod(T0 + 1300 - 20_000)]);
  });
});

describe('live by media.contentType', () => {
  /** The site's params, as the tracker hands them to the core in the snapshot. */
  const params = (extra: Record<string, string | number>) => ({
    params: { ...TEST_PARAMS, 'media.contentType': 'Linear', ...extra },
  });

  it('a finite duration with a live content type is live: 86400, second of day, no sessionComplete', () => {
    const { events, types } = run([
      { t: 0, signal: 'play', snap: { duration: 120, paused: false, behindLive: 3, ...params({}) } },
      { t: 200, signal: 'playing' },
      { t: 500, signal: 'ended', snap: { ended: true, paused: true } },
    ]);
    expect(events[0]?.params?.['media.length']).toBe(86_400);
    expect(events[0]?.playerTime.playhead).toBe(sod(T0 - 3000));
    expect(types).toEqual(['sessionStart', 'play', 'sessionEnd']);
  });

  it('media.length given in params wins', () => {
    const { events } = run([
      { t: 0, signal: 'play', snap: { ...live, paused: false, ...params({ 'media.length': 3600 }) } },
      { t: 200, signal: 'playing' },
    ]);
    expect(events[0]?.params?.['media.length']).toBe(3600);
  });
});

describe('live across midnight', () => {
  it('the playhead starts again from 0 without a stall', () => {
    const midnight = Math.ceil(T0 / DAY_MS) * DAY_MS;
    const lead = midnight - T0 - 1500;
    const beats: Beat[] = [
      { t: lead, signal: 'play', snap: { ...live, paused: false, programTime: midnight - 1500 } },
      { t: lead + 200, signal: 'playing', snap: { programTime: midnight - 1300 } },
    ];
    for (let t = 450; t <= 4000; t += 250) {
      beats.push({ t: lead + t, signal: 'timeupdate', snap: { programTime: midnight - 1500 + t } });
    }
    const { types, events } = run(beats);
    expect(types).not.toContain('bufferStart');
    expect(events[0]?.playerTime.playhead).toBe(86_398.7);
  });
});
