// The plugin delivering through the Media Edge API (`api: 'edge'`, docs/edge.md#delivery-through-the-edge)
// end to end: the harness with `api=edge` posts to the emulator's Edge routes, which validate every body
// against Adobe's OpenAPI document and record it in its Media Collection form, so the same sequence rules
// and the same outbox audit judge it. Short media and short ads keep each test to seconds of real time.
import type { McEvent } from '../src/mc/types';
import { type Collector, type EmulatedSession, waitForEvents } from './support/collector';
import { expect, test } from './support/fixtures';
import {
  expectExact,
  pauseAndPlay,
  printOutbox,
  recordPages,
  storedEvents,
  waitForDrain,
  waitFullyBuffered,
} from './support/outbox';
import { offlineSwitch } from './support/outbox-offline';
import { openHarness, startPlayback } from './support/player';

const EDGE = { api: 'edge', record: 1 } as const;
/** `downloaded` needs an identityMap: the ECID a site gives (or `identity: 'auto'` finds). */
const WITH_ECID = {
  opts: { params: { 'visitor.marketingCloudUserId': '12345678901234567890123456789012345678' } },
};

const accepted = (s: EmulatedSession | undefined) => (s?.events ?? []).filter((e) => e.status < 300);
const typesOf = (s: EmulatedSession | undefined, skip = /^(ping|state)/) =>
  accepted(s)
    .map((e) => e.event.eventType)
    .filter((t) => !skip.test(t));
const live = (all: EmulatedSession[]) => all.filter((s) => !s.downloaded);
const xdmPlayhead = (edge: unknown) =>
  (edge as { mediaCollection?: { playhead?: unknown } } | undefined)?.mediaCollection?.playhead;

async function expectNoProblems(collector: Collector) {
  const r = await collector.report();
  expect(r.validationErrors, 'validation errors').toEqual([]);
  expect(r.findings, 'sequence findings').toEqual([]);
}

/**
 * Every accepted Edge event carries an integer playhead, the player's own (as produced, rounded): the
 * produced event is found by type and ts, which the Edge keeps to the millisecond.
 */
function expectIntegerPlayheads(sessions: EmulatedSession[], produced: readonly McEvent[]) {
  const byKey = new Map(produced.map((e) => [`${e.eventType}@${e.playerTime.ts}`, e]));
  let checked = 0;
  for (const recorded of sessions.flatMap(accepted)) {
    if (recorded.edge === undefined || recorded.event.eventType.startsWith('state')) continue;
    const playhead = xdmPlayhead(recorded.edge);
    expect(Number.isInteger(playhead), `integer playhead on ${recorded.event.eventType}`).toBe(true);
    const source = byKey.get(`${recorded.event.eventType}@${recorded.event.playerTime.ts}`);
    if (source === undefined) continue; // a resume copy or a closing sessionEnd delivery made
    expect(playhead).toBe(Math.round(source.playerTime.playhead));
    checked += 1;
  }
  expect(checked).toBeGreaterThan(0);
}

test('content, pre-, mid- and post-roll, chapters, states through the Edge: no finding, integer playheads', async ({
  context,
  page,
  collector,
}) => {
  test.setTimeout(90_000);
  const recorded = recordPages(context);
  await openHarness(page, collector, {
    ...EDGE,
    media: 'short.webm',
    chapters: 1,
    ads: 'contrib',
    schedule: { preroll: ['ad1.webm'], midroll: { at: 2, ads: ['ad2.webm'] }, postroll: ['ad1.webm'] },
  });
  await startPlayback(page, 30_000);
  // A state change mid-content: the muted harness player is unmuted (statesUpdate statesEnd mute).
  await expect
    .poll(() => page.evaluate(() => window.player.currentTime() ?? 0), { timeout: 30_000 })
    .toBeGreaterThan(3);
  await page.evaluate(() => window.player.muted(false));
  const [session, ...others] = await waitForEvents(
    collector,
    (all) => all.some((s) => typesOf(s).includes('sessionComplete')),
    60_000,
  );
  expect(others).toEqual([]);
  expect(session?.api).toBe('edge');
  // Adobe's timeline 1, as e2e/ads.spec.ts asserts it for the Media Collection API.
  expect(typesOf(session, /^(ping|state|chapter)/)).toEqual([
    'sessionStart',
    'adBreakStart',
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
  ]);
  const all = typesOf(session, /^ping$/);
  expect(all).toContain('chapterStart');
  expect(all).toContain('stateEnd');
  // Every call after the start went to the session's location hint, with the datastream.
  const edgeRequests = (await collector.report()).edgeRequests;
  const paths = edgeRequests.map((r) => r.path);
  expect(paths[0]).toMatch(/^\/ee\/va\/v1\/sessionStart\?configId=e2e-datastream$/);
  for (const path of paths.slice(1))
    expect(path).toMatch(/^\/ee\/emu1\/va\/v1\/\w+\?configId=e2e-datastream$/);
  expect(paths.some((p) => p.includes('/statesUpdate?'))).toBe(true);
  expectIntegerPlayheads(
    [session!],
    (await recorded.read()).produced.map((p) => p.event),
  );
  await expectNoProblems(collector);
});

test('a player error through the Edge: errorDetails, accepted, no finding', async ({ page, collector }) => {
  await openHarness(page, collector, EDGE);
  await startPlayback(page);
  await page.waitForTimeout(1_000);
  await page.evaluate(() => window.player.error(3));
  const [session] = await waitForEvents(collector, (all) => all.some((s) => typesOf(s).includes('error')));
  const error = accepted(session).find((e) => e.event.eventType === 'error');
  expect(error?.edge).toMatchObject({
    eventType: 'media.error',
    mediaCollection: { errorDetails: { name: 'MEDIA_ERR_DECODE', source: 'player' } },
  });
  expect(Number.isInteger(xdmPlayhead(error?.edge))).toBe(true);
  await expectNoProblems(collector);
});

test('collector unreachable 30 s mid-content, then a reload while offline: nothing lost, nothing twice, in order', async ({
  browserName,
  context,
  page,
  collector,
}) => {
  test.setTimeout(120_000);
  // Before the first page: in Firefox the switch is an init script of the pages (support/outbox-offline.ts).
  const net = await offlineSwitch(context, collector, browserName);
  const recorded = recordPages(context);
  await openHarness(page, collector, { ...EDGE, ...WITH_ECID });
  await waitFullyBuffered(page);
  await startPlayback(page);
  // Half speed keeps the 30 s content playing through the whole outage.
  await page.evaluate(() => window.player.playbackRate(0.5));
  await waitForDrain(collector, recorded, { since: Date.now() });
  await collector.addFault({ refuse: true, forMs: 30_000 });
  const down = Date.now();
  await page.waitForTimeout(30_000);
  const outage = await waitForDrain(collector, recorded, { since: down + 30_000, timeoutMs: 70_000 });
  printOutbox('edge-unreachable-30s-mid-content', outage.audit, outage.drainMs);
  await expectExact(collector, outage.audit);

  const online = (await recorded.read()).produced.length;
  await net.set(true);
  await pauseAndPlay(page);
  await page.reload();
  await page.waitForFunction(() => typeof window.player?.currentTime === 'function');
  const offline = (await recorded.read()).produced.slice(online);
  expect(offline.at(-1)?.event.eventType, 'the old page ended its session as it went').toBe('sessionEnd');
  await expect
    .poll(() => storedEvents(page), 'every event produced offline is in IndexedDB')
    .toBe(offline.length);
  const since = Date.now();
  await net.set(false);
  const { audit, drainMs } = await waitForDrain(collector, recorded, { since });
  printOutbox(`edge-reload-while-offline(${net.mode})`, audit, drainMs);
  await expectExact(collector, audit);
  const sessions = await collector.sessions();
  expect(sessions.map((s) => [s.api, s.closed])).toEqual([['edge', 'ended']]);
  await expectNoProblems(collector);
});

test('410 on an Edge event: one new session with hasResume, the refused event in an Edge downloaded batch', async ({
  page,
  collector,
}) => {
  await openHarness(page, collector, { ...EDGE, ...WITH_ECID });
  await startPlayback(page);
  await waitForEvents(collector, (all) => typesOf(all[0]).includes('play'));
  await page.waitForTimeout(1_000);
  await collector.expire();
  await page.evaluate(() => window.player.pause());
  const all = await waitForEvents(
    collector,
    (s) => typesOf(live(s)[1]).includes('pauseStart') && s.some((x) => x.downloaded),
  );
  const [first, second, ...more] = live(all);
  expect(more).toEqual([]);
  expect(first?.closed).toBe('expired');
  expect(second?.resume).toBe(true);
  expect(typesOf(second)).toEqual(['sessionStart', 'pauseStart']);
  const downloaded = all.find((s) => s.downloaded);
  expect(downloaded?.api).toBe('edge');
  expect(typesOf(downloaded)).toEqual(['sessionStart', 'pauseStart', 'sessionEnd']);
  const start = accepted(downloaded)[0]?.edge as {
    mediaCollection?: { sessionDetails?: Record<string, unknown> };
  };
  expect(start?.mediaCollection?.sessionDetails?.hasResume).toBe(true);
  const paths = (await collector.report()).edgeRequests.map((r) => r.path);
  expect(paths.filter((p) => p.includes('/va/v1/downloaded?'))).toHaveLength(1);
  expect((await collector.report()).validationErrors).toEqual([]);
});

test('a Media Collection page never requests the Edge code; an Edge page loads it', async ({
  browser,
  collector,
}) => {
  const edgeModules = async (query: Record<string, string | number>) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen: string[] = [];
    // The Edge chunk's code (docs/edge.md): the built demo's `edge-protocol-<hash>.js`, or src/edge/'s
    // modules when a local `npm run demo` dev server was reused.
    page.on('request', (request) => {
      const url = new URL(request.url()).pathname;
      if (/\/assets\/edge-protocol-[^/]*\.js$|\/src\/edge\//.test(url)) seen.push(url);
    });
    await openHarness(page, collector, query);
    await startPlayback(page);
    await waitForEvents(collector, (all) => all.some((s) => typesOf(s).includes('play')));
    await context.close();
    await collector.reset();
    return seen;
  };
  expect(await edgeModules({})).toEqual([]);
  expect(
    (await edgeModules({ api: 'edge' })).filter((url) => /edge-protocol[^/]*\.(js|ts)$/.test(url)),
  ).toHaveLength(1);
});
