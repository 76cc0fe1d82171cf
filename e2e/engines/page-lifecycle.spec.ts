// The page's own life in a real browser: hidden (a minimized window, which only WebKitGTK under Xvfb
// gives here: headless Chromium and Firefox are always visible) and the back/forward cache.
import { openHarnessIn, pauseIn, sleep, startPlaybackIn, waitInPage } from '../support/driver';
import { acceptedTypes, expectClean, recordIn } from '../support/engine-checks';
import { expect, test } from '../support/engine-fixtures';

test('a really hidden page: inFocus ends, WebKit pauses the video, both come back on restore @webkit', async ({
  driver,
  collector,
}) => {
  const recorder = recordIn(driver);
  await openHarnessIn(driver, collector, { record: 1 });
  await startPlaybackIn(driver);
  await sleep(1_500);
  await driver.setMinimized(true);
  await waitInPage(driver, () => document.visibilityState === 'hidden', undefined, { message: 'hidden' });
  await sleep(3_000);
  await driver.setMinimized(false);
  await waitInPage(driver, () => document.visibilityState === 'visible', undefined, { message: 'visible' });
  await waitInPage(driver, () => !window.player.paused(), undefined, { message: 'playing again' });
  await sleep(1_000);
  await pauseIn(driver);
  await expectClean(collector, recorder, 'hidden-page');
  const [types] = await acceptedTypes(collector);
  const events = (await collector.sessions())[0]?.events.map((e) => e.event) ?? [];
  const named = events
    .filter((e) => e.eventType !== 'ping')
    .map((e) =>
      e.eventType.startsWith('state') ? `${e.eventType}(${e.params?.['media.state.name']})` : e.eventType,
    )
    .filter((t) => !t.includes('(mute)'));
  console.log(`HIDDEN webkit ${JSON.stringify(named)} (all: ${types?.length})`);
  expect(named.slice(0, 5)).toEqual([
    'sessionStart',
    'stateStart(inFocus)',
    'play',
    'stateEnd(inFocus)',
    'pauseStart',
  ]);
  // On restore focus and playback come back within milliseconds, in either order (both were seen).
  expect(named.slice(5, 7).sort()).toEqual(['play', 'stateStart(inFocus)']);
  expect(named.slice(7)).toEqual(['pauseStart']);
});

test('back/forward cache: navigate away and Back; no event at a playhead the player no longer has', async ({
  driver,
  collector,
}) => {
  await openHarnessIn(driver, collector);
  await startPlaybackIn(driver);
  await sleep(2_000);
  await driver.evaluate(() => {
    (window as unknown as { __left: boolean }).__left = true; // still there if the page comes back from the cache
  });
  // A same-origin page without the plugin: it opens no IndexedDB of its own.
  await driver.goto('/harness.html?noplugin=1');
  await sleep(1_000);
  const backAt = Date.now();
  await driver.back();
  await waitInPage(driver, () => typeof window.player?.currentTime === 'function', undefined, {
    message: 'the restored harness',
  });
  const restored = await driver.evaluate(() => ({
    fromCache: (window as unknown as { __left?: boolean }).__left === true,
    at: window.player.currentTime() ?? 0,
    paused: window.player.paused(),
  }));
  await sleep(3_000);
  const events = (await collector.sessions()).flatMap((s) =>
    s.events.filter((e) => e.status < 300).map((e) => e.event),
  );
  console.log(
    `BFCACHE ${driver.engine} restored=${JSON.stringify(restored)} events=${JSON.stringify(events.map((e) => `${e.eventType}@${e.playerTime.playhead.toFixed(2)}`))}`,
  );
  // WebKit keeps the page (measured): there the test is about the cache. Playwright's Chromium loads
  // it anew; whichever a browser does, the same rules hold.
  if (driver.can.backForwardCache)
    expect(restored.fromCache, 'restored from the back/forward cache').toBe(true);
  expect(
    events.map((e) => e.eventType),
    'no stall invented on a reset player',
  ).not.toContain('bufferStart');
  // What happens after Back reports where the player is now, not where it was before.
  const after = events.filter((e) => e.playerTime.ts >= backAt);
  for (const e of after)
    expect(e.playerTime.playhead, `${e.eventType} after Back`).toBeLessThanOrEqual(restored.at + 0.5);
  // Leaving ended the session (docs/browsers.md#the-backforward-cache): it does not stay open "playing".
  const [first] = await collector.sessions();
  expect(first?.events.filter((e) => e.status < 300).at(-1)?.event.eventType).toBe('sessionEnd');
  const report = await collector.report();
  expect(report.validationErrors).toEqual([]);
  expect(report.findings).toEqual([]);
});
