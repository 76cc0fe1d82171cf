// The manual content-end call (`tracker.contentComplete()` → `contentEnded`) with a server-side post-roll:
// the ads are stitched into the stream, so the element plays on through the post-roll and its `ended`
// comes inside the break or after it (docs/mapping.md#manual-calls).
import { describe, expect, it } from 'vitest';
import { type Beat, playing, run, START } from '../test-support/core-driver';
import type { AdInfo } from './signals';

const postroll = (endedAt: number): Beat[] => [
  ...START,
  ...playing(250, 3000),
  { t: 3001, signal: 'contentEnded' },
  { t: 3002, signal: { type: 'adBreakStart' } },
  { t: 3003, signal: { type: 'adStart', ad: { id: 'post', length: 5 } as AdInfo } },
  ...playing(3250, 7750, 2.75),
  { t: endedAt, signal: 'ended', snap: { ended: true, paused: true } },
  { t: 8100, signal: 'adBreakComplete' },
  { t: 8200, signal: 'ended', snap: { ended: true, paused: true } },
];

const CLOSED_POSTROLL = [
  'adBreakStart',
  'adStart',
  'adComplete',
  'adBreakComplete',
  'sessionComplete',
] as const;
const withoutPings = (types: string[]) => types.filter((t) => t !== 'ping');

describe('content end marked by the manual call, server-side post-roll', () => {
  it('the stitched post-roll comes before sessionComplete, even when the element ends inside it', () => {
    const { types, events, state } = run(postroll(8000));
    expect(withoutPings(types)).toEqual(['sessionStart', 'play', ...CLOSED_POSTROLL]);
    const start = events.find((e) => e.eventType === 'adBreakStart');
    expect(start?.params?.['media.ad.podFriendlyName']).toBe('postroll');
    // The post-roll's playback never moves the content playhead; sessionComplete keeps it too.
    const complete = events.at(-1);
    expect(complete?.playerTime.playhead).toBe(start?.playerTime.playhead);
    expect(start?.playerTime.playhead).toBeCloseTo(2.75, 1);
    expect(state.phase).toBe('complete');
  });

  it('the same when the element ends only after adBreakComplete', () => {
    const beats = postroll(8000).filter((b) => b.t !== 8000);
    expect(withoutPings(run(beats).types)).toEqual(['sessionStart', 'play', ...CLOSED_POSTROLL]);
  });

  it('without the call the break is a mid-roll and the session does not complete at its end', () => {
    const beats = postroll(8000).filter((b) => b.signal !== 'contentEnded' && b.t !== 8200);
    const { types, events } = run(beats);
    expect(withoutPings(types)).toEqual([
      'sessionStart',
      'play',
      'adBreakStart',
      'adStart',
      'adComplete',
      'adBreakComplete',
    ]);
    expect(events.find((e) => e.eventType === 'adBreakStart')?.params?.['media.ad.podFriendlyName']).toBe(
      'midroll',
    );
  });

  it('with no post-roll after it, the element’s end completes the session', () => {
    const { types } = run([
      ...START,
      ...playing(250, 1000),
      { t: 1001, signal: 'contentEnded' },
      { t: 1100, signal: 'ended', snap: { ended: true, paused: true } },
    ]);
    expect(withoutPings(types)).toEqual(['sessionStart', 'play', 'sessionComplete']);
  });

  it('before any session it is ignored: a later break is a pre-roll', () => {
    const { types, events } = run([
      { t: 0, signal: 'contentEnded' },
      { t: 10, signal: { type: 'adBreakStart' }, snap: { paused: false } },
      { t: 20, signal: 'adBreakComplete' },
    ]);
    expect(types).toEqual(['sessionStart', 'adBreakStart', 'adBreakComplete']);
    expect(events[1]?.params?.['media.ad.podFriendlyName']).toBe('preroll');
  });
});
