// The collector unreachable for 30 s (refused at the server, so keepalive requests are cut too):
// the page keeps producing events with their real ts, probes with backoff, and delivers everything
// in order once the collector is back. Real time on purpose: the 30 s outage is the scenario.
import { expect, test } from '@playwright/test';
import { addFault, report, resetCollector } from './support/collector';
import { expectExact, printOutbox, recordPages, types, waitForDrain, waitProduced } from './support/outbox';
import { openHarness, startPlayback } from './support/player';

test.beforeEach(async ({ request }) => {
  await resetCollector(request);
});

const OUTAGE_MS = 30_000;

for (const where of ['content', 'ad'] as const) {
  test(`collector unreachable for 30 s mid-${where}: every event arrives afterwards, once, in order`, async ({
    context,
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const recorded = recordPages(context);
    const ads = { ads: 'contrib', schedule: { preroll: ['ad1.webm', 'ad2.webm'], postroll: [] } };
    await openHarness(page, { record: 1, ...(where === 'ad' ? ads : {}) });
    await startPlayback(page);
    if (where === 'ad') await waitProduced(recorded, 'adStart');
    // Half speed keeps the 30 s content playing through the whole outage.
    else await page.evaluate(() => window.player.playbackRate(0.5));
    await waitForDrain(request, recorded, { since: Date.now() });
    await addFault(request, { refuse: true, forMs: OUTAGE_MS });
    const down = Date.now();
    const before = (await recorded.read()).produced.length;
    await page.waitForTimeout(OUTAGE_MS);
    const during = (await recorded.read()).produced.slice(before);
    const { audit, drainMs } = await waitForDrain(request, recorded, {
      since: down + OUTAGE_MS,
      timeoutMs: 70_000,
    });
    printOutbox(`unreachable-30s-mid-${where}`, audit, drainMs);
    await expectExact(request, audit);
    expect(
      during.map((p) => p.event.eventType),
      'events produced while the collector was down',
    ).toContain('ping');
    if (where === 'ad') expect(types(await recorded.read())).toContain('adBreakComplete');
    // Backoff probes, not a request per event: 1 s doubling gives at most 6 tries in 30 s, and the
    // browser itself sends a request again once when the pooled connection it used was reset.
    const refused = (await report(request)).faulted.filter((f) => f.status === 'refused');
    console.log(`METRIC refused-at-ms ${JSON.stringify(refused.map((f) => f.receivedAt - down))}`);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(14);
  });
}
