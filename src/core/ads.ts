import type { McParams } from '../mc/types';
import { closeChapter, reachedEnd } from './chapters';
import type { CoreConfig } from './config';
import { emit, patch, type Step } from './emit';
import { estimatedPosition } from './playback';
import type { AdInfo } from './signals';

/** adStart params beyond the required ones, in Adobe's spelling (docs/adobe-api.md#ads). */
const AD_FIELDS = [
  ['name', 'media.ad.name'],
  ['advertiser', 'media.ad.advertiser'],
  ['campaignId', 'media.ad.campaignId'],
  ['creativeId', 'media.ad.creativeId'],
  ['siteId', 'media.ad.siteId'],
  ['creativeURL', 'media.ad.creativeURL'],
  ['placementId', 'media.ad.placementId'],
] as const;

/** The next point of the content ping grid, which breaks interrupt but never move (docs/mapping.md#pings). */
export function nextContentPing(config: CoreConfig, startedAt: number, now: number): number {
  const intervals = Math.floor((now - startedAt) / config.mainPingMs) + 1;
  return startedAt + intervals * config.mainPingMs;
}

/**
 * adBreakStart at the content position the break interrupts. A chapter that ends where the break
 * begins is completed first (timeline 3); a break already open is not opened twice, so two sources
 * announcing the same break (IMA and contrib-ads) make one.
 */
export function openBreak(config: CoreConfig, step: Step, now: number, name?: string): Step {
  const { state } = step;
  if (state.adBreak) return step;
  // Where content is now: the last sample moved on by the time since, when it was playing.
  const podSecond =
    state.playback === 'playing' && !state.resuming ? estimatedPosition(step, now) : state.playhead;
  const atChapterEnd = state.chapter && reachedEnd(state.chapter, podSecond);
  const before = atChapterEnd ? closeChapter(step, now, 'chapterComplete') : step;
  const podIndex = state.breakCount + 1;
  const friendly = name ?? (state.contentEnded ? 'postroll' : state.contentStarted ? 'midroll' : 'preroll');
  const opened = emit(before, 'adBreakStart', podSecond, now, {
    params: {
      'media.ad.podIndex': podIndex,
      'media.ad.podSecond': podSecond,
      'media.ad.podFriendlyName': friendly,
    },
  });
  return patch(opened, {
    playhead: podSecond,
    adBreak: {
      podIndex,
      podSecond,
      name: friendly,
      ads: 0,
      ad: undefined,
      wasPlaying: state.playback === 'playing',
      paused: false,
    },
    breakCount: podIndex,
    // docs/mapping.md#pings: every adPingInterval inside a break (timelines: the first 1 s in).
    nextPingAt: opened.state.lastTs + config.adPingMs,
    stallSince: undefined,
    resuming: false,
  });
}

/** adStart; an ad outside a break opens one, an ad still open is completed first. */
export function startAd(config: CoreConfig, step: Step, now: number, ad: AdInfo): Step {
  const inBreak = step.state.adBreak ? step : openBreak(config, step, now);
  const closed = closeAd(inBreak, now, 'adComplete');
  const open = closed.state.adBreak;
  if (!open) return closed;
  const podPosition = ad.podPosition ?? open.ads + 1;
  const params: McParams = {
    'media.ad.id': ad.id,
    'media.ad.length': Number.isFinite(ad.length) && ad.length > 0 ? ad.length : 0,
    'media.ad.podPosition': podPosition,
    'media.ad.playerName': step.state.playerName,
  };
  for (const [key, param] of AD_FIELDS) {
    const value = ad[key];
    if (typeof value === 'string' && value !== '') params[param] = value;
  }
  const started = emit(closed, 'adStart', open.podSecond, now, {
    params,
    ...(ad.customMetadata ? { customMetadata: ad.customMetadata } : {}),
  });
  return patch(started, { adBreak: { ...open, ads: Math.max(open.ads, podPosition), ad } });
}

/** adComplete or adSkip for the ad now playing, if any. */
export function closeAd(step: Step, now: number, type: 'adComplete' | 'adSkip'): Step {
  const open = step.state.adBreak;
  if (!open?.ad) return step;
  return patch(emit(step, type, open.podSecond, now), { adBreak: { ...open, ad: undefined, paused: false } });
}

/**
 * adBreakComplete (closing the ad first). Pings go back to the content grid. After a mid-roll that
 * interrupted playing content no `play` follows (timelines 1 and 3); the content's reload is not a stall.
 */
export function closeBreak(config: CoreConfig, step: Step, now: number): Step {
  const open = step.state.adBreak;
  if (!open) return step;
  const closed = emit(closeAd(step, now, 'adComplete'), 'adBreakComplete', open.podSecond, now);
  return patch(closed, {
    adBreak: undefined,
    nextPingAt: nextContentPing(config, closed.state.sessionStartedAt, closed.state.lastTs),
    ...(open.wasPlaying ? { playback: 'playing', resuming: true, lastAdvanceAt: now, sampleAt: now } : {}),
  });
}
