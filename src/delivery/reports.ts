import type { McEvent } from '../mc/types';

/**
 * Why an event waits for another try: an HTTP status (see `status`), no answer, no answer in time,
 * or the browser says it is offline (nothing was sent: the wait ends in a probe, or at `online`).
 */
export type RetryReason = 'status' | 'network' | 'timeout' | 'offline';

/**
 * What delivery did, one report per decision, for the plugin's public observable and its
 * `mediacollection:error` events. `session` is always the tracker's local session key.
 */
export type DeliveryReport =
  /** The sessions request answered 201 with a readable Location. */
  | { type: 'sessionCreated'; session: string; sid: string }
  | { type: 'delivered'; session: string; event: McEvent; status: number }
  /** 400/422 (invalid) or another non-retryable status (401, 403, 413…): this event is gone. */
  | { type: 'dropped'; session: string; event: McEvent; status: number; message: string }
  /** `status` is 0 when no HTTP answer arrived (`reason` 'network' or 'timeout'). */
  | {
      type: 'retrying';
      session: string;
      event: McEvent;
      attempt: number;
      delayMs: number;
      reason: RetryReason;
      status: number;
      message: string;
    }
  /**
   * The session can no longer be sent live, once per local session; its pending events go to
   * /downloaded. `status` 404/410 from the events path, or 0 when decided here: idle past the
   * collector's 10 min, or never started and out of reach (`sid` absent).
   */
  | { type: 'sessionGone'; session: string; sid?: string; status: number }
  /** A /api/v1/downloaded batch was accepted; `count` is the queued events it carried. */
  | { type: 'downloaded'; session: string; count: number; status: number }
  /**
   * The collector session can never exist (the sessionStart got 400/401/403…, or a 201 whose
   * Location was unreadable): all `count` events of the session were dropped, and later ones are too.
   */
  | {
      type: 'sessionRejected';
      session: string;
      event: McEvent;
      status: number;
      message: string;
      count: number;
    }
  /**
   * A /api/v1/downloaded batch was refused (400 discards it all, docs/adobe-api.md#downloaded-content):
   * `count` events dropped.
   */
  | { type: 'downloadRejected'; session: string; count: number; status: number; message: string }
  /** The queue itself (storage) failed; `session` is undefined when no single session was concerned. */
  | { type: 'queueError'; session: string | undefined; message: string }
  /** The outbox was over its caps (docs/outbox.md#caps): `count` events of the session were dropped. */
  | { type: 'outboxDropped'; session: string; count: number; reason: 'count' | 'age' }
  /**
   * IndexedDB cannot keep the queue (`quota`: full; `unavailable`: missing or never opened;
   * `failed`: stopped working): from now on this page's events are kept in memory only.
   */
  | { type: 'storageFallback'; reason: 'quota' | 'unavailable' | 'failed'; message: string }
  /** This page took over a session another page left in the outbox (closed, crashed, reloaded). */
  | { type: 'adopted'; session: string; count: number }
  /**
   * Events sent with keepalive as an earlier page went away, whose answer it never saw, found on a
   * session the collector has since closed: counted as delivered rather than sent a second time.
   */
  | { type: 'unconfirmed'; session: string; count: number };
