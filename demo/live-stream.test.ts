import { describe, expect, it } from 'vitest';
import { livePlaylist, SEGMENT_MS } from './live-stream';

const EPOCH = Date.UTC(2026, 11, 2, 12, 0, 0);
const segmentsOf = (playlist: string) => [...playlist.matchAll(/^(\d+)\.ts$/gm)].map((m) => Number(m[1]));

describe('livePlaylist', () => {
  it('grows by one segment every 2 s, each with its program date time', () => {
    const early = livePlaylist(EPOCH, EPOCH + 7_000);
    expect(segmentsOf(early)).toEqual([0, 1, 2]);
    expect(segmentsOf(livePlaylist(EPOCH, EPOCH + 7_000 + SEGMENT_MS))).toEqual([0, 1, 2, 3]);
    expect(early).toContain(
      `#EXT-X-PROGRAM-DATE-TIME:${new Date(EPOCH + 4000).toISOString()}\n#EXTINF:2.000,\n2.ts`,
    );
    expect(early).not.toContain('ENDLIST');
  });

  it('slides a 60 s window; loops of the ten files are discontinuities, counted once they slide out', () => {
    const playlist = livePlaylist(EPOCH, EPOCH + 98_000);
    const segments = segmentsOf(playlist);
    expect(segments).toEqual(Array.from({ length: 30 }, (_, i) => 19 + i));
    expect(playlist).toContain('#EXT-X-MEDIA-SEQUENCE:19\n');
    expect(playlist).toContain('#EXT-X-DISCONTINUITY-SEQUENCE:1\n');
    expect(playlist.match(/#EXT-X-DISCONTINUITY\n/g)).toHaveLength(3); // before 20, 30 and 40
    expect(playlist).toMatch(/#EXT-X-DISCONTINUITY\n#EXT-X-PROGRAM-DATE-TIME:[^\n]+\n#EXTINF:2.000,\n20\.ts/);
  });
});
