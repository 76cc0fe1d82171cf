import videojs from 'video.js';
import type { PlayerLike } from './adapters/player';
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
  private readonly tracker: TrackerHandle;

  constructor(player: unknown, options?: unknown) {
    // Validate before registering anything, so bad options leave the player untouched.
    const resolved = resolveOptions(options);
    super(player);
    this.tracker = createTracker(player as PlayerLike, resolved);
  }

  get events$() {
    return this.tracker.events$;
  }

  get reports$() {
    return this.tracker.reports$;
  }

  get delivery$() {
    return this.tracker.delivery$;
  }

  flush(): Promise<FlushResult> {
    return this.tracker.flush();
  }

  adBreakStart(options?: { name?: string }): void {
    this.tracker.adBreakStart(options);
  }

  adStart(ad: AdInfo): void {
    this.tracker.adStart(ad);
  }

  adComplete(): void {
    this.tracker.adComplete();
  }

  adSkip(): void {
    this.tracker.adSkip();
  }

  adBreakComplete(): void {
    this.tracker.adBreakComplete();
  }

  chapterStart(chapter: ChapterInfo): void {
    this.tracker.chapterStart(chapter);
  }

  chapterComplete(): void {
    this.tracker.chapterComplete();
  }

  chapterSkip(): void {
    this.tracker.chapterSkip();
  }

  override dispose(): void {
    this.tracker.dispose();
    super.dispose();
  }
}
