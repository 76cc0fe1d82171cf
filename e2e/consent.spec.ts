// Consent (docs/consent.md): while `pending` the plugin tracks but nothing reaches the collector or
// IndexedDB; `in` delivers what was held, in order, with its original ts; `out` discards it and deletes
// what the origin stored, and the player plays on. Judged on what the emulator received and on the
// page's own IndexedDB.
import type { Page } from '@playwright/test';
import type { Outgoing } from '../src/mc/types';
import { summarise, waitForEvents } from './support/collector';
import { expect, test } from './support/fixtures';
import { pauseAndPlay } from './support/outbox';
import { storedOutbox } from './support/page-storage';
import { currentTime, openHarness, startPlayback } from './support/player';

type Tracker = { setConsent(c: string): void; events$: { subscribe(f: (o: Outgoing) => void): void } };

/** Keeps every event the tracker produces in `window.__produced` (in memory: nothing is stored). */
async function watchProduced(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __produced: Outgoing[]; tracker: Tracker };
    w.__produced = [];
    w.tracker.events$.subscribe((o) => w.__produced.push(o));
  });
}
const produced = (page: Page) =>
  page.evaluate(() => (window as unknown as { __produced: Outgoing[] }).__produced.map((o) => o.event));
const setConsent = (page: Page, consent: string) =>
  page.evaluate((c) => (window.tracker as Tracker).setConsent(c), consent);
const line = (e: { eventType: string; playerTime: { ts: number } }) => `${e.eventType}@${e.playerTime.ts}`;

test('pending: 15 s of play reach neither the collector nor IndexedDB; in: all of it arrives, in order, original ts', async ({
  page,
  collector,
}) => {
  test.setTimeout(90_000);
  await openHarness(page, collector, { opts: { consent: 'pending' } });
  await watchProduced(page);
  await startPlayback(page);
  await page.waitForTimeout(15_000);
  const held = await produced(page);
  expect(held.filter((e) => e.eventType === 'ping').length).toBeGreaterThanOrEqual(1); // tracking ran
  expect(await collector.sessions()).toEqual([]);
  expect(await storedOutbox(page)).toEqual({ exists: false, entries: 0 });

  await setConsent(page, 'in');
  const sessions = await waitForEvents(collector, (all) => (all[0]?.events.length ?? 0) >= held.length);
  expect(sessions, JSON.stringify(summarise(sessions))).toHaveLength(1);
  const arrived = sessions[0]!.events.map((e) => e.event);
  expect(arrived.slice(0, held.length).map(line)).toEqual(held.map(line));
  expect(sessions[0]!.events.every((e) => e.status === 201 || e.status === 204)).toBe(true);
  // And it goes on live: what the page produces next (a pause and a play, not a wait for the next ping)
  // arrives too.
  await pauseAndPlay(page);
  const later = await waitForEvents(collector, (all) => (all[0]?.events.length ?? 0) > held.length + 1);
  expect(later[0]!.events.map((e) => line(e.event))).toEqual(
    (await produced(page)).slice(0, later[0]!.events.length).map(line),
  );
  const report = await collector.report();
  expect(report.findings).toEqual([]);
  expect(report.validationErrors).toEqual([]);
});

test('pending → out: nothing sent, nothing stored, the player plays on', async ({ page, collector }) => {
  await openHarness(page, collector, { opts: { consent: 'pending' } });
  await watchProduced(page);
  await startPlayback(page);
  await page.waitForTimeout(3_000);
  await setConsent(page, 'out');
  const producedAtOut = (await produced(page)).length;
  const at = await currentTime(page);
  await page.waitForTimeout(3_000);
  expect(await currentTime(page)).toBeGreaterThan(at + 1); // still playing
  expect(await page.evaluate(() => window.player.error())).toBeNull();
  expect((await produced(page)).length).toBe(producedAtOut); // nothing more produced
  expect(await collector.sessions()).toEqual([]);
  expect((await storedOutbox(page)).entries).toBe(0);
});

test('in → out: what the origin stored is deleted and nothing more is sent', async ({ page, collector }) => {
  // The collector refuses every connection, so what the page produces stays stored.
  await collector.addFault({ refuse: true });
  await openHarness(page, collector);
  await startPlayback(page);
  await expect.poll(async () => (await storedOutbox(page)).entries, { timeout: 10_000 }).toBeGreaterThan(0);
  await setConsent(page, 'out');
  await expect.poll(async () => (await storedOutbox(page)).entries, { timeout: 5_000 }).toBe(0);
  await collector.clearFaults();
  await page.waitForTimeout(3_000);
  expect(await collector.sessions()).toEqual([]);
  expect(await currentTime(page)).toBeGreaterThan(1);
});

test('a reload while pending leaks nothing, not even to a next page whose consent is in', async ({
  page,
  collector,
}) => {
  await openHarness(page, collector, { opts: { consent: 'pending' } });
  await startPlayback(page);
  await page.waitForTimeout(3_000);
  await openHarness(page, collector); // pagehide on the pending page; the next page's consent is in
  await page.waitForTimeout(3_000);
  expect(await collector.sessions()).toEqual([]);
  expect((await storedOutbox(page)).entries).toBe(0);
});
