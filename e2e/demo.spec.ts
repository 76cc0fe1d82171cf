// The demo page (demo/index.html) driven like a person: play, watch the pre-roll, pause, take the
// collector offline, bring it back, let the session end. Then the panel must show what the emulator
// received — the same events in the same order, the ad bands where the breaks were — and pass axe.
// The panel's screenshot after the run is saved as panel.png in this test's output folder.
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import type { McEvent } from '../src/mc/types';
import { type EmulatedSession, waitForEvents } from './support/collector';
import { expect, test } from './support/fixtures';
import { demoPath } from './support/player';

test.use({ viewport: { width: 1280, height: 1000 } });

const timeline = (page: Page) => page.locator('#timeline');
const outboxState = (page: Page) => page.locator('#outbox-state');
const accepted = (s: EmulatedSession): McEvent[] =>
  s.events.filter((e) => e.status < 300).map((e) => e.event);
const done = (all: EmulatedSession[]) =>
  all.some((s) => accepted(s).some((e) => e.eventType === 'sessionComplete'));

/** The events the timeline draws as acknowledged (dots and ping ticks), in ts order, as "type@ts". */
function timelineAcknowledged(page: Page): Promise<string[]> {
  return timeline(page)
    .locator('[data-kind="event"][data-acknowledged="true"], [data-kind="ping"][data-acknowledged="true"]')
    .evaluateAll((shapes) =>
      shapes
        .map((s) => ({ type: s.getAttribute('data-type') ?? 'ping', ts: Number(s.getAttribute('data-ts')) }))
        .sort((a, b) => a.ts - b.ts)
        .map((e) => `${e.type}@${e.ts}`),
    );
}

/** The event log's acknowledged rows, in table order, as "type@ts". */
function logAcknowledged(page: Page): Promise<string[]> {
  return page
    .locator('#event-log tbody tr[data-status="acknowledged"]')
    .evaluateAll((rows) =>
      rows.map((r) => `${(r as HTMLElement).dataset.type}@${(r as HTMLElement).dataset.ts}`),
    );
}

async function axeCheck(page: Page, testInfo: TestInfo, name: string, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const summary = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.length,
    help: v.help,
  }));
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  testInfo.annotations.push({
    type: `axe ${name}`,
    description: `${results.passes.length} rules passed; violations: ${JSON.stringify(summary)}`,
  });
  console.log(
    `AXE ${testInfo.project.name} ${name} passes=${results.passes.length} violations=${JSON.stringify(summary)}`,
  );
  expect(summary.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

test('a full run: the panel shows what the collector received', async ({ page, collector }, testInfo) => {
  test.setTimeout(170_000);
  await page.goto(demoPath(collector.url));
  await expect(page.locator('#collector-state')).toHaveText('online');

  await test.step('play and watch the pre-roll', async () => {
    await page.locator('.vjs-big-play-button').click();
    await expect(timeline(page).locator('[data-kind="ad-break"]').first()).toBeVisible({ timeout: 20_000 });
    // The pre-roll is over once the content's first play is acknowledged.
    await expect(timeline(page).locator('[data-type="play"][data-acknowledged="true"]')).toHaveCount(1, {
      timeout: 40_000,
    });
  });

  await test.step('pause for a moment', async () => {
    await page.locator('#player').hover();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(timeline(page).locator('[data-type="pauseStart"][data-acknowledged="true"]')).toHaveCount(1);
    await page.waitForTimeout(2_000); // a person's pause, long enough to see on the timeline
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(timeline(page).locator('[data-type="play"][data-acknowledged="true"]')).toHaveCount(2);
  });

  await test.step('take the collector offline until an event waits, then bring it back', async () => {
    await page.getByRole('button', { name: 'Take the collector offline' }).click();
    await expect(page.locator('#collector-state')).toHaveText(/^offline/);
    await expect(outboxState(page)).toHaveText('retrying', { timeout: 30_000 });
    // A few events wait (hollow on the timeline) before the collector comes back.
    await expect
      .poll(() => page.locator('#outbox-depth').getAttribute('data-depth').then(Number), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(3);
    await expect(timeline(page).locator('[data-acknowledged="false"]').first()).toBeAttached();
    await page.getByRole('button', { name: 'Bring the collector back online' }).click();
    await expect(page.locator('#collector-state')).toHaveText('online');
    // Backoff decides when the outbox tries again: up to a minute after the first failures.
    await expect(page.locator('#outbox-depth')).toHaveAttribute('data-depth', '0', { timeout: 70_000 });
    await expect(timeline(page).locator('[data-kind="offline"]')).toHaveCount(1);
    await expect(timeline(page).locator('[data-kind="state-retrying"]').first()).toBeAttached();
  });

  const [session, ...others] = await waitForEvents(collector, done, 100_000);
  expect(others).toEqual([]);
  const received = accepted(session!);
  const expected = received.map((e) => `${e.eventType}@${e.playerTime.ts}`);

  await test.step('the panel shows the same events in the same order', async () => {
    await expect(
      timeline(page).locator('[data-type="sessionComplete"][data-acknowledged="true"]'),
    ).toHaveCount(1);
    await expect.poll(() => timelineAcknowledged(page)).toEqual(expected);
    expect(await logAcknowledged(page)).toEqual(expected);
    await expect(page.locator('#outbox-state')).toHaveText('online');
    // The lane's title compares its count with the collector's (polled every 1.5 s).
    await expect(page.locator('#timeline .lane-title')).toContainText(
      `collector has ${received.length}, acknowledged here ${received.length}`,
    );
  });

  await test.step('the ad bands are where the breaks were', async () => {
    const breaks: [number, number][] = [];
    let from = 0;
    for (const e of received) {
      if (e.eventType === 'adBreakStart') from = e.playerTime.ts;
      if (e.eventType === 'adBreakComplete') breaks.push([from, e.playerTime.ts]);
    }
    expect(breaks).toHaveLength(3); // pre-roll, mid-roll, post-roll
    const bands = await timeline(page)
      .locator('[data-kind="ad-break"]')
      .evaluateAll((rects) =>
        rects.map((r) => [Number(r.getAttribute('data-from')), Number(r.getAttribute('data-to'))]),
      );
    expect(bands).toEqual(breaks);
  });

  await test.step('screenshot and accessibility of the panel', async () => {
    await expect(page.locator('#findings-summary')).toHaveText(/finding/);
    const path = testInfo.outputPath('panel.png');
    await page.locator('#panel').screenshot({ path });
    await testInfo.attach('panel', { path, contentType: 'image/png' });
    await axeCheck(page, testInfo, 'panel', '#panel');
  });
});

test('the panel works from the keyboard: an event body opens in a dialog and closes with Escape', async ({
  page,
  collector,
}, testInfo) => {
  await page.goto(demoPath(collector.url));
  await page.locator('.vjs-big-play-button').click();
  // Every control is reachable with Tab, in reading order, by its name.
  const reached: string[] = [];
  for (let i = 0; i < 60 && !reached.includes('Hide pings'); i++) {
    await page.keyboard.press('Tab');
    reached.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return (
          el?.closest('label')?.textContent?.trim() ||
          el?.getAttribute('aria-label') ||
          el?.textContent?.trim() ||
          ''
        );
      }),
    );
  }
  const controls = [
    'Take the collector offline',
    'Answer the next event with 500',
    'Answer the next event with 410',
    'Reload with a full queue',
    'Add a second player',
    "The emulator's full session report",
    'Hide pings',
  ];
  expect(reached.filter((name) => controls.includes(name))).toEqual(controls);
  const first = page.getByRole('button', { name: /^Body of #1 sessionStart$/ });
  await expect(first).toBeVisible({ timeout: 20_000 });
  await first.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '#1 sessionStart' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('pre')).toContainText('"eventType": "sessionStart"');
  await axeCheck(page, testInfo, 'dialog', '#body-dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(first).toBeFocused();
});

test('the manual ad path: the same breaks through the tracker calls, and no findings', async ({
  page,
  collector,
}) => {
  test.setTimeout(90_000);
  await page.goto(demoPath(collector.url));
  await page.getByRole('radio', { name: 'manual tracker calls' }).check();
  await expect(page).toHaveURL(/[?&]ads=manual/);
  await expect(page.getByRole('radio', { name: 'manual tracker calls' })).toBeChecked();
  await page.locator('.vjs-big-play-button').click();
  // Pre-roll and mid-roll, both closed (this path has no post-roll).
  await expect(timeline(page).locator('[data-kind="ad-break"]:not([data-to=""])')).toHaveCount(2, {
    timeout: 60_000,
  });
  const breaksClosed = (all: EmulatedSession[]) =>
    all.length > 0 && accepted(all[0]!).filter((e) => e.eventType === 'adBreakComplete').length === 2;
  const [session] = await waitForEvents(collector, breaksClosed);
  const received = accepted(session!);
  expect(session!.findings).toEqual([]);
  expect(
    received.filter((e) => e.eventType === 'adStart').map((e) => e.params?.['media.ad.podPosition']),
  ).toEqual([1, 2, 1]);
  const bands = await timeline(page)
    .locator('[data-kind="ad-break"]')
    .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('data-from'))));
  expect(bands).toEqual(received.filter((e) => e.eventType === 'adBreakStart').map((e) => e.playerTime.ts));
});

test('reload with a full queue: the next page replays what waited, once the collector is back', async ({
  page,
  collector,
}) => {
  test.setTimeout(120_000);
  await page.goto(demoPath(collector.url));
  await page.locator('.vjs-big-play-button').click();
  await expect(timeline(page).locator('[data-type="play"][data-acknowledged="true"]')).toHaveCount(1, {
    timeout: 40_000,
  });
  await page.getByRole('button', { name: 'Reload with a full queue' }).click();
  await expect(page.locator('#control-status')).toContainText('Reloaded with', { timeout: 20_000 });
  await expect(page.locator('#collector-state')).toHaveText(/^offline/);
  // The new page adopts the old page's events from IndexedDB: they wait, shown as an earlier page's.
  await expect(page.locator('#event-log tbody tr').first()).toContainText('(earlier page)', {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Bring the collector back online' }).click();
  await expect(page.locator('#outbox-depth')).toHaveAttribute('data-depth', '0', { timeout: 70_000 });
  const [session] = await waitForEvents(collector, (all) => all[0]?.closed === 'ended', 10_000);
  const replayed = await logAcknowledged(page);
  const received = accepted(session!).map((e) => `${e.eventType}@${e.playerTime.ts}`);
  // What this page replayed is the tail of what the collector received for the old session, in order.
  expect(replayed.length).toBeGreaterThan(0);
  expect(received.slice(-replayed.length)).toEqual(replayed);
  expect(replayed.at(-1)).toMatch(/^sessionEnd@/);
});

test('the API switch: with Media Edge the demo’s session reaches the Edge routes and the panel shows it', async ({
  page,
  collector,
}) => {
  await page.goto(demoPath(collector.url, { api: 'edge' }));
  await expect(page.locator('input[name="api"][value="edge"]')).toBeChecked();
  await page.locator('#player .vjs-big-play-button').click();
  const [session] = await waitForEvents(
    collector,
    (all) => all.some((s) => accepted(s).some((e) => e.eventType === 'adStart')),
    20_000,
  );
  expect(session?.api).toBe('edge');
  const received = accepted(session!).map((e) => `${e.eventType}@${e.playerTime.ts}`);
  // The panel reads the tracker's reports and the emulator's report alike for either API.
  await expect
    .poll(async () => (await logAcknowledged(page)).filter((row) => received.includes(row)).length)
    .toBeGreaterThanOrEqual(3);
  expect((await collector.report()).edgeRequests[0]?.path).toMatch(/^\/ee\/va\/v1\/sessionStart\?configId=/);
});
