/**
 * What a collector answer means for the event that caused it (docs/delivery.md#answers):
 * - `delivered`: 2xx, the event is acknowledged.
 * - `invalid`: 400/422, the body failed validation; resending it as-is can never succeed.
 * - `sessionGone`: 404/410, the collector session no longer exists or accepts events.
 * - `retry`: transient (408, 425, 429, 5xx); send the same event again later.
 * - `fatal`: any other status (401, 403, 413, 3xx…); drop the event and report it, never spin on it.
 */
export type ResponseClass = 'delivered' | 'invalid' | 'sessionGone' | 'retry' | 'fatal';

const RETRYABLE = new Set([408, 425, 429]);

export function classifyResponse(status: number): ResponseClass {
  if (status >= 200 && status <= 299) return 'delivered';
  if (status === 400 || status === 422) return 'invalid';
  if (status === 404 || status === 410) return 'sessionGone';
  if (RETRYABLE.has(status) || (status >= 500 && status <= 599)) return 'retry';
  return 'fatal';
}

// RFC 9110 §10.2.3: Retry-After is delay-seconds or an HTTP-date. HTTP-dates start with a day name
// (IMF-fixdate, RFC 850, asctime); anything else (negative numbers, free text) is ignored.
const DELAY_SECONDS = /^\d+$/;
const HTTP_DATE = /^[A-Za-z]{3,9},? /;

/** The wait a `Retry-After` header asks for, in ms from `now` (0 for a date in the past). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (DELAY_SECONDS.test(text)) return Number(text) * 1000;
  if (!HTTP_DATE.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
