// Ads in every engine: the demo schedule (pre-roll pod of two, mid-roll, post-roll) through
// videojs-contrib-ads with chapters, and through the IMA stand-in. Timeline 1's exact order.
// Tagged @webkit: e2e/ads.spec.ts and e2e/ads-ima.spec.ts cover them in Chromium and Firefox.
import { openHarnessIn, startPlaybackIn } from '../support/driver';
import { acceptedTypes, expectClean, recordIn } from '../support/engine-checks';
import { expect, test } from '../support/engine-fixtures';
import { pollUntil } from '../support/poll';

const TIMELINE_1 = [
  'sessionStart',
  'adBreakStart',
  'adStart',
  'adComplete',
  'adStart',
  'adComplete',
  'adBreakComplete',
  'play',
  'adBreakStart',
  'adStart',
  'adComplete',
  'adBreakComplete',
  'adBreakStart',
  'adStart',
  'adComplete',
  'adBreakComplete',
  'sessionComplete',
];

for (const stack of ['contrib', 'ima'] as const) {
  test(`ads (${stack}): pre-roll pod, mid-roll, post-roll${stack === 'contrib' ? ', chapters' : ''} @webkit`, async ({
    driver,
    collector,
  }) => {
    test.setTimeout(150_000);
    const recorder = recordIn(driver);
    await openHarnessIn(driver, collector, {
      record: 1,
      ads: stack,
      ...(stack === 'contrib' ? { chapters: 1 } : {}),
    });
    await startPlaybackIn(driver, 30_000);
    await pollUntil(async () => (await acceptedTypes(collector))[0]?.includes('sessionComplete') ?? false, {
      timeoutMs: 110_000,
      message: () => 'no sessionComplete',
    });
    await expectClean(collector, recorder, `ads-${stack}`);
    const [types, ...others] = await acceptedTypes(collector);
    expect(others).toEqual([]);
    const main = (types ?? []).filter(
      (t) => t !== 'ping' && !t.startsWith('state') && !t.startsWith('chapter'),
    );
    expect(main).toEqual(TIMELINE_1);
    if (stack === 'contrib')
      expect((types ?? []).filter((t) => t === 'chapterStart').length).toBeGreaterThanOrEqual(2);
  });
}
