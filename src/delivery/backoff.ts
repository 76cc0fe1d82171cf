export interface BackoffOptions {
  /** 1 for the first retry of an event. */
  attempt: number;
  random: () => number;
  /** The collector's `Retry-After`, in ms: never retry sooner than that. */
  retryAfterMs?: number;
}

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_FACTOR = 2;
export const BACKOFF_CAP_MS = 60_000;

/**
 * Exponential backoff with "equal jitter": half of the step is fixed, half random, so clients that
 * failed together spread out (docs/browsers.md#fetch-failures) yet no retry ever comes at 0 ms. Attempt n
 * waits within [c/2, c] where c = min(60 s, 1 s · 2^(n−1)); `Retry-After` raises that to its own value.
 */
export function backoffDelay({ attempt, random, retryAfterMs = 0 }: BackoffOptions): number {
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * BACKOFF_FACTOR ** exponent);
  const jittered = Math.round(ceiling / 2 + random() * (ceiling / 2));
  return Math.max(jittered, retryAfterMs);
}
