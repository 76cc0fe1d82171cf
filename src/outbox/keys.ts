/**
 * Event ids, handed out synchronously from blocks reserved in the store. Reserving takes a
 * transaction that is atomic across tabs, so no two pages ever write the same key; handing ids out
 * without one is what lets an event produced during `pagehide` be written in that same task.
 */
export interface KeyLease {
  /** `count` fresh increasing ids, or undefined when the current block cannot cover them yet. */
  take(count: number): number[] | undefined;
  /** Resolves once `count` ids can be taken. */
  ready(count: number): Promise<void>;
}

export const KEY_BLOCK = 1_024;

/**
 * Ids for when the store cannot reserve (storage failed): far above anything a store hands out
 * (it would take 2^52 events), so they never collide with a stored key.
 */
const LOCAL_IDS_FROM = 2 ** 52;

export function createKeyLease(reserve: (count: number) => Promise<number>, block = KEY_BLOCK): KeyLease {
  const blocks: { next: number; end: number }[] = [];
  let reserving: Promise<void> | undefined;
  let local: number | undefined;

  const available = () => blocks.reduce((sum, b) => sum + b.end - b.next, 0);

  const refill = (count: number): Promise<void> => {
    reserving ??= reserve(Math.max(block, count))
      .then(
        (first) => {
          blocks.push({ next: first, end: first + Math.max(block, count) });
        },
        () => {
          local ??= LOCAL_IDS_FROM;
        },
      )
      .finally(() => {
        reserving = undefined;
      });
    return reserving;
  };

  const take = (count: number): number[] | undefined => {
    if (local !== undefined && available() < count) {
      const ids = Array.from({ length: count }, (_, i) => local! + i);
      local += count;
      return ids;
    }
    if (available() < count) return undefined;
    const ids: number[] = [];
    while (ids.length < count) {
      const current = blocks[0]!;
      ids.push(current.next++);
      if (current.next === current.end) blocks.shift();
    }
    // Reserve the next block while half of this one is left, so `take` rarely has to wait.
    if (available() < block / 2) void refill(block);
    return ids;
  };

  return {
    take,
    async ready(count) {
      while (local === undefined && available() < count) await refill(count);
    },
  };
}
