// Content in every engine, written once against the Driver: play, pause, a seek while paused and one
// while playing, the end; mute and fullscreen (a real stall: e2e/engines/vhs.spec.ts). WebKit fires no canplay/playing after a
// seek and `stalled` after some (docs/browsers.md#webkit): the session must be the same as elsewhere.
// Tagged @webkit: e2e/content.spec.ts covers the same in Chromium and Firefox through Playwright.
import {
  openHarnessIn,
  pauseIn,
  playedPast,
  playhead,
  playIn,
  seekIn,
  sleep,
  startPlaybackIn,
  waitInPage,
} from '../support/driver';
import { acceptedTypes, expectClean, recordIn } from '../support/engine-checks';
import { expect, test } from '../support/engine-fixtures';

const playbackTypes = (types: string[] | undefined) =>
  (types ?? []).filter((t) => !t.startsWith('state') && !t.startsWith('chapter') && t !== 'ping');

test('content: play, pause, seek paused and playing, the end: one clean session @webkit', async ({
  driver,
  collector,
}) => {
  const recorder = recordIn(driver);
  await openHarnessIn(driver, collector, { record: 1 });
  await startPlaybackIn(driver);
  await sleep(1000);
  await pauseIn(driver);
  await sleep(500);
  await seekIn(driver, 12);
  await playIn(driver);
  await playedPast(driver, 12.8);
  await seekIn(driver, 20);
  await playedPast(driver, 20.8);
  await seekIn(driver, 28.5);
  await waitInPage(driver, () => window.player.ended(), undefined, { message: 'the end', timeoutMs: 20_000 });
  expect(await playhead(driver)).toBeGreaterThan(29);
  await expectClean(collector, recorder, 'content');
  const [types, ...others] = await acceptedTypes(collector);
  expect(others, 'one session').toEqual([]);
  expect(playbackTypes(types)).toEqual([
    'sessionStart',
    'play',
    'pauseStart',
    'play',
    'pauseStart',
    'play',
    'pauseStart',
    'play',
    'sessionComplete',
  ]);
});

test('states: mute and fullscreen as the engine does them (a real click) @webkit', async ({
  driver,
  collector,
}) => {
  const recorder = recordIn(driver);
  await openHarnessIn(driver, collector, { record: 1 });
  await startPlaybackIn(driver);
  await driver.evaluate(() => {
    window.player.muted(false);
  });
  await sleep(300);
  // WebKit refuses fullscreen from script; a WebDriver click is a user activation. The control bar must
  // be showing, as for a viewer whose pointer is on the player: 2 s without activity hides it (video.js's
  // inactivityTimeout) and WebDriver then finds the button not interactable (a fresh-clone run, whose
  // start took longer than that under load).
  const showControls = () => driver.evaluate(() => void window.player.userActive(true));
  await showControls();
  await driver.click('.vjs-fullscreen-control');
  await waitInPage(driver, () => window.player.isFullscreen(), undefined, { message: 'fullscreen' });
  await sleep(500);
  await showControls();
  await driver.click('.vjs-fullscreen-control');
  await waitInPage(driver, () => !window.player.isFullscreen(), undefined, { message: 'fullscreen left' });
  await sleep(300);
  await pauseIn(driver);
  await expectClean(collector, recorder, 'states');
  const events = (await collector.sessions())[0]?.events.map((e) => e.event) ?? [];
  const states = events
    .filter((e) => e.eventType.startsWith('state'))
    .map((e) => `${e.eventType}:${e.params?.['media.state.name']}`)
    .filter((s) => !s.endsWith(':inFocus'));
  expect(states).toEqual([
    'stateStart:mute',
    'stateEnd:mute',
    'stateStart:fullscreen',
    'stateEnd:fullscreen',
  ]);
});
