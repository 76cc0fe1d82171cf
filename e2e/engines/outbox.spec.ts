// The outbox in every engine, with the collector cut at the server (WebDriver has no offline
// emulation, so every engine gets the same fault: the emulator refuses connections). Each scenario
// prints `OUTBOX <project> <scenario> lost=… dup=… disorder=…` and must show 0 / 0 / 0.

import { type EmulatedSession, waitForEvents } from '../support/collector';
import {
  type Driver,
  openHarnessIn,
  pauseIn,
  playhead,
  playIn,
  sleep,
  startPlaybackIn,
  waitInPage,
} from '../support/driver';
import { acceptedTypes, expectClean, recordIn } from '../support/engine-checks';
import { expect, test } from '../support/engine-fixtures';
import { waitForDrain } from '../support/outbox';

const pauseAndPlay = async (driver: Driver, ms = 400) => {
  await pauseIn(driver);
  await sleep(ms);
  await playIn(driver);
  await sleep(ms);
};

/** Accepted event types without states (declared again in a resumed session, e.g. WebKit's inFocus, mute). */
const acceptedPlayback = (s: EmulatedSession | undefined): string[] =>
  (s?.events ?? [])
    .filter((e) => e.status < 300 && !e.event.eventType.startsWith('state'))
    .map((e) => e.event.eventType);

const fullyBuffered = (driver: Driver) =>
  waitInPage(
    driver,
    () => {
      const duration = window.player.duration() ?? 0;
      return duration > 0 && window.player.bufferedEnd() >= duration - 0.25;
    },
    undefined,
    { message: 'fully buffered' },
  );

test('collector unreachable for 30 s: every event arrives afterwards, once, in order @webkit', async ({
  driver,
  collector,
}) => {
  test.setTimeout(120_000);
  const recorder = recordIn(driver);
  await openHarnessIn(driver, collector, { record: 1 });
  await startPlaybackIn(driver);
  await driver.evaluate(() => {
    window.player.playbackRate(0.5); // the 30 s clip keeps playing through the outage
  });
  await waitForDrain(collector, recorder, { since: Date.now() });
  await collector.addFault({ refuse: true, forMs: 30_000 });
  const back = Date.now() + 30_000;
  await sleep(5_000);
  await pauseAndPlay(driver);
  await sleep(back - Date.now());
  await expectClean(collector, recorder, 'unreachable-30s', { since: back, timeoutMs: 70_000 });
  const [types] = await acceptedTypes(collector);
  expect(types).toContain('ping');
});

test('reload during an outage: the next page delivers everything, the closing sessionEnd included', async ({
  driver,
  collector,
}) => {
  test.setTimeout(90_000);
  const recorder = recordIn(driver);
  await openHarnessIn(driver, collector, { record: 1 });
  await fullyBuffered(driver);
  await startPlaybackIn(driver);
  await waitForDrain(collector, recorder, { since: Date.now() });
  await collector.addFault({ refuse: true, forMs: 12_000 });
  const back = Date.now() + 12_000;
  await pauseAndPlay(driver);
  await driver.reload();
  await sleep(back - Date.now());
  await expectClean(collector, recorder, 'reload-during-outage', { since: back, timeoutMs: 25_000 });
  const [types] = await acceptedTypes(collector);
  expect(types?.at(-1)).toBe('sessionEnd');
});

test('page closed during an outage, then a new page: it delivers the closed page’s events', async ({
  driver,
  collector,
}) => {
  test.setTimeout(90_000);
  // Firefox closing this tab may cut its pagehide short (docs/browsers.md#writes-during-pagehide): the
  // sessionEnd then comes from the provisional close kept while the tab was hidden
  // (docs/outbox.md#the-provisional-close), and the harness's copy of it stands for the record the cut
  // pagehide lost.
  const recorder = recordIn(driver);
  await openHarnessIn(driver, collector, { record: 1 });
  await fullyBuffered(driver);
  await startPlaybackIn(driver);
  await waitForDrain(collector, recorder, { since: Date.now() });
  await collector.addFault({ refuse: true, forMs: 10_000 });
  const back = Date.now() + 10_000;
  await pauseAndPlay(driver);
  // A blank second page keeps the browser open while the player's page closes.
  await driver.newPage();
  await driver.switchTo(0);
  await driver.closePage();
  await sleep(1_000);
  await openHarnessIn(driver, collector, { record: 1 }); // the new page, not playing
  await sleep(Math.max(0, back - Date.now()));
  await expectClean(collector, recorder, 'closed-then-new-page', { since: back, timeoutMs: 25_000 });
  const [types] = await acceptedTypes(collector);
  expect(types?.at(-1)).toBe('sessionEnd');
});

// The downloaded batch is itself a session with media.resume, so "a resumed session's pauseStart
// arrived" must be asked of the live sessions only: asked of all, it held as soon as the downloaded
// batch landed, before the live resumed session's pauseStart whenever that came second (failed so in
// Chromium and Firefox, 5 of 20 runs; WebKit's slower driver calls happened to poll late enough).
test('410 on events: one resumed session, the refused events downloaded', async ({ driver, collector }) => {
  await openHarnessIn(driver, collector);
  await startPlaybackIn(driver);
  await waitForEvents(collector, (all) => all.some((s) => acceptedPlayback(s).includes('play')));
  await collector.expire();
  await pauseIn(driver);
  const pausedAt = await playhead(driver);
  const all = await waitForEvents(
    collector,
    (sessions) =>
      sessions.some((s) => s.downloaded) &&
      sessions.some((s) => !s.downloaded && s.resume && acceptedPlayback(s).includes('pauseStart')),
  );
  const [first, second, ...more] = all.filter((s) => !s.downloaded);
  expect(more).toEqual([]);
  expect(first?.closed).toBe('expired');
  expect(acceptedPlayback(first)).toEqual(['sessionStart', 'play']);
  expect(second?.resume).toBe(true);
  expect(acceptedPlayback(second)).toEqual(['sessionStart', 'pauseStart']);
  const resumedPause = second?.events.find((e) => e.event.eventType === 'pauseStart')?.event.playerTime;
  expect(Math.abs((resumedPause?.playhead ?? -1) - pausedAt)).toBeLessThan(0.25);
  // The pauseStart the dead session refused is delivered with its original ts in the downloaded batch.
  const downloaded = all.find((s) => s.downloaded);
  expect(acceptedPlayback(downloaded)).toEqual(['sessionStart', 'pauseStart', 'sessionEnd']);
  const refused = downloaded?.events.find((e) => e.event.eventType === 'pauseStart')?.event.playerTime;
  expect(refused?.ts).toBeLessThan(resumedPause?.ts ?? 0);
  const report = await collector.report();
  expect(report.validationErrors).toEqual([]);
  expect(report.duplicates).toEqual([]);
  expect(report.findings, 'emulator findings').toEqual([]);
  console.log(`OUTBOX ${test.info().project.name} 410-resume-downloaded lost=0 dup=0 disorder=0`);
});

test('two pages playing through an outage: each session once, in order', async ({ driver, collector }) => {
  test.setTimeout(90_000);
  const recorder = recordIn(driver);
  await openHarnessIn(driver, collector, { record: 1 });
  await fullyBuffered(driver);
  await startPlaybackIn(driver);
  await driver.newPage();
  await openHarnessIn(driver, collector, { record: 1 });
  await fullyBuffered(driver);
  await startPlaybackIn(driver);
  await waitForDrain(collector, recorder, { since: Date.now() });
  await collector.addFault({ refuse: true, forMs: 8_000 });
  const back = Date.now() + 8_000;
  for (const index of [0, 1, 0, 1]) {
    await driver.switchTo(index);
    await pauseAndPlay(driver, 250);
  }
  await sleep(Math.max(0, back - Date.now()));
  await expectClean(collector, recorder, 'two-pages-outage', { since: back, timeoutMs: 45_000 });
  expect(await collector.sessions()).toHaveLength(2);
});
