// The behaviour every OutboxStore must have, as one suite run against each implementation
// (memory-store.test.ts, idb-store.test.ts). Test support only: nothing shipped imports it.
import { describe, expect, it } from 'vitest';
import type { OutboxStore } from './store';

export function storeContract(name: string, make: () => OutboxStore | Promise<OutboxStore>): void {
  describe(`${name}: the OutboxStore contract`, () => {
    it('lists number keys in numeric order, apart from string keys', async () => {
      const store = await make();
      await store.write({
        put: [
          [10, 'ten'],
          [9, 'nine'],
          [100, 'hundred'],
          ['session:b', { s: 'b' }],
          ['session:a', { s: 'a' }],
          ['other:x', 1],
        ],
        del: [],
      });
      expect((await store.numbered()).map(([key]) => key)).toEqual([9, 10, 100]);
      expect(await store.prefixed('session:')).toEqual([
        ['session:a', { s: 'a' }],
        ['session:b', { s: 'b' }],
      ]);
    });

    it('applies puts and deletes of one batch together', async () => {
      const store = await make();
      await store.write({
        put: [
          [1, 'a'],
          [2, 'b'],
          ['session:x', 1],
        ],
        del: [],
      });
      await store.write({ put: [[3, 'c']], del: [1, 'session:x', 99] });
      expect(await store.numbered()).toEqual([
        [2, 'b'],
        [3, 'c'],
      ]);
      expect(await store.prefixed('session:')).toEqual([]);
    });

    it('writes nothing of a batch that cannot be stored', async () => {
      const store = await make();
      const uncloneable = () => {};
      await expect(
        store.write({
          put: [
            [1, 'a'],
            [2, uncloneable],
          ],
          del: [],
        }),
      ).rejects.toBeDefined();
      expect(await store.numbered()).toEqual([]);
    });

    it('reserves fresh key ranges that never overlap, above every stored key', async () => {
      const store = await make();
      await store.write({ put: [[41, 'x']], del: [] });
      const [a, b, c] = await Promise.all([
        store.reserveKeys(10),
        store.reserveKeys(10),
        store.reserveKeys(1),
      ]);
      const ranges = [
        [a, a + 10],
        [b, b + 10],
        [c, c + 1],
      ].sort(([x], [y]) => x! - y!);
      expect(ranges[0]![0]).toBeGreaterThan(41);
      for (let i = 1; i < ranges.length; i++)
        expect(ranges[i]![0]).toBeGreaterThanOrEqual(ranges[i - 1]![1]!);
      expect((await store.numbered()).map(([key]) => key)).toEqual([41]);
    });

    it('hands out copies: changing a read value changes nothing stored', async () => {
      const store = await make();
      await store.write({ put: [[1, { n: 1 }]], del: [] });
      const [[, value]] = (await store.numbered()) as [[number, { n: number }]];
      value.n = 2;
      expect(await store.numbered()).toEqual([[1, { n: 1 }]]);
    });
  });
}
