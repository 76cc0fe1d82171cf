import { describe, expect, it } from 'vitest';
import { BITRATE_UNIT, FULLSCREEN_STATE, POD_POSITION_BASE, TIME_TO_START_UNIT } from './choices.ts';
import {
  bitrateFromEdge,
  bitrateToEdge,
  podPositionFromEdge,
  podPositionToEdge,
  stateFromEdge,
  stateToEdge,
  timeToStartFromEdge,
  timeToStartToEdge,
  toInteger,
} from './units.ts';

describe('toInteger', () => {
  it.each([
    [0.49, 0],
    [0.5, 1],
    [119.6, 120],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
  ])('%d → %d', (value, expected) => {
    expect(toInteger(value)).toBe(expected);
  });
});

describe('the choices, applied', () => {
  it('renders the first ad of a break at the chosen base, and reads it back as 1', () => {
    expect(podPositionToEdge(1)).toBe(POD_POSITION_BASE);
    expect(podPositionFromEdge(podPositionToEdge(3))).toBe(3);
  });

  it('sends bitrate in the chosen unit, rounded, and reads it back in bits per second', () => {
    expect(bitrateToEdge(2_500_400)).toBe(BITRATE_UNIT === 'kbps' ? 2500 : 2_500_400);
    expect(bitrateFromEdge(bitrateToEdge(2_500_000))).toBe(2_500_000);
  });

  it('sends time to start in the chosen unit and reads it back in milliseconds', () => {
    expect(timeToStartToEdge(1234)).toBe(TIME_TO_START_UNIT === 'ms' ? 1234 : 1);
    expect(timeToStartFromEdge(timeToStartToEdge(2000))).toBe(2000);
  });

  it('spells full screen the chosen way, reads either spelling back, and leaves other states alone', () => {
    expect(stateToEdge('fullscreen')).toBe(FULLSCREEN_STATE);
    expect(stateFromEdge('fullScreen')).toBe('fullscreen');
    expect(stateFromEdge('fullscreen')).toBe('fullscreen');
    expect(stateToEdge('closedCaptioning')).toBe('closedCaptioning');
    expect(stateFromEdge('pictureInPicture')).toBe('pictureInPicture');
  });
});
