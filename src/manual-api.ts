import type { AdInfo, AdSignal, ChapterInfo } from './core/signals';
import { isPlainObject } from './mc/json-types';
import type { McEventType } from './mc/types';
import { customMetadataProblems } from './mc/validate-metadata';

/**
 * The calls a site makes for server-side ad insertion and custom ad stacks (docs/mapping.md#manual-calls).
 */
export interface ManualAdApi {
  adBreakStart(options?: { name?: string }): void;
  adStart(ad: AdInfo): void;
  adComplete(): void;
  adSkip(): void;
  adBreakComplete(): void;
  /**
   * The main content has ended: a post-roll that starts next comes before `sessionComplete`, which
   * follows its `adBreakComplete` (docs/mapping.md#manual-calls).
   */
  contentComplete(): void;
  chapterStart(chapter: ChapterInfo): void;
  chapterComplete(): void;
  chapterSkip(): void;
}

/** A field's test and what it must be, as the error says it. */
type Rule = readonly [(value: unknown) => boolean, string];

const text: Rule = [(v) => typeof v === 'string', 'a string'];
const seconds: Rule = [
  (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  'seconds (a number ≥ 0)',
];
const position: Rule = [(v) => Number.isInteger(v) && (v as number) >= 1, 'an integer ≥ 1'];
const metadata: Rule = [() => true, ''];

// Every field the README lists for each call; `required` ones first.
const AD: Record<string, Rule> = {
  id: [(v) => typeof v === 'string' && v !== '', 'a non-empty string'],
  length: seconds,
  podPosition: position,
  ...Object.fromEntries(
    ['name', 'advertiser', 'campaignId', 'creativeId', 'siteId', 'creativeURL', 'placementId'].map((k) => [
      k,
      text,
    ]),
  ),
  customMetadata: metadata,
};
const CHAPTER: Record<string, Rule> = {
  offset: seconds,
  length: seconds,
  index: position,
  name: text,
  customMetadata: metadata,
};
const BREAK: Record<string, Rule> = { name: text };

/** Every problem of one call's argument: missing required fields, wrong types, unknown fields. */
function problems(
  event: McEventType,
  arg: unknown,
  rules: Record<string, Rule>,
  required: readonly string[],
): string[] {
  if (!isPlainObject(arg)) return ['the argument must be an object'];
  const found = required
    .filter((key) => arg[key] === undefined)
    .map((key) => `${key} is required (${rules[key]?.[1]})`);
  for (const [key, value] of Object.entries(arg)) {
    const rule = rules[key];
    if (!rule) found.push(`unknown field "${key}" (known: ${Object.keys(rules).join(', ')})`);
    else if (key === 'customMetadata') found.push(...customMetadataProblems(event, value));
    else if (value !== undefined && !rule[0](value)) found.push(`${key} must be ${rule[1]}`);
  }
  return found;
}

function check(event: McEventType, found: string[]): void {
  if (found.length > 0) throw new TypeError(`videojs-media-collection: ${event}: ${found.join('; ')}`);
}

/** The manual calls as signals into the core; bad arguments throw at the call, naming every problem. */
export function createManualApi(send: (signal: AdSignal) => void): ManualAdApi {
  return {
    adBreakStart(options = {}) {
      check('adBreakStart', problems('adBreakStart', options, BREAK, []));
      send({ type: 'adBreakStart', ...(options.name ? { name: options.name } : {}) });
    },
    adStart(ad) {
      check('adStart', problems('adStart', ad, AD, ['id', 'length']));
      send({ type: 'adStart', ad });
    },
    adComplete: () => send({ type: 'adComplete' }),
    adSkip: () => send({ type: 'adSkip' }),
    adBreakComplete: () => send({ type: 'adBreakComplete' }),
    contentComplete: () => send({ type: 'contentEnded' }),
    chapterStart(chapter) {
      check('chapterStart', problems('chapterStart', chapter, CHAPTER, ['offset', 'length']));
      send({ type: 'chapterStart', chapter });
    },
    chapterComplete: () => send({ type: 'chapterComplete' }),
    chapterSkip: () => send({ type: 'chapterSkip' }),
  };
}
