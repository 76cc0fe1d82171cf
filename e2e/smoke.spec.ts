// Smoke tests of the test infrastructure itself, without the plugin: the media plays, the stall middleware
// really freezes playback in this browser, and the cross-origin collector answers with a readable Location.
// If one of these fails, the plugin specs' failures say nothing about the plugin.
import { demoParams } from '../demo/demo-options';
import { waitForEvents } from './support/collector';
import { expect, TIMING, test } from './support/fixtures';
import {
  currentTime,
  installVisibilityOverride,
  openHarness,
  setVisibility,
  startPlayback,
  waitForStall,
} from './support/player';
import { CONTENT_STALL } from './support/stall';

test('content plays without the plugin', async ({ page, collector }) => {
  await openHarness(page, collector, { noplugin: 1 });
  await startPlayback(page);
  await expect.poll(() => currentTime(page), { timeout: 10_000 }).toBeGreaterThan(1);
  expect(await page.evaluate(() => window.player.error())).toBeNull();
});

test('the stall middleware freezes playback, which then resumes', TIMING, async ({ page, collector }) => {
  await openHarness(page, collector, { noplugin: 1, slow: CONTENT_STALL.query });
  await startPlayback(page);
  const stall = await waitForStall(page);
  test.info().annotations.push({ type: 'stall', description: JSON.stringify(stall) });
  expect(stall.frozenMs).toBeGreaterThanOrEqual(2000);
  // "A few seconds into playback": after the first frames, well before the end of the content.
  expect(stall.at).toBeGreaterThan(1);
  expect(stall.at).toBeLessThan(CONTENT_STALL.latestFreezeAt);
});

const sessionStart = () => ({
  eventType: 'sessionStart',
  playerTime: { playhead: 0, ts: Date.now() },
  params: { ...demoParams('smoke'), 'media.length': 30 },
});

test('a cross-origin sessionStart gets 201 and a readable Location', async ({ page, collector }) => {
  await openHarness(page, collector, { noplugin: 1 });
  const answer = await page.evaluate(
    async ({ collector, body }) => {
      const response = await fetch(`${collector}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, location: response.headers.get('Location') };
    },
    { collector: collector.url, body: sessionStart() },
  );
  expect(answer.status).toBe(201);
  // Readable only if the collector exposes it through Access-Control-Expose-Headers.
  expect(answer.location).toMatch(/\/api\/v1\/sessions\/[0-9a-f]+$/);
  const sid = answer.location!.split('/').pop();
  expect((await collector.sessions()).map((s) => s.sid)).toEqual([sid]);
});

test('the collector helpers drive the emulator', async ({ collector }) => {
  const post = () =>
    fetch(`${collector.url}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(sessionStart()),
    });
  expect((await collector.setConfig({ idleTimeoutMs: 60_000 })).idleTimeoutMs).toBe(60_000);
  await collector.addFault({ status: 503, times: 1, match: 'sessions' });
  expect((await post()).status).toBe(503);
  expect((await post()).status).toBe(201);
  await collector.addFault({ status: 500, match: 'all' });
  await collector.clearFaults();
  expect((await post()).status).toBe(201);
  const [first] = await waitForEvents(collector, (all) => all.length === 2, 2_000);
  expect((await collector.expire(first!.sid)).expired).toEqual([first!.sid]);
  expect((await collector.sessions()).map((s) => s.closed)).toEqual(['expired', 'open']);
  const { requests, faulted } = await collector.report();
  expect({ requests, faulted: faulted.map((f) => f.status) }).toEqual({ requests: 3, faulted: [503] });
  await collector.reset();
  expect(await collector.sessions()).toEqual([]);
});

test('the visibility override hides and shows the page', async ({ page, collector }) => {
  await installVisibilityOverride(page);
  await openHarness(page, collector, { noplugin: 1 });
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    window.addEventListener('visibilitychange', () =>
      seen.push(`${document.visibilityState}:${document.hidden}`),
    );
  });
  await setVisibility(page, 'hidden');
  await setVisibility(page, 'visible');
  expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([
    'hidden:true',
    'visible:false',
  ]);
});
