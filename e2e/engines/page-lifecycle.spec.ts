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
  expect(named).toEqual([
    'sessionStart',
    'stateStart(inFocus)',
    'play',
    'stateEnd(inFocus)',
    'pauseStart',
    'stateStart(inFocus)',
    'play',
    'pauseStart',
  ]);
});
