// Demo page: player A with the demo ad schedule and chapters, reporting to the emulator on another origin
// (127.0.0.1:8787, not the page's :5173, so CORS and the Location header are exercised as with Adobe),
// and the live panel beside it. `?ads=manual` plays the ads through the tracker's manual calls instead
// of videojs-contrib-ads.
import 'video.js/dist/video-js.css';
import videojs from 'video.js';
import '../src/index';
import type { MediaCollectionTracker, WithMediaCollection } from '../src/index';
import { DEMO_SCHEDULE } from './ad-schedule';
import { installContribAds } from './contrib-ads-integration';
import { absolute, COLLECTOR, DEMO_API, demoParams, demoTarget } from './demo-options';
import { installManualAds } from './manual-ads';
import { startPanel } from './panel/panel';
import { createSecondPlayer } from './second-player';

const adPath = new URLSearchParams(location.search).get('ads') === 'manual' ? 'manual' : 'contrib';
const content = absolute('/media/content.webm');

const player = videojs('player', { muted: true, fluid: false }) as WithMediaCollection<
  ReturnType<typeof videojs>
>;
player.el().setAttribute('aria-label', 'Video player A');
// contrib-ads first, in the same tick as videojs(): it must see the player's events before anyone.
if (adPath === 'contrib') installContribAds(player, DEMO_SCHEDULE);

let second: ReturnType<typeof createSecondPlayer> | undefined;
const panel = startPanel({
  collector: COLLECTOR,
  secondPlayer: {
    add() {
      second ??= createSecondPlayer(document.getElementById('second-player-slot')!);
      panel.watch('B', second.tracker);
    },
    remove() {
      second?.dispose();
      second = undefined;
    },
  },
});

// In the same tick as videojs(): the plugin must see the player's first events.
let tracker: MediaCollectionTracker | undefined;
try {
  tracker = player.mediaCollection({
    ...demoTarget(),
    params: demoParams('demo-content'),
    customMetadata: { page: 'demo' },
  });
  panel.watch('A', tracker);
  if (adPath === 'manual') installManualAds(player, DEMO_SCHEDULE, tracker, content);
} catch (error) {
  const box = document.getElementById('init-error')!;
  box.textContent = `mediaCollection() failed: ${error instanceof Error ? error.message : String(error)}`;
  box.hidden = false;
}

// src() after construction (video.js 8.24 with `sources` in the options sometimes never plays).
player.src({ src: content, type: 'video/webm' });
// manualCleanup: video.js drops auto-cleaned remote tracks at every source change, ads included.
player.addRemoteTextTrack({ kind: 'chapters', src: absolute('/media/chapters.vtt'), srclang: 'en' }, true);

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="ad-path"]')) {
  radio.checked = radio.value === adPath;
}
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="api"]')) {
  radio.checked = radio.value === DEMO_API;
}
document.getElementById('ad-path-note')!.textContent =
  adPath === 'manual'
    ? 'Ads: a pre-roll of two and a mid-roll, told to the tracker with its manual calls (no post-roll on this path).'
    : 'Ads: a pre-roll of two, a mid-roll at 9.5 s and a post-roll, through videojs-contrib-ads.';
