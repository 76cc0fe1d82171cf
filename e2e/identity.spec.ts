// Identity (docs/identity.md): with Adobe's Visitor API on the page, sessionStart carries the visitor's
// ECID as `visitor.marketingCloudUserId`; when the API never answers, sessionStart leaves without it
// after the 1 s wait, and the page hears MC_IDENTITY_TIMEOUT. The Visitor API here is a stand-in
// written for these tests: it implements the documented methods (Visitor.getInstance(orgId),
// getMarketingCloudVisitorID(callback, forceCallCallback)), nothing else. The Web SDK is the real one,
// @adobe/alloy from npm, asking the emulator's Edge mode (behind TLS and a proxy, e2e/support/edge-peer.ts)
// for the visitor's identity.
import type { Page } from '@playwright/test';
import { demoParams } from '../demo/demo-options';
import { EDGE_ECID, EDGE_ORG_ID } from '../src/emulator/index';
import { waitForEvents } from './support/collector';
import { EDGE_HOST, type EdgePeer, startEdgePeer } from './support/edge-peer';
import { expect, TIMING, test } from './support/fixtures';
import { openHarness, startPlayback } from './support/player';

const ECID = '12345678901234567890123456789012345678';

/** Installs the stand-in before any page script: `answerMs` null never calls back. */
async function installVisitorStandIn(page: Page, answerMs: number | null): Promise<void> {
  await page.addInitScript(
    ({ ecid, answerMs }) => {
      const w = window as unknown as { Visitor: unknown; __visitorOrgs: string[] };
      w.__visitorOrgs = [];
      w.Visitor = {
        getInstance(orgId: string) {
          w.__visitorOrgs.push(orgId);
          return {
            getMarketingCloudVisitorID(callback: (id: string) => void) {
              if (answerMs !== null) setTimeout(() => callback(ecid), answerMs);
              return ''; // not known yet: the documented synchronous answer
            },
          };
        },
      };
    },
    { ecid: ECID, answerMs },
  );
}

/** Keeps every mediacollection:error code the player triggers in `window.__errors`. */
const watchErrors = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __errors: string[] };
    w.__errors = [];
    window.player.on('mediacollection:error', (_e: unknown, data: { code: string }) =>
      w.__errors.push(data.code),
    );
  });
const errors = (page: Page) => page.evaluate(() => (window as unknown as { __errors: string[] }).__errors);

test('with the Visitor API on the page, sessionStart carries its ECID', async ({ page, collector }) => {
  await installVisitorStandIn(page, 200);
  await openHarness(page, collector);
  await watchErrors(page);
  await startPlayback(page);
  const [session] = await waitForEvents(collector, (all) => (all[0]?.events.length ?? 0) >= 2);
  const start = session!.events[0]!.event;
  expect(start.eventType).toBe('sessionStart');
  expect(start.params?.['visitor.marketingCloudUserId']).toBe(ECID);
  expect(await page.evaluate(() => (window as unknown as { __visitorOrgs: string[] }).__visitorOrgs)).toEqual(
    [demoParams('x')['visitor.marketingCloudOrgId']],
  );
  expect(await errors(page)).toEqual([]);
});

test('an ECID the site put in params wins over the Visitor API', async ({ page, collector }) => {
  await installVisitorStandIn(page, 0);
  await openHarness(page, collector, { opts: { params: { 'visitor.marketingCloudUserId': 'site-given' } } });
  await startPlayback(page);
  const [session] = await waitForEvents(collector, (all) => (all[0]?.events.length ?? 0) >= 1);
  expect(session!.events[0]!.event.params?.['visitor.marketingCloudUserId']).toBe('site-given');
});

test(
  'a Visitor API that never answers: sessionStart leaves within 1.2 s without an ECID, reported',
  TIMING,
  async ({ page, collector }) => {
    await installVisitorStandIn(page, null);
    await openHarness(page, collector);
    await watchErrors(page);
    await startPlayback(page);
    const [session] = await waitForEvents(collector, (all) => (all[0]?.events.length ?? 0) >= 2);
    const { event, receivedAt } = session!.events[0]!;
    expect(event.eventType).toBe('sessionStart');
    expect(event.params?.['visitor.marketingCloudUserId']).toBeUndefined();
    // ts is the play intent (kept as it was); it reached the collector after the 1 s wait, within 1.2 s.
    const waited = receivedAt - event.playerTime.ts;
    test.info().annotations.push({ type: 'sessionStart after', description: `${waited} ms` });
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThanOrEqual(1200);
    expect(await errors(page)).toContain('MC_IDENTITY_TIMEOUT');
    expect(await page.evaluate(() => window.player.error())).toBeNull();
  },
);

/** The emulator's Edge behind TLS and a proxy, as e2e/edge-alloy.spec.ts uses it, beside the MC collector. */
const withEdge = test.extend<{ peer: EdgePeer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  peer: async ({}, use) => {
    const peer = await startEdgePeer();
    try {
      await use(peer);
    } finally {
      await peer.close();
    }
  },
  proxy: async ({ peer }, use) => {
    await use({ server: `http://127.0.0.1:${peer.proxyPort}`, bypass: '127.0.0.1,localhost' });
  },
  ignoreHTTPSErrors: true,
});

withEdge(
  'with Adobe’s Web SDK on the page, sessionStart carries the ECID its getIdentity got from the Edge',
  async ({ page, collector, peer }) => {
    // The real SDK loads, then asks the Edge through a TLS proxy: on a loaded 2-core CI machine that took
    // over the default 1 s (CI run of 2026-12-02). The wait is the site's to set; the 1 s default and its
    // timeout report are checked with the Visitor API stand-in above.
    await openHarness(page, collector, {
      alloy: EDGE_HOST,
      org: EDGE_ORG_ID,
      opts: { identityTimeout: 5_000 },
    });
    await watchErrors(page);
    await startPlayback(page);
    const [session] = await waitForEvents(collector, (all) => (all[0]?.events.length ?? 0) >= 2);
    const start = session!.events[0]!.event;
    expect(start.params?.['visitor.marketingCloudUserId']).toBe(EDGE_ECID);
    expect(await errors(page)).toEqual([]);
    // It was the real SDK asking the Edge: its identity request reached the emulator.
    const paths = peer.emulator.report().edgeRequests.map((r) => r.path);
    expect(paths.some((p) => p.includes('/v1/identity/acquire'))).toBe(true);
  },
);
