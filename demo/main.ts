// Demo page: the plugin reports to the emulator on another origin (127.0.0.1:8787, not the page's :5173),
// so CORS and the Location header are exercised exactly as with Adobe's collector.
import 'video.js/dist/video-js.css';
import videojs from 'video.js';
import '../src/index';
import { startCollectorPanel } from './collector-panel';
import { absolute, COLLECTOR, demoParams } from './demo-options';

const player = videojs('player', { muted: true, fluid: false });

// In the same tick as videojs(): the plugin must see the player's first events.
try {
  const init = (player as unknown as { mediaCollection(o: unknown): unknown }).mediaCollection;
  init.call(player, {
    endpoint: COLLECTOR,
    params: demoParams('demo-content'),
    customMetadata: { page: 'demo' },
  });
} catch (error) {
  const box = document.getElementById('init-error')!;
  box.textContent = `mediaCollection() failed: ${error instanceof Error ? error.message : String(error)}`;
  box.hidden = false;
}

// src() after construction (video.js 8.24 with `sources` in the options sometimes never plays).
player.src({ src: absolute('/media/content.webm'), type: 'video/webm' });
player.addRemoteTextTrack({ kind: 'chapters', src: absolute('/media/chapters.vtt'), srclang: 'en' }, false);

startCollectorPanel(COLLECTOR);
