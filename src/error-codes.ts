// Every `code` a `mediacollection:error` player event can carry, in one place; README.md#error-codes
// lists the same codes with what a site does about each (a unit spec keeps the two equal).
import type { DeliveryReport } from './delivery/reports';

export const ERROR_CODES = [
  // Delivery: what happened to events on their way to the collector (docs/delivery.md#reports-and-error-codes).
  'MC_EVENT_DROPPED',
  'MC_SESSION_REJECTED',
  'MC_DOWNLOAD_REJECTED',
  'MC_QUEUE_ERROR',
  'MC_OUTBOX_DROPPED',
  'MC_STORAGE_FALLBACK',
  // The site's `params` function: it returned params the collector would refuse, or it threw.
  'MC_INVALID_PARAMS',
  'MC_PARAMS_FAILED',
  // An ad stack (contrib-ads, IMA) misbehaved: the event it was reading is skipped, tracking goes on.
  'MC_AD_STACK_ERROR',
  // The ad chunk could not be loaded: ads are not tracked on this page, content is.
  'MC_ADS_UNAVAILABLE',
  // A session started without the visitor's ECID: the identity lookup took too long, or failed
  // (docs/identity.md#reports).
  'MC_IDENTITY_TIMEOUT',
  'MC_IDENTITY_FAILED',
  // Tracking skipped a player event after an internal error (a bug: please report it).
  'MC_INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The payload of a `mediacollection:error` player event: the code and what explains it. */
export type ErrorDetail = { code: ErrorCode } & Record<string, unknown>;

/** Delivery outcomes a site should hear about; the other reports are only on `reports$`. */
export const REPORT_CODES: Partial<Record<DeliveryReport['type'], ErrorCode>> = {
  dropped: 'MC_EVENT_DROPPED',
  sessionRejected: 'MC_SESSION_REJECTED',
  downloadRejected: 'MC_DOWNLOAD_REJECTED',
  queueError: 'MC_QUEUE_ERROR',
  outboxDropped: 'MC_OUTBOX_DROPPED',
  storageFallback: 'MC_STORAGE_FALLBACK',
};
