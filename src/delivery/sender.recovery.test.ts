import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryReport } from './reports';
import { mcEvent, type Reply, sessionItems, setupSender } from './sender.fixtures';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const EVENTS = '/api/v1/sessions/sid-1/events';

/** A collector that answers `failure` to events requests from `from` ms until `until` ms. */
function outage(failure: Reply, from: number, until: number) {
  return (): Reply | undefined => (Date.now() >= from && Date.now() < until ? failure : undefined);
}

/** The session is played: a ping every 10 s (ts on the grid) from `from` to `to`. */
async function playPings(send: (ts: number) => void, from: number, to: number) {
  for (let t = from; t <= to; t += 10_000) {
    await vi.advanceTimersByTimeAsync(t - Date.now());
    send(t);
  }
}

const firstDeliveredAfter = (reports: DeliveryReport[], at: number, times: number[]) =>
  times[reports.findIndex((r, i) => r.type === 'delivered' && times[i]! >= at)]!;

describe('sender: fast recovery (docs/delivery.md#fast-recovery)', () => {
  it.each([
    ['network', 'network' as const],
    ['503', { status: 503 }],
  ])(
    'while played, the first delivery after a %s outage comes within 10 s of its end',
    async (_n, failure) => {
      const { collector, sender, reports } = setupSender({
        collectorOptions: { reply: outage(failure, 5_000, 150_000) },
        random: () => 0.5,
      });
      const times: number[] = [];
      sender.reports$.subscribe(() => times.push(Date.now()));
      sender.send(sessionItems('a', ['play']));
      await playPings(
        (ts) => sender.send([{ session: 'a', event: mcEvent('ping', ts, ts / 1000) }]),
        10_000,
        240_000,
      );
      // The backoff alone would have waited 45 s here; the pings bring the next try forward.
      expect(firstDeliveredAfter(reports, 150_000, times) - 150_000).toBeLessThanOrEqual(10_000);
      const tries = collector.requests.filter((r) => r.path === EVENTS && r.at >= 5_000 && r.at < 150_000);
      const gaps = tries.slice(1).map((r, i) => r.at - tries[i]!.at);
      // At most one try per 10 s once the backoff is longer than that.
      expect(gaps.filter((gap) => gap < 10_000)).toEqual(gaps.slice(0, 4).filter((gap) => gap < 10_000));
      expect(Math.min(...gaps.slice(5))).toBeGreaterThanOrEqual(10_000);
      // Nothing lost, nothing twice, in order.
      const pings = collector.sentTo(EVENTS).filter((s, i, all) => all.indexOf(s) === i);
      expect(reports.filter((r) => r.type === 'delivered')).toHaveLength(pings.length + 1);
    },
  );

  it('when nothing plays, the normal backoff decides', async () => {
    const { collector, sender } = setupSender({
      collectorOptions: { reply: outage('network', 0, 1_000_000), latencyMs: 0 },
      random: () => 0.5,
    });
    sender.send(sessionItems('a', ['play']));
    await vi.advanceTimersByTimeAsync(200_000);
    const times = collector.requests.filter((r) => r.path === '/api/v1/sessions').map((r) => r.at);
    expect(times).toEqual([0, 750, 2_250, 5_250, 11_250, 23_250, 47_250, 92_250, 137_250, 182_250]);
  });

  it('Retry-After wins: new events do not bring the try forward', async () => {
    const { collector, sender } = setupSender({
      collectorOptions: { reply: outage({ status: 503, retryAfter: '60' }, 5_000, 20_000), latencyMs: 0 },
      random: () => 0.5,
    });
    sender.send(sessionItems('a', ['play']));
    await vi.advanceTimersByTimeAsync(5_000);
    await playPings(
      (ts) => sender.send([{ session: 'a', event: mcEvent('ping', ts, ts / 1000) }]),
      10_000,
      70_000,
    );
    const tries = collector.requests.filter((r) => r.path === EVENTS).map((r) => r.at);
    expect(tries.slice(0, 3)).toEqual([0, 10_000, 70_000]);
  });
});
