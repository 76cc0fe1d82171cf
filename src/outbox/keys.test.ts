import { describe, expect, it } from 'vitest';
import { createKeyLease } from './keys';

function reserver(fail = false) {
  let next = 1;
  const calls: number[] = [];
  const reserve = async (count: number) => {
    calls.push(count);
    if (fail) throw new DOMException('full', 'QuotaExceededError');
    const first = next;
    next += count;
    return first;
  };
  return { calls, reserve };
}

describe('createKeyLease', () => {
  it('has nothing before the first block arrives, then hands out increasing ids synchronously', async () => {
    const { reserve } = reserver();
    const lease = createKeyLease(reserve, 8);
    expect(lease.take(1)).toBeUndefined();
    await lease.ready(3);
    expect(lease.take(3)).toEqual([1, 2, 3]);
    expect(lease.take(1)).toEqual([4]);
  });

  it('reserves the next block while half of the current one is left, so takes never wait', async () => {
    const { calls, reserve } = reserver();
    const lease = createKeyLease(reserve, 8);
    await lease.ready(1);
    const ids = [...lease.take(4)!, ...lease.take(1)!];
    await Promise.resolve();
    await Promise.resolve();
    ids.push(...lease.take(7)!);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(calls).toEqual([8, 8]);
  });

  it('reserves a block large enough for a burst bigger than a block', async () => {
    const { reserve } = reserver();
    const lease = createKeyLease(reserve, 4);
    await lease.ready(10);
    expect(lease.take(10)).toHaveLength(10);
  });

  it('falls back to ids far above any stored key when the store cannot reserve', async () => {
    const { reserve } = reserver(true);
    const lease = createKeyLease(reserve, 4);
    await lease.ready(2);
    const [a, b] = lease.take(2)!;
    expect(a).toBeGreaterThanOrEqual(2 ** 52);
    expect(b).toBe(a! + 1);
  });
});
