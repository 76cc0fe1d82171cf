import { describe, expect, it } from 'vitest';
import type { QueuedEvent } from '../delivery/queue';
import { mcEvent } from '../delivery/sender.fixtures';
import type { McEventType } from '../mc/types';
import { DEFAULT_CAPS, overCount, tooOld } from './caps';

let nextId = 1;
const items = (session: string, types: McEventType[], t0 = 1_000): QueuedEvent[] =>
  types.map((type, i) => ({ id: nextId++, session, event: mcEvent(type, t0 + i * 10) }));
const label = (dropped: QueuedEvent[]) => dropped.map((d) => `${d.event.eventType}@${d.event.playerTime.ts}`);

describe('overCount', () => {
  it('drops nothing at or under the cap', () => {
    expect(overCount(items('a', ['sessionStart', 'ping', 'ping']), 3)).toEqual([]);
  });

  it('drops the oldest pings first, whatever their place', () => {
    const queued = items('a', ['sessionStart', 'play', 'ping', 'pauseStart', 'ping', 'ping', 'play']);
    expect(label(overCount(queued, 5))).toEqual(['ping@1020', 'ping@1040']);
  });

  it('then QoE reports, then playback changes, oldest first in each rank', () => {
    const queued = items('a', [
      'sessionStart',
      'play',
      'bitrateChange',
      'ping',
      'error',
      'pauseStart',
      'play',
    ]);
    expect(label(overCount(queued, 2))).toEqual([
      'ping@1030',
      'bitrateChange@1020',
      'error@1040',
      'play@1010',
      'pauseStart@1050',
    ]);
  });

  it('never drops a sessionStart or a bookend, even if that leaves the count over', () => {
    const types: McEventType[] = [
      'sessionStart',
      'adBreakStart',
      'adStart',
      'ping',
      'adComplete',
      'adBreakComplete',
      'chapterStart',
      'chapterSkip',
      'stateStart',
      'stateEnd',
      'sessionComplete',
      'sessionEnd',
    ];
    expect(label(overCount(items('a', types), 1))).toEqual(['ping@1030']);
  });

  it("keeps each session's head (it may be in flight), across sessions in key order", () => {
    const a = items('a', ['ping', 'ping'], 1_000);
    const b = items('b', ['ping', 'ping'], 2_000);
    expect(label(overCount([a[0]!, b[0]!, a[1]!, b[1]!], 2))).toEqual(['ping@1010', 'ping@2010']);
  });
});

describe('tooOld', () => {
  it('judges a session by its newest event', () => {
    const queued = items('a', ['sessionStart', 'ping'], 0);
    expect(tooOld(queued, 10 + DEFAULT_CAPS.maxAgeMs, DEFAULT_CAPS.maxAgeMs)).toBe(false);
    expect(tooOld(queued, 11 + DEFAULT_CAPS.maxAgeMs, DEFAULT_CAPS.maxAgeMs)).toBe(true);
    expect(tooOld([], Number.MAX_SAFE_INTEGER, 1)).toBe(false);
  });
});
