// The ad adapters are a chunk of their own (docs/contributing.md#the-ad-chunk): a page without an ad
// stack never requests it, a page with contrib-ads does, and its ads are still bookended.
import type { Page } from '@playwright/test';
import type { McEvent } from '../src/mc/types';
import { type EmulatedSession, waitForEvents } from './support/collector';
import { expect, test } from './support/fixtures';
import { openHarness, startPlayback } from './support/player';

const accepted = (s: EmulatedSession | undefined): McEvent[] =>
  (s?.events ?? []).filter((e) => e.status < 300).map((e) => e.event);
const typesOf = (events: McEvent[]) =>
  events.map((e) => e.eventType).filter((t) => t !== 'ping' && !t.startsWith('state'));

/** Every request for the ad chunk the page makes (the demo server serves src/ as modules). */
function adChunkRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (/\/ad-stacks[^/]*\.(ts|js)(\?|$)/.test(request.url())) seen.push(request.url());
  });
  return seen;
}

test('a page without an ad stack never requests the ad chunk, and is tracked', async ({
  page,
  collector,
}) => {
  const requests = adChunkRequests(page);
  await openHarness(page, collector);
  await startPlayback(page);
  const [session] = await waitForEvents(
    collector,
    (all) => accepted(all[0]).some((e) => e.eventType === 'play'),
    20_000,
  );
  expect(typesOf(accepted(session)).slice(0, 2)).toEqual(['sessionStart', 'play']);
  expect(requests).toEqual([]);
});

test('a page with contrib-ads requests the ad chunk once, and its pre-roll is bookended', async ({
  page,
  collector,
}) => {
  const requests = adChunkRequests(page);
  await openHarness(page, collector, { ads: 'contrib', schedule: { preroll: ['ad1.webm'], postroll: [] } });
  await expect.poll(() => requests.length, { timeout: 10_000 }).toBe(1);
  await page.locator('.vjs-big-play-button').click();
  const [session, ...others] = await waitForEvents(
    collector,
    (all) => accepted(all[0]).some((e) => e.eventType === 'play'),
    30_000,
  );
  expect(others).toEqual([]);
  expect(typesOf(accepted(session))).toEqual([
    'sessionStart',
    'adBreakStart',
    'adStart',
    'adComplete',
    'adBreakComplete',
    'play',
  ]);
  expect(requests).toHaveLength(1);
  expect((await collector.report()).findings).toEqual([]);
});

// videojs-ima reports its ads on the AdsManager, not the player: a pre-roll that starts before the chunk
// is there lost its adStart and adComplete (the chunk 1.5 s late: adBreakStart, pings, adBreakComplete).
// The page records them while the chunk loads and replays them (src/wiring/ads.ts).
test('IMA: a pre-roll that starts before the ad chunk arrives keeps its ad', async ({ page, collector }) => {
  await page.route(/\/ad-stacks[^/]*\.(ts|js)(\?|$)/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await openHarness(page, collector, { ads: 'ima', schedule: { preroll: ['ad1.webm'], postroll: [] } });
  await startPlayback(page, 30_000);
  const [session, ...others] = await waitForEvents(
    collector,
    (all) => accepted(all[0]).some((e) => e.eventType === 'play'),
    30_000,
  );
  expect(others).toEqual([]);
  expect(typesOf(accepted(session))).toEqual([
    'sessionStart',
    'adBreakStart',
    'adStart',
    'adComplete',
    'adBreakComplete',
    'play',
  ]);
  const report = await collector.report();
  expect(report.findings).toEqual([]);
  expect(report.validationErrors).toEqual([]);
});
