import { describe, expect, it } from 'vitest';
import type { AdSignal } from './core/signals';
import { createManualApi, type ManualAdApi } from './manual-api';

function recorder() {
  const sent: AdSignal[] = [];
  return { sent, api: createManualApi((signal) => sent.push(signal)) };
}

/** The TypeError a call throws, as its list of problems; [] when it does not throw. */
function problemsOf(call: () => void): string[] {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as TypeError).message.replace(/^videojs-media-collection: \w+: /, '').split('; ');
  }
  return [];
}

const AD = { id: 'ad-1', length: 15 };
const CHAPTER = { offset: 0, length: 60 };

describe('manual calls: argument validation', () => {
  it('accepts every field the README lists', () => {
    const { api, sent } = recorder();
    const ad = {
      ...AD,
      podPosition: 2,
      name: 'Spring sale',
      advertiser: 'ACME',
      campaignId: 'c',
      creativeId: 'cr',
      siteId: 's',
      creativeURL: 'https://ads.example/cr.mp4',
      placementId: 'p',
      customMetadata: { campaign_tier: 'gold', 'x.y': '' },
    };
    api.adBreakStart({ name: 'sponsor' });
    api.adStart(ad);
    api.chapterStart({ ...CHAPTER, index: 3, name: 'Act 1', customMetadata: { act: '1' } });
    expect(sent).toEqual([
      { type: 'adBreakStart', name: 'sponsor' },
      { type: 'adStart', ad },
      {
        type: 'chapterStart',
        chapter: { ...CHAPTER, index: 3, name: 'Act 1', customMetadata: { act: '1' } },
      },
    ]);
  });

  const cases: [string, (api: ManualAdApi) => void, (string | RegExp)[]][] = [
    [
      'adStart without an argument',
      (api) => api.adStart(undefined as never),
      ['the argument must be an object'],
    ],
    ['adStart {}', (api) => api.adStart({} as never), [/^id is required/, /^length is required/]],
    ['empty id', (api) => api.adStart({ ...AD, id: '' }), ['id must be a non-empty string']],
    ['negative length', (api) => api.adStart({ ...AD, length: -1 }), [/^length must be seconds/]],
    [
      'podPosition 0',
      (api) => api.adStart({ ...AD, podPosition: 0 }),
      ['podPosition must be an integer ≥ 1'],
    ],
    ['a number name', (api) => api.adStart({ ...AD, name: 7 as never }), ['name must be a string']],
    ['a misspelt field', (api) => api.adStart({ ...AD, adId: 'x' } as never), [/^unknown field "adId"/]],
    [
      'customMetadata with a number and a bad key',
      (api) => api.adStart({ ...AD, customMetadata: { tier: 1 as never, 'a b': 'x' } }),
      [/customMetadata\["tier"\] must be a string/, /customMetadata\["a b"\]: keys may only use/],
    ],
    [
      'customMetadata with a reserved prefix',
      (api) => api.adStart({ ...AD, customMetadata: { 'media.ad.name': 'x' } }),
      [/must not start with "media\." or "a\."/],
    ],
    [
      'customMetadata not an object',
      (api) => api.adStart({ ...AD, customMetadata: 'x' as never }),
      [/flat JSON object/],
    ],
    [
      'chapterStart {}',
      (api) => api.chapterStart({} as never),
      [/^offset is required/, /^length is required/],
    ],
    [
      'chapter index 1.5',
      (api) => api.chapterStart({ ...CHAPTER, index: 1.5 }),
      ['index must be an integer ≥ 1'],
    ],
    [
      'chapter name',
      (api) => api.chapterStart({ ...CHAPTER, name: null as never }),
      ['name must be a string'],
    ],
    [
      'chapter customMetadata',
      (api) => api.chapterStart({ ...CHAPTER, customMetadata: { act: 1 as never } }),
      [/customMetadata\["act"\] must be a string/],
    ],
    ['adBreakStart name', (api) => api.adBreakStart({ name: 3 as never }), ['name must be a string']],
    [
      'adBreakStart unknown field',
      (api) => api.adBreakStart({ podIndex: 2 } as never),
      [/^unknown field "podIndex"/],
    ],
  ];
  it.each(cases)('%s: one TypeError naming each problem, nothing sent', (_name, call, expected) => {
    const { api, sent } = recorder();
    const found = problemsOf(() => call(api));
    expect(found).toEqual(expected.map((e) => (typeof e === 'string' ? e : expect.stringMatching(e))));
    expect(sent).toEqual([]);
  });

  it('names every problem of one call in one error', () => {
    const { api } = recorder();
    const found = problemsOf(() =>
      api.adStart({ id: 5, length: 'long', siteId: 1, customMetadata: { k: true } } as never),
    );
    expect(found).toEqual([
      'id must be a non-empty string',
      expect.stringMatching(/^length must be seconds/),
      'siteId must be a string',
      expect.stringMatching(/customMetadata\["k"\] must be a string/),
    ]);
  });

  it('contentComplete marks the content end for the core', () => {
    const { api, sent } = recorder();
    api.contentComplete();
    expect(sent).toEqual([{ type: 'contentEnded' }]);
  });
});
