// Reads IMA SDK objects (AdEvent, Ad, AdPodInfo) into the core's AdInfo. IMA objects can lack methods
// (older SDKs, other IMA-like wrappers) and none may throw into the player: every getter goes through
// `call` (src/adapters/guard.ts).
import type { AdInfo } from '../core/signals';
import { call } from './guard';

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
