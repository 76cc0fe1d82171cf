import videojs from 'video.js';
import type { PlayerLike } from './adapters/player';
import type { Consent } from './consent/gate';
import type { AdInfo, ChapterInfo } from './core/signals';
import type { FlushResult } from './delivery/sender';
import { resolveOptions } from './options';
import { createTracker, type MediaCollectionTracker, type TrackerHandle } from './tracker';

type PluginBase = new (player: unknown) => { dispose(): void };
const Plugin = videojs.getPlugin('plugin') as unknown as PluginBase;

/**
 * The advanced plugin: the instance is the tracker, `player.mediaCollection()` returns it later,
 * and video.js disposes it with the player.
 */
export class MediaCollectionPlugin extends Plugin implements MediaCollectionTracker {
  // The tracker's own members, copied onto the instance in the constructor (no forwarding code).
  declare readonly events$: MediaCollectionTracker['events$'];
  declare readonly reports$: MediaCollectionTracker['reports$'];
  declare readonly delivery$: MediaCollectionTracker['delivery$'];
  declare flush: () => Promise<FlushResult>;
  declare setConsent: (consent: Consent) => void;
  declare adBreakStart: (options?: { name?: string }) => void;
  declare adStart: (ad: AdInfo) => void;
  declare adComplete: () => void;
  declare adSkip: () => void;
  declare adBreakComplete: () => void;
  declare contentComplete: () => void;
  declare chapterStart: (chapter: ChapterInfo) => void;
  declare chapterComplete: () => void;
  declare chapterSkip: () => void;
  private readonly tracker: TrackerHandle;

  constructor(player: unknown, options?: unknown) {
    // Validate before registering anything, so bad options leave the player untouched.
    const resolved = resolveOptions(options);
    super(player);
    this.tracker = createTracker(player as PlayerLike, resolved);
    const { dispose: _, ...tracker } = this.tracker;
    Object.assign(this, tracker);
  }

  override dispose(): void {
    this.tracker.dispose();
    super.dispose();
  }
}
