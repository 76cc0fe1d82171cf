import { NEVER, Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeliveryRegistry, createPageDelivery, type PageDeliveryDeps } from './page-delivery';
import { createMemoryQueue } from './queue';
import type { DeliveryReport } from './reports';
import { createSender } from './sender';
import { createFakeCollector, ENDPOINT, type Reply, sessionItems } from './sender.fixtures';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  const collector = { down: false };
  const fake = createFakeCollector({
    latencyMs: 10,
    reply: (): Reply | undefined => (collector.down ? 'network' : undefined),
  });
  const online$ = new Subject<void>();
  const made = { queues: 0, senders: 0, disposed: 0, closed: 0 };
  const deps: PageDeliveryDeps = {
    createQueue: () => {
      made.queues += 1;
      const dispose = () => {
        made.disposed += 1;
      };
      return { queue: createMemoryQueue(), dispose };
    },
    createSender: (queue) => {
      made.senders += 1;
      return createSender({ endpoint: ENDPOINT, transport: fake.transport, queue, random: () => 0.5 });
    },
    online$,
    hidden$: NEVER,
    finalPagehide$: NEVER,
    closed: () => {
      made.closed += 1;
    },
  };
  return { collector, fake, online$, made, deps };
}

describe('page delivery', () => {
  it('two trackers share one queue and one sender; each hears only its own sessions', async () => {
    const { fake, made, deps } = setup();
    const delivery = createPageDelivery(deps);
    const a = delivery.attach('a');
    const b = delivery.attach('b');
    const heard = { a: [] as DeliveryReport[], b: [] as DeliveryReport[] };
    a.reports$.subscribe((r) => heard.a.push(r));
    b.reports$.subscribe((r) => heard.b.push(r));
    a.send(sessionItems('a:1', ['play']));
    b.send(sessionItems('b:1', ['play']));
    await vi.advanceTimersByTimeAsync(100);
    expect(made).toMatchObject({ queues: 1, senders: 1 });
    expect(fake.requests.map((r) => r.path)).toHaveLength(4);
    expect(new Set(heard.a.map((r) => ('session' in r ? r.session : '')))).toEqual(new Set(['a:1']));
    expect(new Set(heard.b.map((r) => ('session' in r ? r.session : '')))).toEqual(new Set(['b:1']));
  });

  it('a released tracker’s events are still delivered after an outage, then everything is let go', async () => {
    const { collector, fake, made, deps } = setup();
    const delivery = createPageDelivery(deps);
    const a = delivery.attach('a');
    a.send(sessionItems('a:1', ['play']));
    await vi.advanceTimersByTimeAsync(100);
    collector.down = true;
    a.send(sessionItems('a:1', ['ping', 'sessionEnd'], 10_000).slice(1));
    const flushed = await Promise.all([a.flush({ timeoutMs: 2_000 }), vi.advanceTimersByTimeAsync(2_000)]);
    expect(flushed[0]).toEqual({ waiting: 2 });
    a.release();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(made.closed).toBe(0); // still waiting for the collector, on its own
    collector.down = false;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fake.sentTo('/api/v1/sessions/sid-1/events').filter((e, i, all) => all.indexOf(e) === i)).toEqual([
      'play@2000',
      'ping@11000',
      'sessionEnd@12000',
    ]);
    expect(made).toMatchObject({ closed: 1, disposed: 1 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stop (a visitor’s out): nothing more is sent, even once the collector is back, and all is let go', async () => {
    const { collector, fake, made, deps } = setup();
    const delivery = createPageDelivery(deps);
    const a = delivery.attach('a');
    const b = delivery.attach('b');
    collector.down = true;
    a.send(sessionItems('a:1', ['play', 'ping']));
    await vi.advanceTimersByTimeAsync(5_000);
    const tried = fake.requests.length;
    a.stop();
    collector.down = false;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fake.requests).toHaveLength(tried);
    expect(made).toMatchObject({ closed: 1, disposed: 1 });
    expect(vi.getTimerCount()).toBe(0);
    b.release(); // the other tracker's hold on the stopped delivery lets go without effect
    expect(made.closed).toBe(1);
  });

  it('releasing one tracker does not stop the other’s delivery', async () => {
    const { fake, made, deps } = setup();
    const delivery = createPageDelivery(deps);
    const a = delivery.attach('a');
    const b = delivery.attach('b');
    a.send(sessionItems('a:1', ['sessionEnd']));
    a.release();
    await vi.advanceTimersByTimeAsync(100);
    b.send(sessionItems('b:1', ['play']));
    await vi.advanceTimersByTimeAsync(100);
    expect(made.closed).toBe(0);
    expect(fake.sentTo('/api/v1/sessions/sid-2/events')).toEqual(['play@2000']);
    b.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(made.closed).toBe(1);
  });

  it('online cuts the released delivery’s backoff short', async () => {
    const { collector, fake, online$, deps } = setup();
    const a = createPageDelivery(deps).attach('a');
    collector.down = true;
    a.send(sessionItems('a:1', []));
    await vi.advanceTimersByTimeAsync(20_000); // waiting ~12 s for the 5th try
    a.release();
    const before = fake.requests.length;
    collector.down = false;
    online$.next();
    await vi.advanceTimersByTimeAsync(20);
    expect(fake.requests.length).toBe(before + 1);
    expect(fake.sentTo('/api/v1/sessions').at(-1)).toBe('sessionStart@1000');
  });

  it('the registry gives one delivery per endpoint, and a new one after the last closed', async () => {
    const { made, deps } = setup();
    const registry = createDeliveryRegistry((_endpoint, closed) =>
      createPageDelivery({
        ...deps,
        closed: () => {
          deps.closed();
          closed();
        },
      }),
    );
    const a = registry.attach(ENDPOINT, 'a');
    const b = registry.attach(`${ENDPOINT}/`, 'b');
    registry.attach('https://other.example', 'c');
    expect(made.queues).toBe(2);
    a.release();
    b.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(made.closed).toBe(1);
    registry.attach(ENDPOINT, 'd');
    expect(made.queues).toBe(3);
  });
});
