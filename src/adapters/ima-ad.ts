// Reads IMA SDK objects (AdEvent, Ad, AdPodInfo) into the core's AdInfo. IMA objects can lack methods
// (older SDKs, other IMA-like wrappers) and none may throw into the player (docs/contributing.md#code-style):
// every getter is guarded.
import type { AdInfo } from '../core/signals';

/** Calls a getter of an IMA object if it has one; IMA objects can lack methods, and none may throw at us. */
export function call(target: unknown, method: string): unknown {
  try {
    const fn = (target as Record<string, unknown> | null | undefined)?.[method];
    return typeof fn === 'function' ? fn.call(target) : undefined;
  } catch {
    return undefined;
  }
}
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * MC API adStart params from `event.getAd()` (docs/adobe-api.md#ads); the ad's media URL is the id when IMA
 * has none.
 */
export function adInfoOf(event: unknown): AdInfo {
  const ad = call(event, 'getAd');
  const position = count(call(call(ad, 'getAdPodInfo'), 'getAdPosition'));
  const name = text(call(ad, 'getTitle'));
  const advertiser = text(call(ad, 'getAdvertiserName'));
  const creativeId = text(call(ad, 'getCreativeId'));
  return {
    id: text(call(ad, 'getAdId')) ?? creativeId ?? text(call(ad, 'getMediaUrl')) ?? 'unknown',
    length: count(call(ad, 'getDuration')) ?? 0,
    // IMA's getAdPosition() is already 1-based, as media.ad.podPosition is.
    ...(position !== undefined && position >= 1 ? { podPosition: Math.round(position) } : {}),
    ...(name ? { name } : {}),
    ...(advertiser ? { advertiser } : {}),
    ...(creativeId ? { creativeId } : {}),
  };
}
