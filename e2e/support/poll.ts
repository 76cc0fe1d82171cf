// Waiting for a condition without a test runner's API (the collector and audit helpers are shared by
// every browser driver). Intervals grow like Playwright's expect.poll: quick at first, then calmer.

const INTERVALS = [100, 250, 500];

export interface PollOptions {
  timeoutMs: number;
  /** The failure's message, built when it fails (so it can show the last value seen). */
  message: () => string;
}

/** Resolves once `check` returns true; rejects after `timeoutMs` (a check that throws counts as false). */
export async function pollUntil(check: () => Promise<boolean>, { timeoutMs, message }: PollOptions) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (let attempt = 0; ; attempt++) {
    try {
      if (await check()) return;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    const left = deadline - Date.now();
    if (left <= 0) break;
    const wait = Math.min(left, INTERVALS[Math.min(attempt, INTERVALS.length - 1)] ?? 500);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  const cause = lastError instanceof Error ? `\nlast error: ${lastError.message}` : '';
  throw new Error(`timed out after ${timeoutMs} ms: ${message()}${cause}`);
}
