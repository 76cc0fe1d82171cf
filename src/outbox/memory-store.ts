import { NEXT_KEY, type OutboxStore, type StoreKey } from './store';

/**
 * The in-memory store, same shape as the IndexedDB one: the fallback when IndexedDB is missing or
 * full, and the store of the outbox's unit specs. Values are cloned on the way in and out, as
 * IndexedDB's structured clone does, so no caller can change what is stored by holding a reference.
 */
export function createMemoryStore(): OutboxStore {
  const entries = new Map<StoreKey, unknown>();

  const sorted = <K extends StoreKey>(keep: (key: StoreKey) => key is K): [K, unknown][] =>
    [...entries]
      .filter((entry): entry is [K, unknown] => keep(entry[0]))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => [key, structuredClone(value)]);

  return {
    async write({ put, del }) {
      const copies = put.map(([key, value]) => [key, structuredClone(value)] as const); // throws before any change
      for (const key of del) entries.delete(key);
      for (const [key, value] of copies) entries.set(key, value);
    },
    async reserveKeys(count) {
      const stored = sorted((key): key is number => typeof key === 'number');
      const counter = entries.get(NEXT_KEY);
      const first = Math.max(typeof counter === 'number' ? counter : 1, (stored.at(-1)?.[0] ?? 0) + 1);
      entries.set(NEXT_KEY, first + count);
      return first;
    },
    async numbered() {
      return sorted((key): key is number => typeof key === 'number');
    },
    async prefixed(prefix) {
      return sorted((key): key is string => typeof key === 'string' && key.startsWith(prefix));
    },
  };
}
