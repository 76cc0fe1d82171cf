// Render → translate back gives the Media Collection event again (integers rounded, Edge-less params
// gone), so the emulator's rules judge an Edge session exactly as its Media Collection twin.
import { describe, expect, it } from 'vitest';
import { renderEdgeEvent } from '../edge/render-event.ts';
import type { EdgeEventType } from '../edge/types.ts';
import type { McEvent } from '../mc/types.ts';
import { neutralEvents } from './edge-neutral.ts';
import { ev, start, T0 } from './test-fixtures.ts';

const back = (event: McEvent): McEvent[] => {
  const xdm = renderEdgeEvent(event, { sessionId: 'sid' });
  return neutralEvents(
    xdm.eventType.slice('media.'.length) as EdgeEventType,
    xdm.timestamp,
    xdm.mediaCollection,
  );
};

describe('neutralEvents', () => {
  it.each([
    [
      'play with QoE',
      { ...ev('play', 5, 3.4), qoeData: { 'media.qoe.timeToStart': 812, 'media.qoe.bitrate': 800_000 } },
      { ...ev('play', 5, 3), qoeData: { 'media.qoe.timeToStart': 812, 'media.qoe.bitrate': 800_000 } },
    ],
    ['adBreakStart', ev('adBreakStart', 6, 0), ev('adBreakStart', 6, 0)],
    ['adStart (pod position read back 1-based)', ev('adStart', 7, 0), ev('adStart', 7, 0)],
    ['chapterStart', ev('chapterStart', 8, 0), ev('chapterStart', 8, 0)],
    ['stateStart', ev('stateStart', 9, 12.6), ev('stateStart', 9, 13)],
    [
      'error',
      {
        ...ev('error', 10, 1),
        qoeData: { 'media.qoe.errorID': 'E', 'media.qoe.errorSource': 'external' as const },
      },
      {
        ...ev('error', 10, 1),
        qoeData: { 'media.qoe.errorID': 'E', 'media.qoe.errorSource': 'external' as const },
      },
    ],
    ['sessionEnd', ev('sessionEnd', 11, 20), ev('sessionEnd', 11, 20)],
  ])('%s', (_label, sent, expected) => {
    expect(back(sent)).toEqual([expected]);
  });

  it('reads a sessionStart back with its content params, resume flag and custom metadata', () => {
    const sent = { ...start(0, { 'media.resume': true }), customMetadata: { show: 'x' } };
    const [event] = back(sent);
    expect(event.params).toEqual({
      'media.id': 'video-1',
      'media.length': 120,
      'media.contentType': 'vod',
      'media.playerName': 'video.js',
      'media.channel': 'demo',
      'media.resume': true,
    });
    expect(event.customMetadata).toEqual({ show: 'x' });
  });

  it('splits a statesUpdate into one event per name, starts first, 1 ms apart', () => {
    const media = {
      playhead: 4,
      statesStart: [{ name: 'fullScreen' }, { name: 'mute' }],
      statesEnd: [{ name: 'inFocus' }],
    };
    expect(neutralEvents('statesUpdate', new Date(T0).toISOString(), media)).toEqual([
      {
        eventType: 'stateStart',
        playerTime: { playhead: 4, ts: T0 },
        params: { 'media.state.name': 'fullscreen' },
      },
      {
        eventType: 'stateStart',
        playerTime: { playhead: 4, ts: T0 + 1 },
        params: { 'media.state.name': 'mute' },
      },
      {
        eventType: 'stateEnd',
        playerTime: { playhead: 4, ts: T0 + 2 },
        params: { 'media.state.name': 'inFocus' },
      },
    ]);
  });
});
