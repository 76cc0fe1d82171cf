// Player B: a second player with its own tracker on the same page and collector, to show two sessions
// at once. No ads; its session ends (sessionEnd) when it is removed, as with any disposed player.
import videojs from 'video.js';
import type { MediaCollectionTracker, WithMediaCollection } from '../src/index';
import { absolute, demoParams, demoTarget } from './demo-options';

type Player = WithMediaCollection<ReturnType<typeof videojs>>;

export function createSecondPlayer(slot: HTMLElement): { tracker: MediaCollectionTracker; dispose(): void } {
  const heading = document.createElement('h2');
  heading.id = 'second-player-heading';
  heading.textContent = 'Player B';
  const video = document.createElement('video');
  video.className = 'video-js';
  video.setAttribute('playsinline', '');
  slot.replaceChildren(heading, video);
  const player = videojs(video, {
    muted: true,
    controls: true,
    width: 320,
    height: 180,
    preload: 'auto',
  }) as Player;
  const tracker = player.mediaCollection({ ...demoTarget(), params: demoParams('demo-second') });
  player.src({ src: absolute('/media/content.webm'), type: 'video/webm' });
  return {
    tracker,
    dispose() {
      player.dispose();
      slot.replaceChildren();
    },
  };
}
