import { describe, expect, it } from 'vitest';
import type { McEvent } from '../mc/types';
import { buildDownloadedBatch } from './downloaded-batch';
import { mcEvent, START_PARAMS } from './sender.fixtures';

const short = (batch: McEvent[] | undefined) =>
  batch?.map((e) => `${e.eventType}@${e.playerTime.ts}/${e.playerTime.playhead}`);

describe('buildDownloadedBatch', () => {
  const start = mcEvent('sessionStart', 1_000);

  it('leads with a resume copy 1 ms before the first event and closes 1 ms after the last', () => {
    const batch = buildDownloadedBatch(start, [mcEvent('play', 5_000, 4), mcEvent('ping', 15_000, 14)]);
    expect(short(batch)).toEqual([
      'sessionStart@4999/4',
      'play@5000/4',
      'ping@15000/14',
      'sessionEnd@15001/14',
    ]);
    expect(batch![0]).toEqual({
      eventType: 'sessionStart',
      playerTime: { playhead: 4, ts: 4_999 },
      params: { ...START_PARAMS, 'media.resume': true },
      customMetadata: { show: 'x' },
    });
    expect(start.params).not.toHaveProperty('media.resume'); // the stored original is untouched
  });

  it.each(['sessionEnd', 'sessionComplete'] as const)('adds no sessionEnd after a closing %s', (closing) => {
    const batch = buildDownloadedBatch(start, [mcEvent('play', 5_000), mcEvent(closing, 6_000)]);
    expect(short(batch)).toEqual(['sessionStart@4999/0', 'play@5000/0', `${closing}@6000/0`]);
  });

  it('uses a pending sessionStart as it is', () => {
    const batch = buildDownloadedBatch(undefined, [start, mcEvent('play', 2_000)]);
    expect(batch![0]).toBe(start);
    expect(short(batch)).toEqual(['sessionStart@1000/0', 'play@2000/0', 'sessionEnd@2001/0']);
  });

  it('has no batch without a sessionStart to lead it, or without events', () => {
    expect(buildDownloadedBatch(undefined, [mcEvent('play', 2_000)])).toBeUndefined();
    expect(buildDownloadedBatch(start, [])).toBeUndefined();
  });
});
