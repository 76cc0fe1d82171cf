import type { Subscription } from 'rxjs';
import type { KeepaliveBudget } from './keepalive-budget';
import type { EventQueue } from './queue';
import type { DeliveryReport } from './reports';
import type { Transport } from './transport';

/** What the sender's parts share; built once by `createSender`. */
export interface DeliveryContext {
  /** Without a trailing slash. */
  endpoint: string;
  transport: Transport;
  queue: EventQueue;
  now: () => number;
  random: () => number;
  /**
   * The browser's hint (`navigator.onLine`): false is reliable, true is not (docs/browsers.md#connectivity).
   */
  online: () => boolean;
  budget: KeepaliveBudget;
  /** True while a `flush({ keepalive: true })` is running. */
  keepaliveWanted: () => boolean;
  report: (report: DeliveryReport) => void;
  /** Removes items from the queue and tells flush watchers. */
  remove: (ids: readonly number[]) => Promise<void>;
}

/** The in-memory run state of one local session (never persisted). */
export interface Lane {
  /** A drain loop runs for this session: it is the only one sending its requests in order. */
  busy: boolean;
  /** Woken while busy: read the queue once more before going idle (an append raced the last read). */
  again: boolean;
  /** The pending backoff wait, if any. */
  wait: Subscription | undefined;
  /** Consecutive retries of the head request; reset by any non-retry answer. */
  attempt: number;
  /** Ids the drain loop has in flight right now. */
  current: readonly number[];
  /** That request was sent with keepalive: it outlives the page. */
  currentKeepalive: boolean;
  /** Ids `flushFinal` sent and that are still unanswered; the drain loop pauses until they are. */
  finals: Set<number>;
  /** Ids this page marked shipped (final page hide) whose answer it has not seen yet. */
  shipped: Set<number>;
  /** The last request got an HTTP answer: the collector is reachable, whatever onLine says. */
  heard: boolean;
  /** `retryNow` came while a request was in flight: if it fails, try again at once. */
  retryNow: boolean;
  goneReported: boolean;
}

export const createLane = (): Lane => ({
  busy: false,
  again: false,
  wait: undefined,
  attempt: 0,
  current: [],
  currentKeepalive: false,
  finals: new Set(),
  shipped: new Set(),
  heard: false,
  retryNow: false,
  goneReported: false,
});
