// Content in every engine, written once against the Driver: play, pause, a seek while paused and one
// while playing, the end; a real stall; mute and fullscreen. WebKit fires no canplay/playing after a
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

/**
 * WebKit (GStreamer, no Range requests) does not stall with e2e/support/stall.ts's parameters: it holds the
 * first frame until the held-back download resumes, which is not a stall. A throttled download (kbps) lets
 * it start, then the hold freezes it mid-play.
 */
const WEBKIT_STALL = 'kbps=200&stallAfter=98304&stallMs=9000';

test('content: a real stall is one bufferStart, then play at the same playhead @webkit', async ({
  driver,
  collector,
}) => {
  test.setTimeout(90_000);
  const recorder = recordIn(driver);
  await openHarnessIn(driver, collector, { record: 1, slow: WEBKIT_STALL });
  // The longest freeze of a playing playhead, measured in the page (a round trip per sample would blur it).
  await driver.evaluate(() => {
    const w = window as unknown as { __freeze: { at: number; ms: number } };
    w.__freeze = { at: 0, ms: 0 };
    let last = -1;
    let since = performance.now();
    setInterval(() => {
      const p = window.player;
      const ct = p.currentTime() ?? 0;
      const now = performance.now();
      if (ct !== last || p.paused() || p.seeking() || ct === 0) {
        last = ct;
        since = now;
      } else if (now - since > w.__freeze.ms) w.__freeze = { at: ct, ms: Math.round(now - since) };
    }, 50);
  });
  await startPlaybackIn(driver, 30_000);
  await playedPast(driver, 9, 40_000);
  await pauseIn(driver);
  const freeze = await driver.evaluate(
    () => (window as unknown as { __freeze: { at: number; ms: number } }).__freeze,
  );
  console.log(`STALL ${driver.engine} froze ${freeze.ms} ms at ${freeze.at}`);
  expect(freeze.ms, 'the playhead froze while playing').toBeGreaterThan(2_000);
  await expectClean(collector, recorder, 'stall');
  const [types] = await acceptedTypes(collector);
  expect(playbackTypes(types)).toEqual(['sessionStart', 'play', 'bufferStart', 'play', 'pauseStart']);
  const events = (await collector.sessions())[0]?.events.map((e) => e.event) ?? [];
  const buffer = events.find((e) => e.eventType === 'bufferStart');
  const resumed = events[events.indexOf(buffer!) + 1];
  expect(Math.abs((buffer?.playerTime.playhead ?? -1) - freeze.at)).toBeLessThan(0.5);
  expect(Math.abs((resumed?.playerTime.playhead ?? -1) - freeze.at)).toBeLessThan(0.5);
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
  // WebKit refuses fullscreen from script; a WebDriver click is a user activation.
  await driver.click('.vjs-fullscreen-control');
  await waitInPage(driver, () => window.player.isFullscreen(), undefined, { message: 'fullscreen' });
  await sleep(500);
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
