import { describe, expect, it } from 'vitest';
import { createMemoryQueue } from './queue';
import { mcEvent } from './sender.fixtures';

const play = (ts: number) => mcEvent('play', ts);

describe('createMemoryQueue', () => {
  it('gives increasing numeric ids across appends and keeps each session in order', async () => {
    const queue = createMemoryQueue();
    const first = await queue.append([
      { session: 'a', event: mcEvent('sessionStart', 1) },
      { session: 'b', event: play(2) },
    ]);
    const second = await queue.append([{ session: 'a', event: play(3) }]);
    const ids = [...first, ...second].map((item) => item.id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(3);
    expect((await queue.pending('a')).map((i) => i.event.playerTime.ts)).toEqual([1, 3]);
    expect((await queue.pending('b')).map((i) => i.id)).toEqual([first[1]!.id]);
  });

  it('removes only the ids given', async () => {
    const queue = createMemoryQueue();
    const [x, y, z] = await queue.append([1, 2, 3].map((ts) => ({ session: 'a', event: play(ts) })));
    await queue.remove([x!.id, z!.id]);
    expect(await queue.pending('a')).toEqual([y]);
  });

  it('records the sessionStart in the session metadata and merges patches', async () => {
    const queue = createMemoryQueue();
    const start = mcEvent('sessionStart', 1);
    await queue.append([{ session: 'a', event: start }]);
    await queue.append([{ session: 'b', event: play(2) }]);
    await queue.updateSession('a', { sid: 'sid-1' });
    await queue.updateSession('a', { lastSentAt: 5 });
    expect(await queue.session('a')).toEqual({
      session: 'a',
      sessionStart: start,
      sid: 'sid-1',
      lastSentAt: 5,
    });
    expect((await queue.sessions()).map((m) => m.session)).toEqual(['a', 'b']);
  });

  it('hands out copies of metadata', async () => {
    const queue = createMemoryQueue();
    await queue.updateSession('a', { sid: 'sid-1' });
    const meta = (await queue.session('a'))!;
    meta.sid = 'changed';
    expect((await queue.session('a'))?.sid).toBe('sid-1');
  });

  it('dropSession forgets the metadata and the items of that session only', async () => {
    const queue = createMemoryQueue();
    await queue.append([
      { session: 'a', event: mcEvent('sessionStart', 1) },
      { session: 'b', event: play(2) },
    ]);
    await queue.dropSession('a');
    expect(await queue.session('a')).toBeUndefined();
    expect(await queue.pending('a')).toEqual([]);
    expect(await queue.pending('b')).toHaveLength(1);
  });
});
