// The delivery core talks HTTP only through this function type, so tests script the collector and
// the browser adapter (`adapters/fetch-transport.ts`) stays the one place that touches `fetch`.

export interface TransportRequest {
  /** Absolute URL; always POSTed with `Content-Type: application/json`. */
  url: string;
  body: string;
  /** Ask the browser to finish the request after the page goes away (64 KiB shared budget). */
  keepalive?: boolean;
}

export interface TransportResponse {
  status: number;
  /** The `Location` header (the sid on a sessions 201, docs/adobe-api.md), null when absent or unreadable. */
  location: string | null;
  retryAfter: string | null;
  /** The collector's `{message}` on an error status (docs/adobe-api.md#events-request-and-status-codes). */
  message?: string;
  /** The answer's body, from a transport that reads it (the Media Edge API answers in JSON bodies). */
  body?: string;
}

/** Resolves with any HTTP status; rejects only when no answer arrived, with a `TransportError`. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export type TransportErrorCode = 'timeout' | 'network';

/**
 * No HTTP answer: the request timed out, or the network (or CORS) failed (docs/browsers.md#fetch-failures).
 */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  readonly code: TransportErrorCode;

  constructor(code: TransportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
