// The Playwright side of the per-test collector: every test that asks for `collector` gets an emulator
// of its own on a free port (started in the worker, closed after the test), so tests run in parallel
// workers without seeing each other's sessions, and a page that outlives its test (a keepalive sent
// while its context closes) cannot reach the next test's collector. Pages learn its URL from their
// `collector` query parameter (openHarness / demoPage in e2e/support/player.ts).
import { test as base } from '@playwright/test';
import { startEmulatorServer } from '../../src/emulator/server';
import { type Collector, collectorClient } from './collector';

export { expect } from '@playwright/test';

/** An emulator of its own on a free port for the length of `body`. */
async function withEmulator(body: (collector: Collector) => Promise<void>): Promise<void> {
  await withEmulators(1, ([collector]) => body(collector!));
}

/**
 * `count` emulators, each on a free port, for the length of `body`: a test that runs several viewings
 * at once (each with its own faults and sessions) instead of one after another.
 */
export async function withEmulators<T>(
  count: number,
  body: (collectors: Collector[]) => Promise<T>,
): Promise<T> {
  const servers = await Promise.all(Array.from({ length: count }, () => startEmulatorServer({ port: 0 })));
  try {
    return await body(servers.map((server) => collectorClient(server.url)));
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
}

export const test = base.extend<{ collector: Collector; secondCollector: Collector }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  collector: async ({}, use) => withEmulator(use),
  /** A test that plays two independent viewings at once gives each its own collector. */
  // biome-ignore lint/correctness/noEmptyPattern: as above
  secondCollector: async ({}, use) => withEmulator(use),
});

/**
 * Tags a test that asserts real-time spacing (ping grid, stall length, ad ping arrivals, drain time): it
 * runs in the `*-timing` projects, one test at a time with nothing else on the machine's cores.
 */
export const TIMING = { tag: '@timing' } as const;
