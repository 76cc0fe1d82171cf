import { describe, expect, it } from 'vitest';
import type { ErrorDetail } from './error-codes';
import { resolveOptions } from './options';
import { createSessionParams } from './session-params';

const VALID = {
  'analytics.trackingServer': 'test.sc.omtrdc.net',
  'analytics.reportSuite': 'rsid',
  'visitor.marketingCloudOrgId': 'ORG@AdobeOrg',
  'media.id': 'movie',
  'media.contentType': 'vod',
  'media.channel': 'web',
};

const withParams = (params: unknown) => {
  const reports: ErrorDetail[] = [];
  const options = resolveOptions({ endpoint: 'https://collector.test', params });
  return { resolve: createSessionParams(options.params, (r) => reports.push(r)), reports };
};

describe('createSessionParams', () => {
  it("gives the site's function the source and its answer with the defaults, reporting nothing", () => {
    const { resolve, reports } = withParams(({ src }: { src: string }) => ({ ...VALID, 'media.id': src }));
    expect(resolve('a.mp4')).toEqual({ ...VALID, 'media.id': 'a.mp4', 'media.playerName': 'video.js' });
    expect(reports).toEqual([]);
  });

  it('a function that throws is reported as MC_PARAMS_FAILED, and the session goes on with the defaults', () => {
    const failure = new Error('playlist not ready');
    const { resolve, reports } = withParams(() => {
      throw failure;
    });
    expect(resolve('a.mp4')).toEqual({ 'media.playerName': 'video.js' });
    expect(reports).toEqual([{ code: 'MC_PARAMS_FAILED', error: failure }]);
  });

  it('params the collector would refuse are reported as MC_INVALID_PARAMS, naming each problem, and still sent', () => {
    const { resolve, reports } = withParams(() => ({ ...VALID, 'media.id': 7 }));
    expect(resolve('a.mp4')['media.id']).toBe(7);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.code).toBe('MC_INVALID_PARAMS');
    expect(reports[0]?.problems).toEqual([expect.stringContaining('media.id')]);
  });

  it('calls the function once per call: the caller decides when a session needs params', () => {
    let calls = 0;
    const { resolve } = withParams(() => {
      calls++;
      return VALID;
    });
    resolve('a.mp4');
    resolve('a.mp4');
    expect(calls).toBe(2);
  });
});
