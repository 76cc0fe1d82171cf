// Where Adobe's own documents disagree about the Media Edge API, the choice this project makes — one
// constant each, so changing a choice is a one-line change. docs/edge.md#where-adobes-documents-disagree
// lists the same conflicts with every source.

/**
 * `advertisingDetails.podPosition` of the first ad in a break. The OpenAPI document and the 2026
 * variable page call it zero-indexed
 * (https://experienceleague.adobe.com/en/docs/media-analytics/using/implementation/variables/ads/ad-in-pod-position),
 * but Adobe's worked Edge timeline numbers ads from 1
 * (https://developer.adobe.com/data-collection-apis/docs/getting-started/media-edge-examples), Adobe's own
 * Edge Media SDK refuses a position below 1
 * (https://github.com/adobe/aepsdk-edgemedia-android, MediaObject.java `AdInfo.create`), and the Media
 * Collection API counts from 1. We send what Adobe's Edge client sends: 1-based.
 */
export const POD_POSITION_BASE: 0 | 1 = 1;

/**
 * The full-screen player state name. The Edge endpoint page lists `fullscreen`
 * (https://developer.adobe.com/data-collection-apis/docs/endpoints/media/statesupdate), as does the XDM
 * "List of States" data type; the OpenAPI example, the Web SDK docs and Adobe's SDK constants write
 * `fullScreen`. Analytics context data lower-cases it anyway (`a.media.states.fullscreen.*`), and the
 * Media Collection side of this project sends `fullscreen`, so one name goes everywhere: `fullscreen`.
 */
export const FULLSCREEN_STATE: 'fullscreen' | 'fullScreen' = 'fullscreen';

/**
 * Ping interval inside an ad break, in seconds. The Edge ping page says every second during ads
 * (https://developer.adobe.com/data-collection-apis/docs/endpoints/media/ping); the worked examples
 * ping every 10 s, and the Web SDK defaults `adPingInterval` to 10 (allowed 1–10,
 * https://experienceleague.adobe.com/en/docs/experience-platform/collection/js/commands/configure/streamingmedia).
 * 1 s is inside every allowed range and matches the Media Collection side: ad time is counted to the second.
 */
export const AD_PING_INTERVAL_S = 1;

/**
 * Unit of `qoeDataDetails.timeToStart`. The OpenAPI document and the XDM page say seconds; the 2026
 * variable page says "pass milliseconds and Adobe converts at ingest", with a Media Edge API example
 * (https://experienceleague.adobe.com/en/docs/media-analytics/using/implementation/variables/quality/time-to-start).
 * Whole seconds would round most start-up times to 0 or 1, so: milliseconds, as on the Media Collection side.
 */
export const TIME_TO_START_UNIT: 'ms' | 's' = 'ms';

/**
 * Unit of `qoeDataDetails.bitrate`. The OpenAPI document, the XDM QoE data type and the 2026 variable page
 * (https://experienceleague.adobe.com/en/docs/media-analytics/using/implementation/variables/quality/bitrate)
 * all say kilobits per second; the Media Collection parameter table says bits per second. The core measures
 * bits per second; the Edge gets kbps, rounded.
 */
export const BITRATE_UNIT: 'kbps' | 'bps' = 'kbps';
