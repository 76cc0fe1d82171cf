// Bitrate through VHS in every engine: the two-rendition HLS video (demo/public/media/vod, made by
// demo/media/generate.sh) played through video.js's VHS, a rendition switch forced mid-play through the
// quality levels, and the bitrateChange the collector got. WebKit runs with a non-Safari user agent:
// with MiniBrowser's own, video.js and VHS take their Safari paths and VHS stalls (docs/browsers.md#webkit).
import { openHarnessIn, pauseIn, playedPast, playhead, startPlaybackIn, waitInPage } from '../support/driver';
import { NON_SAFARI_UA } from '../support/driver-webdriver';
import { expectClean, recordIn } from '../support/engine-checks';
import { expect, test } from '../support/engine-fixtures';

/** BANDWIDTH of each rendition in demo/public/media/vod/master.m3u8, in bit/s. */
const DECLARED = [48_000, 120_000];

/** video.js's quality levels (bundled with video.js 8), which its types do not declare on the player. */
interface WithLevels {
  qualityLevels(): {
    length: number;
    selectedIndex: number;
    [index: number]: { bitrate?: number; enabled: boolean } | undefined;
  };
}

test.use({ webkitArgs: [`--user-agent=${NON_SAFARI_UA}`] });

/** What the quality levels say now: the declared bitrates and the one VHS has selected. */
const levels = () => {
  const list = (window.player as unknown as WithLevels).qualityLevels();
  const all = Array.from({ length: list.length }, (_, i) => list[i]?.bitrate ?? 0);
  return { all, selected: list.selectedIndex };
};

test('bitrate: a rendition switch through VHS is one bitrateChange with the declared BANDWIDTH', async ({
  driver,
  collector,
}) => {
  const recorder = recordIn(driver);
  await openHarnessIn(driver, collector, { record: 1, media: 'vod/master.m3u8' });
  await waitInPage(
    driver,
    () => (window.player as unknown as WithLevels).qualityLevels().selectedIndex >= 0,
    undefined,
    { message: 'a rendition selected' },
  );
  const before = await driver.evaluate(levels);
  expect([...before.all].sort((a, b) => a - b)).toEqual(DECLARED);
  const other = 1 - before.selected;
  const target = before.all[other] as number;
  // Only the selected rendition stays enabled while the session starts, so VHS's own ABR cannot switch.
  await driver.evaluate((index) => {
    const level = (window.player as unknown as WithLevels).qualityLevels()[index];
    if (level) level.enabled = false;
  }, other);
  await startPlaybackIn(driver);
  await playedPast(driver, 1.5);
  // Disabling a rendition does not switch by itself; enabling one makes VHS select again at once (its
  // fast quality change), and the one enabled now is the other.
  await driver.evaluate(
    ([from, to]) => {
      const list = (window.player as unknown as WithLevels).qualityLevels();
      const set = (index: number, enabled: boolean) => {
        const level = list[index];
        if (level) level.enabled = enabled;
      };
      set(from, false);
      set(to, true);
    },
    [before.selected, other] as [number, number],
  );
  await waitInPage(
    driver,
    (want) => (window.player as unknown as WithLevels).qualityLevels().selectedIndex === want,
    other,
    { message: 'the other rendition selected' },
  );
  await playedPast(driver, (await playhead(driver)) + 1.5);
  await pauseIn(driver);
  await expectClean(collector, recorder, 'bitrate-vhs');
  const [session, ...others] = await collector.sessions();
  expect(others, 'one session').toEqual([]);
  const events = (session?.events ?? []).filter((e) => e.status < 300).map((e) => e.event);
  const bitrates = events
    .filter((e) => e.eventType === 'bitrateChange')
    .map((e) => e.qoeData?.['media.qoe.bitrate']);
  console.log(
    `BITRATE ${driver.engine} levels=${JSON.stringify(before)} bitrateChange=${JSON.stringify(bitrates)}`,
  );
  // One switch, one bitrateChange, carrying the declared BANDWIDTH as an integer in bit/s.
  expect(bitrates).toEqual([target]);
});
