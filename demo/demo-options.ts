// Fake sessionStart params shared by the demo page and the e2e harness (required keys:
// docs/adobe-api.md#parameter-types). The values only have to be well-formed: the emulator never forwards
// anything to Adobe.
declare const __COLLECTOR__: string;

/**
 * Where the pages post: the page's `collector` query parameter when it has one (each e2e test runs an
 * emulator of its own and passes its URL this way), otherwise the emulator the dev server runs
 * standalone (demo/vite.config.ts; COLLECTOR_PORT, default 8787).
 */
export const COLLECTOR =
  (typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('collector')) ??
  (typeof __COLLECTOR__ === 'string' ? __COLLECTOR__ : 'http://127.0.0.1:8787');

/** The page's `api` query parameter: `edge` delivers through the Media Edge API (docs/edge.md). */
export const DEMO_API: 'mc' | 'edge' =
  typeof location !== 'undefined' && new URLSearchParams(location.search).get('api') === 'edge'
    ? 'edge'
    : 'mc';

/**
 * Where a demo tracker sends: the emulator either way; with the Edge its Edge routes on the same server (any
 * datastream id does for the emulator), so the panel shows the same sessions.
 */
export function demoTarget(): Record<string, unknown> {
  return DEMO_API === 'edge'
    ? { api: 'edge', edge: { datastreamId: 'demo-datastream', domain: COLLECTOR } }
    : { endpoint: COLLECTOR };
}

export function demoParams(mediaId: string): Record<string, string> {
  return {
    'analytics.trackingServer': 'demo.sc.omtrdc.net',
    'analytics.reportSuite': 'demo-rsid',
    'visitor.marketingCloudOrgId': 'DEMO123@AdobeOrg',
    'media.id': mediaId,
    'media.name': mediaId,
    'media.contentType': 'vod',
    'media.playerName': 'video.js',
    'media.channel': 'demo',
  };
}

/** Absolute URL of a served file: relative sources make contrib-ads fire a spurious `contentchanged`. */
export const absolute = (path: string): string => new URL(path, location.href).href;

const TYPES: Record<string, string> = { mp4: 'video/mp4', m3u8: 'application/x-mpegURL' };

/** The source type video.js needs: an HLS playlist goes to VHS, a file to the element itself. */
export const mediaType = (file: string): string => TYPES[file.split('.').pop() ?? ''] ?? 'video/webm';
