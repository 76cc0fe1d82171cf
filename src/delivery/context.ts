import type { KeepaliveBudget } from './keepalive-budget';
import type { LaneInput, LaneState } from './lane';
import type { Protocol } from './protocol';
import type { EventQueue } from './queue';
import type { DeliveryReport } from './reports';
import type { Transport } from './transport';

/** What the sender's parts share; built once by `createSender`. */
export interface DeliveryContext {
  /** Without a trailing slash. */
  endpoint: string;
  transport: Transport;
  /** The API's protocol; while its chunk loads (the Edge's), the promise of it. */
  protocol: Protocol | Promise<Protocol>;
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

/**
 * One session's lane as the step functions see it: its state to read, and inputs to apply. Only
 * `lanes.ts` changes the state (through `transition`, `lane.ts`) and performs the actions.
 */
export interface LaneIo {
  readonly state: LaneState;
  /** Applies the input; resolves once the actions that touch the queue are done. */
  apply(input: LaneInput): Promise<void>;
}
