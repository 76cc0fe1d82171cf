// Entry: registers the `mediaCollection` plugin on video.js — the package's only side effect.
import videojs from 'video.js';
import { MediaCollectionPlugin } from './plugin';

export const VERSION = '0.1.0';
export const PLUGIN_NAME = 'mediaCollection';

// Guarded: a second copy of the bundle on the page must not throw or replace the first.
if (!videojs.getPlugin(PLUGIN_NAME)) {
  videojs.registerPlugin(PLUGIN_NAME, MediaCollectionPlugin as never);
}

export type { PlayerLike } from './adapters/player';
export type { Consent } from './consent/gate';
export type { AdInfo, ChapterInfo } from './core/signals';
export type { DeliveryState, LastAnswer } from './delivery/delivery-state';
export type { DeliveryReport } from './delivery/reports';
export type { FlushResult } from './delivery/sender';
export type { IdentityReport } from './identity/hold';
export type { IdentityOption } from './identity/resolve';
export type { ManualAdApi } from './manual-api';
export type { CustomMetadata, McEvent, McEventType, McParams, Outgoing, QoeData } from './mc/types';
export { type MediaCollectionOptions, MediaCollectionOptionsError } from './options';
export type { MediaCollectionTracker, TrackerReport } from './tracker';
export { MediaCollectionPlugin };

/** A video.js player once this package is imported: `(player as WithMediaCollection<Player>).mediaCollection(…)`. */
export type WithMediaCollection<P> = P & {
  mediaCollection(
    options?: import('./options').MediaCollectionOptions,
  ): import('./tracker').MediaCollectionTracker;
};
