import type { AdInfo, AdSignal, ChapterInfo } from './core/signals';

/**
 * The calls a site makes for server-side ad insertion and custom ad stacks (docs/mapping.md#manual-calls).
 */
export interface ManualAdApi {
  adBreakStart(options?: { name?: string }): void;
  adStart(ad: AdInfo): void;
  adComplete(): void;
  adSkip(): void;
  adBreakComplete(): void;
  chapterStart(chapter: ChapterInfo): void;
  chapterComplete(): void;
  chapterSkip(): void;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function check(call: string, problems: string[]): void {
  if (problems.length > 0) throw new TypeError(`videojs-media-collection: ${call}: ${problems.join('; ')}`);
}

/** The manual calls as signals into the core; bad arguments throw at the call, naming every problem. */
export function createManualApi(send: (signal: AdSignal) => void): ManualAdApi {
  return {
    adBreakStart: (options = {}) =>
      send({ type: 'adBreakStart', ...(options.name ? { name: options.name } : {}) }),
    adStart(ad) {
      check('adStart', [
        ...(typeof ad?.id === 'string' && ad.id !== '' ? [] : ['id must be a non-empty string']),
        ...(isNumber(ad?.length) ? [] : ['length must be the ad duration in seconds']),
        ...(ad?.podPosition === undefined || (Number.isInteger(ad.podPosition) && ad.podPosition >= 1)
          ? []
          : ['podPosition must be an integer ≥ 1']),
      ]);
      send({ type: 'adStart', ad });
    },
    adComplete: () => send({ type: 'adComplete' }),
    adSkip: () => send({ type: 'adSkip' }),
    adBreakComplete: () => send({ type: 'adBreakComplete' }),
    chapterStart(chapter) {
      check('chapterStart', [
        ...(isNumber(chapter?.offset) ? [] : ['offset must be the chapter start in seconds']),
        ...(isNumber(chapter?.length) ? [] : ['length must be the chapter duration in seconds']),
        ...(chapter?.index === undefined || (Number.isInteger(chapter.index) && chapter.index >= 1)
          ? []
          : ['index must be an integer ≥ 1']),
      ]);
      send({ type: 'chapterStart', chapter });
    },
    chapterComplete: () => send({ type: 'chapterComplete' }),
    chapterSkip: () => send({ type: 'chapterSkip' }),
  };
}
