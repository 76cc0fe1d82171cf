// What delivery is doing, in one value a page can show (docs/delivery.md#delivery-state): derived,
// never stored, from the lanes' states and the queue's size.
import type { LaneState } from './lane';

/** The last answer the collector gave, or the lack of one (`status` 0: network error or timeout). */
export interface LastAnswer {
  status: number;
  /** Sender clock ms when it arrived. */
  at: number;
}

export type DeliveryState =
  | { state: 'idle'; waiting: 0; lastAnswer: LastAnswer | undefined }
  | { state: 'sending' | 'offline' | 'replaying'; waiting: number; lastAnswer: LastAnswer | undefined }
  | { state: 'retrying'; waiting: number; nextTryAt: number; lastAnswer: LastAnswer | undefined };

/**
 * - `idle`: nothing waits; `sending`: requests are going out (or about to);
 * - `replaying`: a downloaded batch (a gone session's events) is on its way;
 * - `retrying`: every lane with something to send waits a backoff, the first try due at `nextTryAt`;
 * - `offline`: the browser says it is offline and nothing is in flight.
 */
export function deliveryState(
  lanes: readonly LaneState[],
  waiting: number,
  online: boolean,
  lastAnswer: LastAnswer | undefined,
): DeliveryState {
  if (waiting === 0) return { state: 'idle', waiting: 0, lastAnswer };
  const inFlight = lanes.filter((lane) => lane.inFlight.length > 0 || lane.finals.length > 0);
  if (inFlight.some((lane) => lane.replaying)) return { state: 'replaying', waiting, lastAnswer };
  if (inFlight.length > 0) return { state: 'sending', waiting, lastAnswer };
  if (!online) return { state: 'offline', waiting, lastAnswer };
  const waits = lanes.flatMap((lane) =>
    lane.phase === 'waiting' && lane.waitUntil !== undefined ? [lane.waitUntil] : [],
  );
  if (waits.length > 0 && lanes.every((lane) => lane.phase !== 'running')) {
    return { state: 'retrying', waiting, nextTryAt: Math.min(...waits), lastAnswer };
  }
  return { state: 'sending', waiting, lastAnswer };
}
