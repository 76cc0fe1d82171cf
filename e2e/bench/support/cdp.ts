// Chrome DevTools Protocol readings: main-thread time (Performance domain) and the JS heap after a GC.
import type { CDPSession, Page } from '@playwright/test';

export type Metrics = Record<string, number>;

export async function openCdp(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/** Enabling the Performance domain starts its duration counters from zero. */
export async function startMetrics(cdp: CDPSession): Promise<void> {
  await cdp.send('Performance.disable');
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
}

export async function readMetrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** Used JS heap in bytes after two full collections, so garbage does not count as growth. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}
