import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { McEvent } from '../mc/types';
import { type FakeCollectorOptions, sessionItems, setupSender } from './sender.fixtures';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const setup = (collectorOptions: FakeCollectorOptions) => setupSender({ collectorOptions });

const typeOf = (body: unknown) => (body as McEvent).eventType;
const EVENTS = '/api/v1/sessions/sid-1/events';

describe('sender: answers that drop', () => {
  it('drops a 400 event with the server message and goes on with the next one', async () => {
    const { collector, queue, sender, reports } = setup({
      reply: (r) =>
        typeOf(r.body) === 'bitrateChange' ? { status: 400, message: 'bad qoeData' } : undefined,
    });
    sender.send(sessionItems('a', ['play', 'bitrateChange', 'ping']));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(collector.sentTo(EVENTS)).toEqual(['play@2000', 'bitrateChange@3000', 'ping@4000']);
    const dropped = reports.filter((r) => r.type === 'dropped');
    expect(dropped).toEqual([
      {
        type: 'dropped',
        session: 'a',
        event: expect.objectContaining({ eventType: 'bitrateChange' }),
        status: 400,
        message: 'bad qoeData',
      },
    ]);
    expect(await queue.pending('a')).toEqual([]);
  });

  it.each([401, 403, 413])(
    'drops an event answered %i (fatal) and reports it instead of spinning',
    async (status) => {
      const { collector, sender, reports } = setup({
        reply: (r) => (typeOf(r.body) === 'play' ? { status } : undefined),
      });
      sender.send(sessionItems('a', ['play', 'ping']));
      await vi.advanceTimersByTimeAsync(60_000);
      expect(collector.sentTo(EVENTS)).toEqual(['play@2000', 'ping@3000']);
      expect(reports.find((r) => r.type === 'dropped')).toMatchObject({
        status,
        message: `The collector answered HTTP ${status}.`,
      });
      expect(reports.some((r) => r.type === 'retrying')).toBe(false);
    },
  );

  it('drops the whole session, once, when its sessionStart is refused', async () => {
    const { collector, queue, sender, reports } = setup({
      reply: (r) =>
        r.path === '/api/v1/sessions' ? { status: 400, message: 'missing media.id' } : undefined,
    });
    sender.send(sessionItems('a', ['play', 'ping']));
    sender.send(sessionItems('b', ['play']));
    await vi.advanceTimersByTimeAsync(1_000);
    sender.send(sessionItems('a', ['ping'], 9_000).slice(1)); // later events of the refused session
    await vi.advanceTimersByTimeAsync(1_000);
    expect(collector.requests.filter((r) => r.path !== '/api/v1/sessions')).toEqual([]);
    const rejected = reports.filter((r) => r.type === 'sessionRejected');
    expect(rejected).toHaveLength(2); // one per session, not one per event
    expect(rejected[0]).toMatchObject({ session: 'a', status: 400, message: 'missing media.id', count: 3 });
    expect(await queue.pending('a')).toEqual([]);
    expect((await queue.session('a'))?.closed).toBe('rejected');
  });

  it('rejects the session when a 201 carries no readable Location', async () => {
    const { collector, sender, reports } = setup({ location: () => null });
    sender.send(sessionItems('a', ['play']));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(collector.requests).toHaveLength(1);
    expect(reports).toEqual([
      expect.objectContaining({
        type: 'sessionRejected',
        status: 201,
        count: 2,
        message: expect.stringContaining('Access-Control-Expose-Headers'),
      }),
    ]);
  });

  it('forgets a session once its own sessionEnd has left the queue', async () => {
    const { queue, sender } = setup({});
    sender.send(sessionItems('a', ['play', 'sessionEnd']));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await queue.sessions()).toEqual([]);
  });
});
