import { describe, expect, it } from 'vitest';
import { classifyResponse, parseRetryAfter, type ResponseClass } from './response.ts';

describe('classifyResponse', () => {
  const table: Array<[number, ResponseClass]> = [
    [200, 'delivered'],
    [201, 'delivered'],
    [204, 'delivered'],
    [299, 'delivered'],
    [400, 'invalid'],
    [422, 'invalid'],
    [404, 'sessionGone'],
    [410, 'sessionGone'],
    [408, 'retry'],
    [425, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [504, 'retry'],
    [599, 'retry'],
    [401, 'fatal'],
    [403, 'fatal'],
    [405, 'fatal'],
    [413, 'fatal'],
    [301, 'fatal'],
    [100, 'fatal'],
    [0, 'fatal'],
    [600, 'fatal'],
  ];
  it.each(table)('%i → %s', (status, expected) => {
    expect(classifyResponse(status)).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 10, 26, 12, 0, 0);
  it.each([
    ['delta-seconds', '120', 120_000],
    ['zero seconds', '0', 0],
    ['padded delta-seconds', ' 5 ', 5_000],
    ['IMF-fixdate 30 s ahead', 'Thu, 26 Nov 2026 12:00:30 GMT', 30_000],
    ['IMF-fixdate in the past', 'Thu, 26 Nov 2026 11:59:00 GMT', 0],
  ])('%s', (_name, value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it.each([
    ['absent', null],
    ['empty', ''],
    ['negative number', '-5'],
    ['fraction', '1.5'],
    ['free text', 'soon'],
    ['day name but no date', 'Thu, someday'],
  ])('%s → undefined', (_name, value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
