import { closeAd, closeBreak, openBreak, startAd } from './ads';
import { closeChapter, openChapter } from './chapters';
import type { CoreConfig } from './config';
import { playIntent } from './content-signals';
import { patch, type Step } from './emit';
import { completeSession, startSession } from './session';
import type { AdSignal, PlayerSignal, Snapshot } from './signals';

/**
 * The ad signal types, as an object typed by the union: a signal added to `AdSignal` and not here is a
 * compile error, so none can be routed to the content handler by mistake.
 */
const AD_SIGNAL_TYPES: Record<AdSignal['type'], true> = {
  adBreakStart: true,
  adStart: true,
  adComplete: true,
  adSkip: true,
  adBreakComplete: true,
  contentEnded: true,
  chapterStart: true,
  chapterComplete: true,
  chapterSkip: true,
};

export const isAdSignal = (signal: PlayerSignal): signal is AdSignal => signal.type in AD_SIGNAL_TYPES;

/** Ad and chapter signals, whichever adapter (contrib-ads, IMA, manual calls) produced them. */
export function handleAd(
  config: CoreConfig,
  step: Step,
  signal: AdSignal,
  snap: Snapshot,
  now: number,
): Step {
  const { state } = step;
  switch (signal.type) {
    case 'adBreakStart': {
      const started = ensureSession(config, step, snap, now);
      return started.state.phase === 'active' ? openBreak(config, started, now, signal.name) : started;
    }
    case 'adStart': {
      const started = ensureSession(config, step, snap, now);
      return started.state.phase === 'active' ? startAd(config, started, now, signal.ad) : started;
    }
    case 'adComplete':
      return closeAd(step, now, 'adComplete');
    case 'adSkip':
      return closeAd(step, now, 'adSkip');
    case 'adBreakComplete': {
      const closed = closeBreak(config, step, now);
      // A post-roll ends with the content: sessionComplete after its break (docs/mapping.md#session).
      return state.adBreak && state.contentEnded ? completeSession(closed, snap, now) : closed;
    }
    case 'contentEnded':
      return state.phase === 'active' ? patch(step, { contentEnded: true }) : step;
    case 'chapterStart': {
      if (state.phase !== 'active' || state.adBreak) return step;
      const { chapter } = signal;
      return openChapter(closeChapter(step, now), now, {
        index: chapter.index ?? state.chapterCount + 1,
        offset: chapter.offset,
        length: chapter.length,
        name: chapter.name ?? '',
        auto: false,
        ...(chapter.customMetadata ? { customMetadata: chapter.customMetadata } : {}),
      });
    }
    case 'chapterComplete':
      return closeChapter(step, now, 'chapterComplete');
    case 'chapterSkip':
      return closeChapter(step, now, 'chapterSkip');
  }
}

/**
 * A break can reach us before the content's `play` (contrib-ads fires `adstart` first): it counts
 * as the play intent, and sessionStart still comes first (docs/mapping.md#session).
 */
function ensureSession(config: CoreConfig, step: Step, snap: Snapshot, now: number): Step {
  const { phase } = step.state;
  if (phase === 'active' || phase === 'closed') return step;
  const intent = phase === 'pending' ? step : playIntent(config, step, snap, now);
  // Still waiting for a duration: the break cannot wait, so media.length falls back to 86400.
  return intent.state.phase === 'pending'
    ? startSession(config, intent, snap, intent.state.intentAt, intent.state.resumeNext)
    : intent;
}
