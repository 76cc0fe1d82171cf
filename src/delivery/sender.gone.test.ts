import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { McEvent } from '../mc/types';
import { type FakeCollectorOptions, START_PARAMS, sessionItems, setupSender } from './sender.fixtures';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const setup = (collectorOptions: FakeCollectorOptions) => setupSender({ collectorOptions, random: () => 0 });

const DOWNLOADED = '/api/v1/downloaded';
const typeOf = (body: unknown) => (body as McEvent).eventType;
/** The collector session dies when it receives the first event of `type`. */
const goneAt = (type: string, status: number) => (r: { path: string; body: unknown }) =>
  r.path.endsWith('/events') && typeOf(r.body) === type ? { status } : undefined;

describe('sender: collector session gone', () => {
  it.each([404, 410])(
    'on %i reports sessionGone once and sends the rest as one downloaded batch',
    async (status) => {
      const { collector, queue, sender, reports } = setup({
        reply: goneAt('pauseStart', status),
        latencyMs: 100,
      });
      sender.send(sessionItems('a', ['play', 'ping', 'pauseStart', 'ping', 'play']));
      await vi.advanceTimersByTimeAsync(350); // start, play, ping answered; pauseStart in flight
      sender.send(sessionItems('a', ['ping'], 6_000).slice(1)); // appended while it dies: same batch
      await vi.advanceTimersByTimeAsync(2_000);

      expect(reports.filter((r) => r.type === 'sessionGone')).toEqual([
        { type: 'sessionGone', session: 'a', sid: 'sid-1', status },
      ]);
      const batches = collector.requests.filter((r) => r.path === DOWNLOADED);
      expect(batches).toHaveLength(1);
      const batch = batches[0]!.body as McEvent[];
      expect(batch.map((e) => `${e.eventType}@${e.playerTime.ts}/${e.playerTime.playhead}`)).toEqual([
        'sessionStart@3999/3', // resume copy 1 ms before the first pending event, at its playhead
        'pauseStart@4000/3',
        'ping@5000/4',
        'play@6000/5',
        'ping@7000/1',
        'sessionEnd@7001/1', // closes 1 ms after the last, at its playhead
      ]);
      expect(batch[0]!.params).toEqual({ ...START_PARAMS, 'media.resume': true });
      expect(batch[0]!.customMetadata).toEqual({ show: 'x' });
      expect(batch[0]!.qoeData).toBeUndefined();
      expect(reports.at(-1)).toEqual({ type: 'downloaded', session: 'a', count: 4, status: 201 });
      expect(await queue.pending('a')).toEqual([]);
      // The dead sid got nothing after its 404/410.
      expect(collector.sentTo('/api/v1/sessions/sid-1/events')).toEqual([
        'play@2000',
        'ping@3000',
        'pauseStart@4000',
      ]);
    },
  );

  it('does not append a sessionEnd when the pending events already close the session', async () => {
    const { collector, sender } = setup({ reply: goneAt('play', 410) });
    sender.send(sessionItems('a', ['play', 'sessionComplete']));
    await vi.advanceTimersByTimeAsync(1_000);
    const batch = collector.requests.find((r) => r.path === DOWNLOADED)!.body as McEvent[];
    expect(batch.map((e) => e.eventType)).toEqual(['sessionStart', 'play', 'sessionComplete']);
  });

  it('sends events appended after the batch left as another batch', async () => {
    const { collector, sender, reports } = setup({ reply: goneAt('play', 404) });
    sender.send(sessionItems('a', ['play']));
    await vi.advanceTimersByTimeAsync(1_000);
    sender.send(sessionItems('a', ['ping', 'sessionEnd'], 9_000).slice(1));
    await vi.advanceTimersByTimeAsync(1_000);
    const batches = collector.requests.filter((r) => r.path === DOWNLOADED).map((r) => r.body as McEvent[]);
    expect(batches.map((b) => b.map((e) => `${e.eventType}@${e.playerTime.ts}`))).toEqual([
      ['sessionStart@1999', 'play@2000', 'sessionEnd@2001'],
      ['sessionStart@9999', 'ping@10000', 'sessionEnd@11000'],
    ]);
    expect(reports.filter((r) => r.type === 'sessionGone')).toHaveLength(1);
  });

  it('retries a downloaded batch on 503 and drops it, reported, on 400', async () => {
    let downloads = 0;
    const { collector, queue, sender, reports } = setup({
      reply: (r) => {
        if (r.path !== DOWNLOADED) return goneAt('play', 410)(r);
        downloads += 1;
        return downloads === 1 ? { status: 503 } : { status: 400, message: 'schema' };
      },
    });
    sender.send(sessionItems('a', ['play', 'ping']));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(collector.requests.filter((r) => r.path === DOWNLOADED)).toHaveLength(2);
    expect(reports.find((r) => r.type === 'retrying')).toMatchObject({ reason: 'status', status: 503 });
    expect(reports.at(-1)).toEqual({
      type: 'downloadRejected',
      session: 'a',
      count: 2,
      status: 400,
      message: 'schema',
    });
    expect(await queue.pending('a')).toEqual([]);
  });
});
