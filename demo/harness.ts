// E2E harness: one player, configured by query parameters, never autoplaying (tests start playback).
//   media=<file>        file in demo/public/media (default content.webm); vod/master.m3u8 plays HLS through VHS
//   live=<epoch ms>     play the local HLS live stream that began at that moment instead (demo/live-stream.ts)
//   slow=<query>        serve it through the stall middleware: /slow/<media>?<slow>
//                       e.g. slow=stallAfter%3D65536%26stallMs%3D8000 (measured: e2e/support/stall.ts)
//   collector=<url>     the collector emulator the page posts to (default: the dev server's standalone one,
//                       http://127.0.0.1:COLLECTOR_PORT; cross-origin on purpose). Each e2e test starts its
//                       own emulator and passes its URL here (e2e/support/fixtures.ts), so tests can run in
//                       parallel; demo/index.html reads the same parameter (demo/demo-options.ts)
//   endpoint=<url>      the plugin's endpoint only, when it must differ from `collector`
//   api=edge            deliver through the Media Edge API (docs/edge.md#choosing-the-edge): the emulator's
//                       Edge routes on the same server, `edge.domain` = the endpoint, datastream `e2e-datastream`
//   ping=<seconds>      mainPingInterval
//   chapters=1          add demo/public/media/chapters.vtt as a `chapters` track
//   noplugin=1          don't load the plugin at all (a baseline no state of src/ can break)
//   opts=<json>         merged over the default options; `params` merges key by key, a null value removes a key
//   ads=contrib         play demo/ad-schedule.ts through videojs-contrib-ads (demo/contrib-ads-integration.ts);
//                       ads=ima through the IMA stand-in; schedule=<json> overrides the schedule;
//                       adfault=timeout|error makes the ad stack time out or fail mid-ad; window.ads.skip() skips
//   players=2           a second player with its own tracker, same endpoint (window.player2 / window.tracker2),
//                       recorded like the first
//   alloy=<edge host>   install Adobe's Web SDK first (demo/alloy-standalone.ts), configured for that Edge host
//                       and the org in `org=`, so `identity: 'auto'` finds a real Web SDK
//   record=1            keep every mediacollection:event / :error in localStorage, one key each
//                       (`__mc:<kind>:<page>:<n>`, read by e2e/support/outbox.ts): written synchronously, it
//                       outlives a page that closes, reloads or goes offline; and a copy of each of the
//                       plugin's closing-journal entries (`__mc:journal:<page>:<session>`), whose provisional
//                       close stands for the page's record when a cut-short pagehide lost that record too
// Exposes window.player, window.tracker, window.videojs and window.__initError (and player2 / tracker2).
import 'video.js/dist/video-js.css';
import videojs from 'video.js';
import { type AdFault, type AdSchedule, DEMO_SCHEDULE } from './ad-schedule';
import { installAlloy } from './alloy-standalone';
import { installContribAds } from './contrib-ads-integration';
import { absolute, COLLECTOR, demoParams, mediaType } from './demo-options';
import { installImaStandIn } from './ima-standin';

type Options = Record<string, unknown> & { params?: Record<string, unknown> };

/** Any id does for the emulator, which only requires one (as the Edge does). */
const EDGE_DATASTREAM = 'e2e-datastream';

const query = new URLSearchParams(location.search);
const media = query.get('media') ?? 'content.webm';
const slow = query.get('slow');

function pluginOptions(): Options {
  const endpoint = query.get('endpoint') ?? COLLECTOR;
  const defaults: Options =
    query.get('api') === 'edge'
      ? { api: 'edge', edge: { datastreamId: EDGE_DATASTREAM, domain: endpoint }, params: demoParams(media) }
      : { endpoint, params: demoParams(media) };
  const ping = query.get('ping');
  if (ping !== null) defaults.mainPingInterval = Number(ping);
  const extra = JSON.parse(query.get('opts') ?? '{}') as Options;
  const params: Record<string, unknown> = { ...defaults.params, ...extra.params };
  for (const [key, value] of Object.entries(params)) if (value === null) delete params[key];
  return { ...defaults, ...extra, params };
}

// Loaded only when wanted, before the player exists: noplugin=1 pages are a baseline that no state of
// src/ can break, and a plugin that fails to load is reported like one that fails to init.
async function loadPlugin(): Promise<boolean> {
  if (query.get('noplugin') === '1') return false;
  try {
    await import('../src/index');
    return true;
  } catch (error) {
    window.__initError = `loading the plugin failed: ${error instanceof Error ? error.message : String(error)}`;
    return false;
  }
}

const pluginLoaded = await loadPlugin();
window.videojs = videojs;
const player = videojs('harness-video', {
  muted: true,
  controls: true,
  width: 320,
  height: 180,
  preload: 'auto',
});
window.player = player;

// An ad stack, like the plugin, must be set up in the same tick as videojs(): contrib-ads has to be the
// first to see the player's events, and the plugin must see what contrib-ads redispatches.
const adStack = query.get('ads');
if (adStack === 'contrib') {
  const schedule = query.has('schedule')
    ? (JSON.parse(query.get('schedule') as string) as AdSchedule)
    : DEMO_SCHEDULE;
  window.ads = installContribAds(player, schedule, (query.get('adfault') as AdFault | null) ?? 'none');
} else if (adStack === 'ima') {
  const schedule = query.has('schedule')
    ? (JSON.parse(query.get('schedule') as string) as AdSchedule)
    : DEMO_SCHEDULE;
  window.ads = installImaStandIn(player, schedule, (query.get('adfault') as AdFault | null) ?? 'none');
}

const edgeHost = query.get('alloy');
if (edgeHost) installAlloy(edgeHost, query.get('org') ?? '');

/**
 * Copies every write of the plugin's closing journal (docs/outbox.md#the-provisional-close) under the
 * harness's own key. A closing Firefox tab may cut its pagehide short before the harness's record of the
 * sessionEnd is written, while the provisional close written at hidden reaches the collector: the copy
 * lets e2e/support/outbox.ts count that close as produced — only when the page's record has no end.
 */
let mirrored = false;
function mirrorJournal(pageId: string): void {
  if (mirrored) return;
  mirrored = true;
  const prefix = 'videojs-media-collection:closing:';
  const { setItem, removeItem } = Storage.prototype;
  const copy = (key: string) => `__mc:journal:${pageId}:${key.slice(prefix.length)}`;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    setItem.call(this, key, value);
    if (this === localStorage && key.startsWith(prefix)) setItem.call(this, copy(key), value);
  };
  Storage.prototype.removeItem = function (this: Storage, key: string) {
    removeItem.call(this, key);
    if (this === localStorage && key.startsWith(prefix)) removeItem.call(this, copy(key));
  };
}

// Same tick as videojs(), as a real integration would; a throw must not take the page down.
function track(target: ReturnType<typeof videojs>): unknown {
  const init = (target as unknown as { mediaCollection(o: Options): unknown }).mediaCollection;
  const tracker = init.call(target, pluginOptions());
  if (query.get('record') === '1') {
    const pageId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    let n = 0;
    const keep = (kind: string) => (_e: unknown, data: unknown) =>
      localStorage.setItem(`__mc:${kind}:${pageId}:${String(n++).padStart(6, '0')}`, JSON.stringify(data));
    const heard = new WeakSet<object>();
    target.on('mediacollection:event', (e: unknown, out: object) => {
      heard.add(out);
      keep('event')(e, out);
    });
    target.on('mediacollection:error', keep('error'));
    mirrorJournal(pageId);
    // A player being disposed triggers nothing more, so its sessionEnd is heard on the tracker's
    // events$ (which emits each event just before the player event): kept if no player event came.
    const events$ = (tracker as { events$: { subscribe(next: (out: object) => void): unknown } }).events$;
    events$.subscribe((out) => {
      queueMicrotask(() => {
        if (!heard.has(out)) keep('event')(undefined, out);
      });
    });
  }
  return tracker;
}
if (pluginLoaded) {
  try {
    window.tracker = track(player);
  } catch (error) {
    window.__initError = error instanceof Error ? error.message : String(error);
  }
}

if (query.get('players') === '2') {
  const video = document.createElement('video');
  video.className = 'video-js';
  video.setAttribute('playsinline', '');
  document.body.append(video);
  const second = videojs(video, { muted: true, controls: true, width: 320, height: 180, preload: 'auto' });
  window.player2 = second;
  if (pluginLoaded) window.tracker2 = track(second);
  second.src({ src: absolute(`/media/${media}`), type: mediaType(media) });
}

// src() after construction: video.js 8.24 with `sources` in the options sometimes never starts playing.
const liveEpoch = query.get('live');
player.src(
  liveEpoch
    ? { src: absolute(`/live/${liveEpoch}/index.m3u8`), type: 'application/x-mpegURL' }
    : { src: absolute(slow ? `/slow/${media}?${slow}` : `/media/${media}`), type: mediaType(media) },
);
if (query.get('chapters') === '1') {
  // manualCleanup: video.js drops auto-cleaned remote tracks on every source change, ads included.
  player.addRemoteTextTrack(
    { kind: 'chapters', src: absolute('/media/chapters.vtt'), srclang: 'en', default: true },
    true,
  );
}
