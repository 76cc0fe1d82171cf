import { describe, expect, it } from 'vitest';
import { createJournal } from './journal';
import { createMemoryStore } from './memory-store';
import { memoryStorage } from './outbox.fixtures';
import { purgeStore } from './purge';
import { NEXT_KEY } from './store';

describe('purgeStore', () => {
  it('deletes every event and session record, keeps the key counter and what is not the outbox', async () => {
    const store = createMemoryStore();
    const first = await store.reserveKeys(3);
    await store.write({
      put: [
        [first, { v: 1, session: 'a' }],
        [first + 1, { v: 1, session: 'b' }],
        ['session:a', { v: 1, session: 'a' }],
        ['session:b', { v: 1, session: 'b' }],
      ],
      del: [],
    });
    expect(await purgeStore(store)).toBe(2);
    expect(await store.numbered()).toEqual([]);
    expect(await store.prefixed('session:')).toEqual([]);
    expect(await store.prefixed(NEXT_KEY)).toEqual([[NEXT_KEY, first + 3]]);
    expect(await store.reserveKeys(1)).toBe(first + 3); // no key is ever handed out twice
  });

  it('deletes the closing journal entries too, and nothing else of the origin’s localStorage', async () => {
    const storage = memoryStorage();
    storage.setItem('site:key', 'theirs');
    const journal = createJournal(() => storage);
    journal.write({ session: 'a' }, [
      { id: 7, session: 'a', event: { eventType: 'sessionEnd', playerTime: { playhead: 1, ts: 9 } } },
    ]);
    expect(journal.sessions()).toEqual(['a']);
    await purgeStore(createMemoryStore(), journal);
    expect([...storage.entries]).toEqual([['site:key', 'theirs']]);
  });
});
