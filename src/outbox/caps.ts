// How big and how old the outbox may grow (docs/outbox.md#caps: bounded, oldest pings dropped first, never a
// sessionStart or a bookend), as pure functions over what a page holds.
import type { QueuedEvent } from '../delivery/queue';
import type { McEventType } from '../mc/types';

export interface OutboxCaps {
  /** The most events one page keeps queued (its own sessions and those it adopted). */
  maxEvents: number;
  /** A session whose newest event is older than this is dropped whole when a page adopts it. */
  maxAgeMs: number;
}

export const DEFAULT_CAPS: Readonly<OutboxCaps> = Object.freeze({
  maxEvents: 10_000,
  // Safari deletes script-writable storage after 7 days without interaction (docs/browsers.md#eviction),
  // and workbox keeps its queue as long: older data is not worth a promise.
  maxAgeMs: 7 * 24 * 3_600_000,
});

/**
 * What goes first when the count is over: pings (a gap in pings loses the least), then QoE reports,
 * then playback changes. Everything else — sessionStart, sessionEnd, sessionComplete, and the
 * bookends of ads, chapters and states — is never dropped: without them a session cannot be read.
 */
const DROP_ORDER: readonly (readonly McEventType[])[] = [
  ['ping'],
  ['bitrateChange', 'error'],
  ['play', 'pauseStart', 'bufferStart'],
];

/**
 * The events to drop so that at most `maxEvents` remain (fewer when only keepers are left), oldest
 * first within each rank. `items` is in key order. Each session's head is kept: it may be in flight.
 */
export function overCount(items: readonly QueuedEvent[], maxEvents: number): QueuedEvent[] {
  let excess = items.length - maxEvents;
  if (excess <= 0) return [];
  const heads = new Set<string>();
  const candidates = items.filter((item) => {
    const head = !heads.has(item.session);
    heads.add(item.session);
    return !head;
  });
  const dropped: QueuedEvent[] = [];
  for (const rank of DROP_ORDER) {
    for (const item of candidates) {
      if (excess === 0) return dropped;
      if (!rank.includes(item.event.eventType)) continue;
      dropped.push(item);
      excess -= 1;
    }
  }
  return dropped;
}

/** Whether a session left by another page is too old to send: its newest event is past `maxAgeMs`. */
export function tooOld(items: readonly QueuedEvent[], now: number, maxAgeMs: number): boolean {
  const newest = Math.max(...items.map((item) => item.event.playerTime.ts));
  return items.length > 0 && now - newest > maxAgeMs;
}
