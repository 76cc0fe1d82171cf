import { describe, expect, it, vi } from 'vitest';
import { lookUpIdentity } from './resolve';

const ORG = 'ORG@AdobeOrg';

/** A stand-in with the Visitor API's documented methods: getInstance(org) → getMarketingCloudVisitorID(cb). */
function visitorApi(answer: (callback: (id: string) => void) => unknown) {
  const getMarketingCloudVisitorID = vi.fn(answer);
  const getInstance = vi.fn(() => ({ getMarketingCloudVisitorID }));
  return { Visitor: { getInstance }, getInstance, getMarketingCloudVisitorID };
}

const settle = (found: Promise<string | undefined> | undefined) =>
  found?.then(
    (id) => ({ id }),
    (error: unknown) => ({ error }),
  );

describe('lookUpIdentity', () => {
  it('asks the Visitor API for the org in the params, and takes its callback answer', async () => {
    const api = visitorApi((callback) => setTimeout(() => callback('ecid-1'), 5));
    expect(await lookUpIdentity('auto', ORG, { Visitor: api.Visitor })).toBe('ecid-1');
    expect(api.getInstance).toHaveBeenCalledWith(ORG);
    expect(api.getMarketingCloudVisitorID).toHaveBeenCalledWith(expect.any(Function), true);
  });

  it('takes the synchronous answer of a Visitor API that never calls back', async () => {
    const api = visitorApi(() => 'ecid-now');
    expect(await lookUpIdentity('auto', ORG, { Visitor: api.Visitor })).toBe('ecid-now');
  });

  it('an empty answer is no ECID, not an error', async () => {
    const api = visitorApi((callback) => {
      callback('');
      return '';
    });
    expect(await settle(lookUpIdentity('auto', ORG, { Visitor: api.Visitor }))).toEqual({ id: undefined });
  });

  it('prefers the Visitor API over the Web SDK', async () => {
    const alloy = vi.fn();
    const api = visitorApi((callback) => callback('from-visitor'));
    expect(await lookUpIdentity('auto', ORG, { Visitor: api.Visitor, alloy })).toBe('from-visitor');
    expect(alloy).not.toHaveBeenCalled();
  });

  it('asks the Web SDK for the ECID namespace, under the name its base code listed', async () => {
    const web = vi.fn(async () => ({ identity: { ECID: 'ecid-web' }, edge: { regionId: 9 } }));
    expect(await lookUpIdentity('auto', ORG, { __alloyNS: ['web'], web })).toBe('ecid-web');
    expect(web).toHaveBeenCalledWith('getIdentity', { namespaces: ['ECID'] });
    const alloy = vi.fn(async () => ({ identity: { ECID: 'ecid-default' } }));
    expect(await lookUpIdentity('auto', ORG, { alloy })).toBe('ecid-default');
  });

  it('has nothing to ask on a page without either API, or when turned off', () => {
    expect(lookUpIdentity('auto', ORG, {})).toBeUndefined();
    expect(lookUpIdentity('auto', ORG, { Visitor: {}, alloy: 'not a function' })).toBeUndefined();
    const api = visitorApi((callback) => callback('x'));
    expect(lookUpIdentity(false, ORG, { Visitor: api.Visitor })).toBeUndefined();
    expect(api.getInstance).not.toHaveBeenCalled();
  });

  it("uses the site's function, sync or async, instead of the page's APIs", async () => {
    const api = visitorApi((callback) => callback('from-visitor'));
    expect(await lookUpIdentity(async () => 'mine', ORG, { Visitor: api.Visitor })).toBe('mine');
    expect(await lookUpIdentity(() => 'sync', ORG, {})).toBe('sync');
    expect(api.getInstance).not.toHaveBeenCalled();
  });

  it.each([
    [
      'getInstance throws',
      {
        Visitor: {
          getInstance: () => {
            throw new Error('boom');
          },
        },
      },
    ],
    ['the instance lacks getMarketingCloudVisitorID', { Visitor: { getInstance: () => ({}) } }],
    ['getInstance returns nothing', { Visitor: { getInstance: () => undefined } }],
    ['alloy rejects', { alloy: () => Promise.reject('no consent') }],
    [
      'alloy throws',
      {
        alloy: () => {
          throw new TypeError('bad');
        },
      },
    ],
    [
      'a global getter throws',
      Object.defineProperty({}, 'Visitor', {
        get() {
          throw new Error('getter');
        },
      }),
    ],
  ])('rejects with an Error, never throws, when %s', async (_, page) => {
    const outcome = await settle(lookUpIdentity('auto', ORG, page as Record<string, unknown>));
    expect(outcome).toEqual({ error: expect.any(Error) });
  });

  it('rejects with an Error when the function throws or rejects', async () => {
    expect(
      await settle(
        lookUpIdentity(
          () => {
            throw new Error('x');
          },
          ORG,
          {},
        ),
      ),
    ).toEqual({ error: expect.any(Error) });
    expect(await settle(lookUpIdentity(() => Promise.reject(42), ORG, {}))).toEqual({
      error: new Error('42'),
    });
  });

  it('resolves with no ECID when alloy answers without one', async () => {
    expect(await settle(lookUpIdentity('auto', ORG, { alloy: async () => undefined }))).toEqual({
      id: undefined,
    });
    expect(await settle(lookUpIdentity('auto', ORG, { alloy: async () => ({ identity: {} }) }))).toEqual({
      id: undefined,
    });
  });
});
