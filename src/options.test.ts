import { describe, expect, it } from 'vitest';
import { EDGE_DOMAIN } from './edge/request';
import { MediaCollectionOptionsError, resolveOptions } from './options';

const PARAMS = {
  'analytics.trackingServer': 'test.sc.omtrdc.net',
  'analytics.reportSuite': 'rsid',
  'visitor.marketingCloudOrgId': 'ORG@AdobeOrg',
  'media.id': 'movie',
  'media.contentType': 'vod',
  'media.channel': 'web',
};
const VALID = { endpoint: 'https://acme.hb-api.omtrdc.net/', params: PARAMS };

function problemsOf(options: unknown): readonly string[] {
  try {
    resolveOptions(options);
  } catch (error) {
    expect(error).toBeInstanceOf(MediaCollectionOptionsError);
    return (error as MediaCollectionOptionsError).problems;
  }
  return [];
}

describe('resolveOptions', () => {
  it('accepts valid options, trims the endpoint and applies defaults', () => {
    const resolved = resolveOptions(VALID);
    expect(resolved.endpoint).toBe('https://acme.hb-api.omtrdc.net');
    expect(resolved.mainPingMs).toBe(10_000);
    expect(resolved.adPingMs).toBe(1_000);
    expect(resolved.params('x')).toMatchObject({ 'media.playerName': 'video.js', 'media.id': 'movie' });
  });

  it('accepts http only for localhost', () => {
    expect(problemsOf({ ...VALID, endpoint: 'http://127.0.0.1:8787' })).toEqual([]);
    expect(problemsOf({ ...VALID, endpoint: 'http://collector.example' })).toEqual([
      expect.stringContaining('must use https'),
    ]);
  });

  it.each([
    ['options not an object', 'https://acme.hb-api.omtrdc.net', 'options must be an object'],
    ['missing endpoint', { params: PARAMS }, 'missing endpoint'],
    ['relative endpoint', { ...VALID, endpoint: '/collector' }, 'not an absolute URL'],
    ['params not an object', { ...VALID, params: 'rsid' }, 'params must be an object'],
    [
      'missing required param',
      { ...VALID, params: { ...PARAMS, 'media.id': undefined } },
      'params need media.id',
    ],
    ['wrong param type', { ...VALID, params: { ...PARAMS, 'media.length': '60' } }, 'media.length'],
    ['unknown param key', { ...VALID, params: { ...PARAMS, 'media.colour': 'red' } }, 'media.colour'],
    ['bad custom metadata value', { ...VALID, customMetadata: { show: 3 } }, 'show'],
    ['reserved custom metadata key', { ...VALID, customMetadata: { 'media.show': 'x' } }, 'media.show'],
    ['ping interval out of range', { ...VALID, mainPingInterval: 5 }, 'mainPingInterval'],
    ['ad ping interval out of range', { ...VALID, adPingInterval: 11 }, 'adPingInterval'],
    ['unknown option', { ...VALID, endPoint: 'x' }, 'unknown option "endPoint"'],
  ])('names the problem: %s', (_name, options, fragment) => {
    const problems = problemsOf(options);
    expect(problems.some((p) => p.includes(fragment))).toBe(true);
  });

  it.each([
    ['{}', {}],
    ['no options at all', undefined],
  ])('%s: one error naming endpoint and every required param still missing', (_name, options) => {
    let error: unknown;
    try {
      resolveOptions(options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MediaCollectionOptionsError);
    const { problems, message } = error as MediaCollectionOptionsError;
    // media.playerName has a default and media.length comes from the duration: they are not asked for.
    expect(problems).toEqual([
      expect.stringMatching(/^missing endpoint/),
      'params need analytics.trackingServer, analytics.reportSuite, visitor.marketingCloudOrgId, media.id, media.contentType, media.channel (required on sessionStart).',
    ]);
    for (const p of problems) expect(message).toContain(p);
  });

  it('lists only the required params still missing, beside the other params problems', () => {
    const params = { 'analytics.trackingServer': 't.sc.omtrdc.net', 'media.id': 1, 'media.channel': 'web' };
    expect(problemsOf({ endpoint: VALID.endpoint, params })).toEqual([
      'params need analytics.reportSuite, visitor.marketingCloudOrgId, media.contentType (required on sessionStart).',
      expect.stringContaining('params["media.id"] must be a string'),
    ]);
  });

  it('names every problem in one error', () => {
    let error: unknown;
    try {
      resolveOptions({ endpoint: 'ftp://x', params: { 'media.id': 1 }, mainPingInterval: 0 });
    } catch (e) {
      error = e;
    }
    const { problems, message } = error as MediaCollectionOptionsError;
    expect(problems).toHaveLength(4); // endpoint, the missing params together, media.id, mainPingInterval
    for (const p of problems) expect(message).toContain(p);
  });

  it('a params function is called per source', () => {
    const resolved = resolveOptions({
      ...VALID,
      params: ({ src }: { src: string }) => ({ ...PARAMS, 'media.id': src }),
    });
    expect(resolved.params('a.mp4')['media.id']).toBe('a.mp4');
  });

  it('identity and consent: defaults, accepted values, and each bad value named', () => {
    expect(resolveOptions(VALID)).toMatchObject({ identity: 'auto', identityTimeoutMs: 1000, consent: 'in' });
    const lookUp = async () => 'ecid';
    expect(
      resolveOptions({ ...VALID, identity: lookUp, identityTimeout: 0, consent: 'pending' }),
    ).toMatchObject({ identity: lookUp, identityTimeoutMs: 0, consent: 'pending' });
    expect(resolveOptions({ ...VALID, identity: false, consent: 'out' })).toMatchObject({ identity: false });
    let error: unknown;
    try {
      resolveOptions({ ...VALID, identity: 'visitor', identityTimeout: 20_000, consent: 'granted' });
    } catch (e) {
      error = e;
    }
    expect((error as MediaCollectionOptionsError).problems).toEqual([
      expect.stringContaining('identity must be'),
      expect.stringContaining('identityTimeout must be'),
      expect.stringContaining('consent must be one of in, pending, out'),
    ]);
  });

  describe("api: 'edge'", () => {
    const EDGE_PARAMS = { 'media.id': 'movie', 'media.contentType': 'vod', 'media.channel': 'web' };

    it('needs only the datastream: the Edge origin defaults to Adobe’s, analytics.* are not asked for', () => {
      const resolved = resolveOptions({ api: 'edge', edge: { datastreamId: 'ds-1' }, params: EDGE_PARAMS });
      expect(resolved.endpoint).toBe(`https://${EDGE_DOMAIN}`);
      expect(resolved.edge).toEqual({ datastreamId: 'ds-1' });
    });

    it.each([
      ['a host name is https', 'edge.example.com', 'https://edge.example.com'],
      ['an http origin on localhost (the emulator)', 'http://127.0.0.1:8901/', 'http://127.0.0.1:8901'],
      ['an https origin', 'https://edge.example.com', 'https://edge.example.com'],
    ])('edge.domain: %s', (_name, domain, endpoint) => {
      const options = { api: 'edge', edge: { datastreamId: 'ds', domain }, params: EDGE_PARAMS };
      expect(resolveOptions(options).endpoint).toBe(endpoint);
    });

    it('one error naming every problem: datastream, domain, endpoint, params', () => {
      const problems = problemsOf({
        api: 'edge',
        endpoint: VALID.endpoint,
        edge: { domain: 'http://edge.example.com' },
        params: { 'media.id': 'movie' },
      });
      expect(problems).toEqual([
        expect.stringMatching(/^unknown option "endpoint"/),
        'missing edge.datastreamId (api "edge")',
        expect.stringMatching(/^edge\.domain must be a host name/),
        'params need media.contentType, media.channel (required on sessionStart).',
      ]);
    });

    it('names a bad api, and edge given without api "edge"', () => {
      expect(problemsOf({ ...VALID, api: 'aep' })).toEqual([
        expect.stringMatching(/^api must be 'mc' or 'edge'/),
      ]);
      expect(problemsOf({ ...VALID, edge: { datastreamId: 'ds' } })).toEqual([
        expect.stringMatching(/^unknown option "edge"/),
      ]);
      expect(problemsOf({ api: 'edge', params: EDGE_PARAMS })).toEqual([
        'missing edge.datastreamId (api "edge")',
      ]);
    });

    it('the Media Collection API still requires analytics.* and the org', () => {
      expect(problemsOf({ ...VALID, api: 'mc', params: EDGE_PARAMS })).toEqual([
        expect.stringContaining('params need analytics.trackingServer'),
      ]);
    });
  });
});
