// Fast recovery, measured (docs/delivery.md#fast-recovery): how long after a server-side outage ends
// (no `online` event: the browser never noticed) the collector accepts the page's first event.
import type { Page } from '@playwright/test';
import type { Collector } from './collector';
import { pollUntil } from './poll';

/**
 * Refuses every request at the server for `outageMs` while the harness page plays, then measures the
 * ms from the collector's return to the first event it accepted from the page.
 */
export async function recoveryMs(page: Page, collector: Collector, outageMs: number): Promise<number> {
  await collector.addFault({ refuse: true });
  await page.waitForTimeout(outageMs);
  await collector.clearFaults();
  const back = Date.now();
  let first: number | undefined;
  await pollUntil(
    async () => {
      const accepted = (await collector.sessions()).flatMap((s) =>
        s.events.filter((e) => e.status < 300 && e.receivedAt >= back).map((e) => e.receivedAt),
      );
      first = accepted.length > 0 ? Math.min(...accepted) : undefined;
      return first !== undefined;
    },
    { timeoutMs: 70_000, message: () => `no event accepted within 70 s of the collector's return` },
  );
  return first! - back;
}
