// The collector unreachable for 12 s (refused at the server, so keepalive requests are cut too):
// the page keeps producing events with their real ts, probes with backoff, and delivers everything
// in order once the collector is back. Real time on purpose (no fake clock in the page), but no longer
// than it takes: 12 s holds a content ping (10 s grid) or a dozen ad pings (1 s), and four backoff
// steps (0.5–1, 1–2, 2–4, 4–8 s); the longer steps and the 60 s cap are src/delivery/backoff.test.ts's.
import { expect, test } from './support/fixtures';
import { expectExact, printOutbox, recordPages, types, waitForDrain, waitProduced } from './support/outbox';
import { openHarness, startPlayback } from './support/player';

const OUTAGE_MS = 12_000;

for (const where of ['content', 'ad'] as const) {
  test(`collector unreachable for 12 s mid-${where}: every event arrives afterwards, once, in order`, async ({
    context,
    page,
    collector,
  }) => {
    test.setTimeout(120_000);
    const recorded = recordPages(context);
    const ads = { ads: 'contrib', schedule: { preroll: ['ad1.webm', 'ad2.webm'], postroll: [] } };
    await openHarness(page, collector, { record: 1, ...(where === 'ad' ? ads : {}) });
    await startPlayback(page);
    if (where === 'ad') await waitProduced(recorded, 'adStart');
    // Half speed keeps the 30 s content playing through the whole outage.
    else await page.evaluate(() => window.player.playbackRate(0.5));
    await waitForDrain(collector, recorded, { since: Date.now() });
    await collector.addFault({ refuse: true, forMs: OUTAGE_MS });
    const down = Date.now();
    const before = (await recorded.read()).produced.length;
    await page.waitForTimeout(OUTAGE_MS);
    const during = (await recorded.read()).produced.slice(before);
    const { audit, drainMs } = await waitForDrain(collector, recorded, {
      since: down + OUTAGE_MS,
      timeoutMs: 70_000,
    });
    printOutbox(`unreachable-12s-mid-${where}`, audit, drainMs);
    await expectExact(collector, audit);
    expect(
      during.map((p) => p.event.eventType),
      'events produced while the collector was down',
    ).toContain('ping');
    if (where === 'ad') expect(types(await recorded.read())).toContain('adBreakComplete');
    // Backoff probes, not a request per event: delays of at least 0.5, 1, 2, 4 s give at most 5 tries
    // in 12 s, and the browser itself sends a request again once when the pooled connection it used
    // was reset (a request per event would be 12+ in the ad case alone).
    const refused = (await collector.report()).faulted.filter((f) => f.status === 'refused');
    console.log(`METRIC refused-at-ms ${JSON.stringify(refused.map((f) => f.receivedAt - down))}`);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(10);
  });
}
