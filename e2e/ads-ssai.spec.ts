// Server-side ads through the manual calls: a post-roll stitched into the stream (the last seconds of
// short.webm play as the ad), announced after `tracker.contentComplete()`. The element ends inside the
// break, as a stitched stream does, and the session still completes after the post-roll
// (docs/mapping.md#manual-calls).
import type { McEvent } from '../src/mc/types';
import { type EmulatedSession, waitForEvents } from './support/collector';
import { expect, test } from './support/fixtures';
import { openHarness, startPlayback } from './support/player';

const accepted = (s: EmulatedSession | undefined): McEvent[] =>
  (s?.events ?? []).filter((e) => e.status < 300).map((e) => e.event);
const done = (all: EmulatedSession[]) =>
  all.some((s) => accepted(s).some((e) => e.eventType === 'sessionComplete'));

/** The site's SSAI glue: the stream's last seconds are a post-roll; the element's end closes it. */
async function installStitchedPostroll(page: import('@playwright/test').Page, at: number): Promise<void> {
  await page.evaluate((postrollAt) => {
    const tracker = window.tracker as import('../src/index').MediaCollectionTracker;
    const player = window.player;
    const onTime = () => {
      if ((player.currentTime() ?? 0) < postrollAt) return;
      player.off('timeupdate', onTime);
      tracker.contentComplete();
      tracker.adBreakStart();
      tracker.adStart({ id: 'ssai-post-1', length: 2, name: 'Stitched', customMetadata: { tier: 'gold' } });
    };
    player.on('timeupdate', onTime);
    player.one('ended', () => {
      tracker.adComplete();
      // A stitching SDK reports the break's end a moment after the stream's.
      setTimeout(() => tracker.adBreakComplete(), 300);
    });
  }, at);
}

test('a stitched post-roll after contentComplete() comes before sessionComplete', async ({
  page,
  collector,
}) => {
  test.setTimeout(60_000);
  await openHarness(page, collector, { media: 'short.webm' });
  await installStitchedPostroll(page, 4);
  await startPlayback(page);
  const [session, ...others] = await waitForEvents(collector, done, 30_000);
  expect(others).toEqual([]);
  const events = accepted(session);
  const types = events.map((e) => e.eventType).filter((t) => t !== 'ping' && !t.startsWith('state'));
  expect(types).toEqual([
    'sessionStart',
    'play',
    'adBreakStart',
    'adStart',
    'adComplete',
    'adBreakComplete',
    'sessionComplete',
  ]);
  const breakStart = events.find((e) => e.eventType === 'adBreakStart');
  expect(breakStart?.params?.['media.ad.podFriendlyName']).toBe('postroll');
  expect(breakStart?.playerTime.playhead).toBeGreaterThanOrEqual(4);
  expect(breakStart?.playerTime.playhead).toBeLessThan(5);
  const adStart = events.find((e) => e.eventType === 'adStart');
  expect(adStart?.customMetadata).toEqual({ tier: 'gold' });
  // The post-roll's frames never move the content playhead.
  const after = events.slice(events.indexOf(breakStart as McEvent));
  expect(new Set(after.map((e) => e.playerTime.playhead))).toEqual(
    new Set([breakStart?.playerTime.playhead]),
  );
  expect((await collector.report()).findings).toEqual([]);
});

test('a bad manual call throws one TypeError naming each problem, and sends nothing', async ({
  page,
  collector,
}) => {
  await openHarness(page, collector, { media: 'short.webm' });
  const message = await page.evaluate(() => {
    const tracker = window.tracker as import('../src/index').MediaCollectionTracker;
    try {
      tracker.adStart({ id: '', length: 5, customMetadata: { tier: 1 } } as never);
      return 'no error';
    } catch (error) {
      return `${(error as Error).name}: ${(error as Error).message}`;
    }
  });
  expect(message).toMatch(/^TypeError: videojs-media-collection: adStart: /);
  expect(message).toContain('id must be a non-empty string');
  expect(message).toContain('customMetadata["tier"] must be a string');
  expect(await collector.sessions()).toEqual([]);
});
