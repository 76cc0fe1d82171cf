import { describe, expect, it } from 'vitest';
import { ev, SESSION_START_PARAMS } from '../emulator/test-fixtures.ts';
import type { McEventType, McParams } from './types.ts';
import { paramsProblems } from './validate-params.ts';

const base = (eventType: McEventType): McParams => ({ ...ev(eventType).params });
const without = (eventType: McEventType, key: string): McParams => {
  const params = base(eventType);
  delete params[key];
  return params;
};
const withValue = (eventType: McEventType, key: string, value: unknown): McParams =>
  ({ ...base(eventType), [key]: value }) as McParams;

describe('paramsProblems: required keys', () => {
  const required: [McEventType, string][] = [
    ...Object.keys(SESSION_START_PARAMS).map((key): [McEventType, string] => ['sessionStart', key]),
    ['adBreakStart', 'media.ad.podIndex'],
    ['adBreakStart', 'media.ad.podSecond'],
    ['adStart', 'media.ad.id'],
    ['adStart', 'media.ad.length'],
    ['adStart', 'media.ad.podPosition'],
    ['adStart', 'media.ad.playerName'],
    ['chapterStart', 'media.chapter.index'],
    ['chapterStart', 'media.chapter.offset'],
    ['chapterStart', 'media.chapter.length'],
    ['stateStart', 'media.state.name'],
    ['stateEnd', 'media.state.name'],
  ];
  it.each(required)('%s without %s', (eventType, key) => {
    expect(paramsProblems(eventType, without(eventType, key))).toEqual([
      `params need ${key} (required on ${eventType}).`,
    ]);
  });

  it.each<McEventType>(['sessionStart', 'adBreakStart', 'adStart', 'chapterStart', 'stateStart', 'stateEnd'])(
    '%s without params',
    (eventType) => {
      expect(paramsProblems(eventType, undefined)).toEqual([`params is required on ${eventType}.`]);
    },
  );

  it('params that are not an object', () => {
    expect(paramsProblems('adStart', ['x'])).toEqual(['params must be a JSON object.']);
  });
});

describe('paramsProblems: JSON types and unknown keys', () => {
  it.each<[McEventType, string, unknown, string]>([
    ['sessionStart', 'media.id', 7, 'must be a string'],
    ['sessionStart', 'media.length', '120', 'must be a number'],
    ['sessionStart', 'analytics.enableSSL', 'true', 'must be a boolean'],
    ['sessionStart', 'media.resume', 1, 'must be a boolean'],
    ['sessionStart', 'media.downloaded', 'yes', 'must be a boolean'],
    ['sessionStart', 'analytics.optOutShare', 0, 'must be a boolean'],
    ['sessionStart', 'analytics.optOutServerSideForwarding', 'false', 'must be a boolean'],
    ['sessionStart', 'visitor.aamLocationHint', 9.5, 'must be an integer'],
    ['sessionStart', 'visitor.customerIDs', 'crm', 'must be a JSON object'],
    ['sessionStart', 'visitor.customerIDs', { crm: { id: 5 } }, '["crm"] must be {"id": string'],
    [
      'sessionStart',
      'visitor.customerIDs',
      { crm: { id: 'a', authState: 3 } },
      '["crm"] must be {"id": string',
    ],
    ['sessionStart', 'media.showType', 0, 'must be a string'],
    ['sessionStart', 'media.pass.auth', true, 'must be a string'],
    ['sessionStart', 'media.qoe.bitrate', 1, 'is not a sessionStart parameter'],
    ['sessionStart', 'media.custom', 'x', 'is not a sessionStart parameter'],
    ['adBreakStart', 'media.ad.podIndex', 1.5, 'must be an integer'],
    ['adBreakStart', 'media.ad.podSecond', '0', 'must be a number'],
    ['adBreakStart', 'media.ad.podFriendlyName', 1, 'must be a string'],
    ['adStart', 'media.ad.podPosition', 1.5, 'must be an integer'],
    ['adStart', 'media.ad.length', '15', 'must be a number'],
    ['adStart', 'media.ad.creativeURL', 1, 'must be a string'],
    ['adStart', 'media.id', 'x', 'is not a adStart parameter'],
    ['chapterStart', 'media.chapter.index', 2.5, 'must be an integer'],
    ['chapterStart', 'media.chapter.offset', '0', 'must be a number'],
    ['chapterStart', 'media.chapter.length', null, 'must be a number'],
    ['stateStart', 'media.state.name', 5, 'must be a string'],
    ['stateStart', 'media.state.name', 'full screen', 'must be 1–64 characters'],
    ['stateEnd', 'media.state.name', 'x'.repeat(65), 'must be 1–64 characters'],
    ['stateEnd', 'media.state.name', '', 'must be 1–64 characters'],
  ])('%s %s = %j', (eventType, key, value, fragment) => {
    const problems = paramsProblems(eventType, withValue(eventType, key, value));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`params[${JSON.stringify(key)}]`);
    expect(problems[0]).toContain(fragment);
  });

  it('accepts every optional key with its type', () => {
    const params = {
      ...SESSION_START_PARAMS,
      'analytics.visitorId': 'v',
      'analytics.aid': 'a',
      'visitor.marketingCloudUserId': 'm',
      appInstallationId: 'i',
      'media.streamType': 'video',
      'media.pass.mvpd': 'x',
      'visitor.customerIDs': { crm: { id: 'u', authState: 2 } },
    };
    expect(paramsProblems('sessionStart', params)).toEqual([]);
  });
});

describe('paramsProblems: event types that take no params', () => {
  it('ping with params is the classic mistake and says so', () => {
    expect(paramsProblems('ping', {})).toEqual([
      'ping must not carry params: a ping is only eventType and playerTime (and optional qoeData).',
    ]);
  });

  it.each<McEventType>([
    'play',
    'pauseStart',
    'bufferStart',
    'adComplete',
    'adSkip',
    'adBreakComplete',
    'chapterComplete',
    'chapterSkip',
    'sessionComplete',
    'sessionEnd',
    'bitrateChange',
    'error',
  ])('%s with an empty params object', (eventType) => {
    expect(paramsProblems(eventType, {})).toEqual([
      `${eventType} takes no params: remove the params object.`,
    ]);
  });
});
