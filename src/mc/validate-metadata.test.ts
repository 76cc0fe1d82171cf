import { describe, expect, it } from 'vitest';
import type { McEventType } from './types.ts';
import { customMetadataProblems, qoeDataProblems } from './validate-metadata.ts';

describe('customMetadataProblems', () => {
  it.each<McEventType>(['sessionStart', 'adStart', 'chapterStart'])(
    'accepts string metadata on %s',
    (eventType) => {
      expect(customMetadataProblems(eventType, { 'show.tag': 'a', Season_2: '2' })).toEqual([]);
    },
  );

  it.each<[string, McEventType, unknown, string]>([
    ['on play', 'play', { a1: 'x' }, 'customMetadata is not allowed on play'],
    ['on ping, even empty', 'ping', {}, 'customMetadata is not allowed on ping'],
    ['on adBreakStart', 'adBreakStart', { a1: 'x' }, 'customMetadata is not allowed on adBreakStart'],
    ['not an object', 'sessionStart', 'x', 'customMetadata must be a flat JSON object'],
    ['an array', 'sessionStart', ['x'], 'customMetadata must be a flat JSON object'],
    ['a number value', 'sessionStart', { n: 1 }, 'customMetadata["n"] must be a string'],
    ['a boolean value', 'adStart', { b: true }, 'customMetadata["b"] must be a string'],
    ['a nested value', 'chapterStart', { o: { x: '1' } }, 'customMetadata["o"] must be a string'],
    ['a key with a space', 'sessionStart', { 'my key': 'x' }, 'keys may only use'],
    ['a key with a dash', 'sessionStart', { 'my-key': 'x' }, 'keys may only use'],
    ['a media. key', 'sessionStart', { 'media.show': 'x' }, 'must not start with "media." or "a."'],
    ['an a. key', 'sessionStart', { 'a.media.x': 'x' }, 'must not start with "media." or "a."'],
  ])('rejects %s', (_name, eventType, metadata, fragment) => {
    const problems = customMetadataProblems(eventType, metadata);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(fragment);
  });
});

describe('qoeDataProblems', () => {
  it('accepts every documented key', () => {
    const qoe = {
      'media.qoe.bitrate': 3_000_000,
      'media.qoe.droppedFrames': 0,
      'media.qoe.framesPerSecond': 30,
      'media.qoe.timeToStart': 850,
      'media.qoe.errorID': 'MEDIA_ERR_NETWORK',
      'media.qoe.errorSource': 'external',
    };
    expect(qoeDataProblems(qoe)).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['not an object', 5, 'qoeData must be a JSON object'],
    ['an unprefixed key (timeline 2 typo)', { bitrate: 1 }, 'qoeData["bitrate"] is not a qoeData key'],
    [
      'a fractional bitrate',
      { 'media.qoe.bitrate': 1.5 },
      'qoeData["media.qoe.bitrate"] must be an integer ≥ 0',
    ],
    ['a negative droppedFrames', { 'media.qoe.droppedFrames': -1 }, 'droppedFrames"] must be an integer ≥ 0'],
    ['a string fps', { 'media.qoe.framesPerSecond': '30' }, 'framesPerSecond"] must be an integer ≥ 0'],
    ['a fractional timeToStart', { 'media.qoe.timeToStart': 0.85 }, 'timeToStart"] must be an integer ≥ 0'],
    ['a numeric errorID', { 'media.qoe.errorID': 4 }, 'errorID"] must be a string'],
    ['an unknown errorSource', { 'media.qoe.errorSource': 'network' }, 'must be "player" or "external"'],
  ])('rejects %s', (_name, qoe, fragment) => {
    const problems = qoeDataProblems(qoe);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(fragment);
  });
});
