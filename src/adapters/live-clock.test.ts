import { describe, expect, it } from 'vitest';
import { type LivePlayer, liveClock } from './live-clock';

const PDT = Date.UTC(2026, 11, 2, 17, 0, 0);

/** A player whose VHS maps player time to program time from `first` on, for times ≥ `timedFrom`. */
function fakePlayer(opts: { timedFrom?: number; startDate?: number; edge?: number; vhs?: boolean }) {
  let src = 'https://cdn.test/live.m3u8';
  const player = {
    currentSrc: () => src,
    liveTracker: { isLive: () => true, liveCurrentTime: () => opts.edge ?? Number.NaN },
    tech: () => ({
      ...(opts.vhs === false
        ? {}
        : {
            vhs: {
              playlists: {
                // 2 s segments from player time 0; those before `timedFrom` not played yet (no start/end).
                media: () => ({
                  segments: Array.from({ length: 30 }, (_, n) => ({
                    dateTimeObject: new Date(PDT + n * 2000),
                    ...(n * 2 >= (opts.timedFrom ?? 0) ? { start: n * 2, end: n * 2 + 2 } : {}),
                  })),
                }),
              },
            },
          }),
      el: () => ({ getStartDate: () => new Date(opts.startDate ?? Number.NaN) }),
    }),
  } as unknown as LivePlayer;
  return { player, setSrc: (s: string) => (src = s) };
}

describe('liveClock', () => {
  it('reads the program date time of the frame at the player time from VHS', () => {
    const { player } = fakePlayer({});
    expect(liveClock(player)(12.5)).toMatchObject({ programTime: PDT + 12_500 });
  });

  it('places a time VHS cannot map yet by the last good reading', () => {
    const { player } = fakePlayer({ timedFrom: 30 });
    const clock = liveClock(player);
    expect(clock(10)).not.toHaveProperty('programTime');
    expect(clock(40)).toMatchObject({ programTime: PDT + 40_000 });
    expect(clock(20)).toMatchObject({ programTime: PDT + 20_000 }); // a DVR seek back
  });

  it('forgets the mapping on a new source', () => {
    const { player, setSrc } = fakePlayer({ timedFrom: 30 });
    const clock = liveClock(player);
    clock(40);
    setSrc('https://cdn.test/other.m3u8');
    expect(clock(20)).not.toHaveProperty('programTime');
  });

  it('native HLS: the element start date plus the player time', () => {
    const { player } = fakePlayer({ vhs: false, startDate: PDT });
    expect(liveClock(player)(3)).toMatchObject({ programTime: PDT + 3000 });
  });

  it('without program date times: how far behind the live edge the viewer is', () => {
    const { player } = fakePlayer({ vhs: false, edge: 100 });
    expect(liveClock(player)(80)).toEqual({ behindLive: 20 });
  });
});
