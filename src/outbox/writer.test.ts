import { describe, expect, it } from 'vitest';
import type { StoreBatch } from './store';
import { createWriter } from './writer';

function recorder(fail?: (batch: StoreBatch) => boolean) {
  const batches: StoreBatch[] = [];
  const urgency: boolean[] = [];
  const write = async (batch: StoreBatch, urgent: boolean) => {
    batches.push(batch);
    urgency.push(urgent);
    if (fail?.(batch)) throw new DOMException('full', 'QuotaExceededError');
  };
  return { batches, urgency, writer: createWriter(write) };
}

describe('createWriter', () => {
  it('puts everything asked in one task into one batch, and resolves each caller on its commit', async () => {
    const { batches, writer } = recorder();
    const done = [writer.put(1, 'a'), writer.put(2, 'b'), writer.del(7), writer.put('session:x', { s: 1 })];
    expect(batches).toEqual([]); // issued at the end of the task, not one by one
    await Promise.all(done);
    expect(batches).toEqual([
      {
        put: [
          [1, 'a'],
          [2, 'b'],
          ['session:x', { s: 1 }],
        ],
        del: [7],
      },
    ]);
  });

  it('starts a new batch for what is asked after a batch was issued, without waiting for it', async () => {
    let release = () => {};
    const batches: StoreBatch[] = [];
    const writer = createWriter(async (batch) => {
      batches.push(batch);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = writer.put(1, 'a');
    await Promise.resolve();
    await Promise.resolve();
    const second = writer.put(2, 'b');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(batches).toHaveLength(2); // the second went out while the first was still open
    release();
    await Promise.all([first, second]);
  });

  it('flush() issues what is queued at once, as urgent; what the microtask sends is not', async () => {
    const { batches, urgency, writer } = recorder();
    void writer.del(1);
    void writer.put(2, 'b');
    writer.flush();
    expect(batches).toEqual([{ put: [[2, 'b']], del: [1] }]); // synchronously
    void writer.del(3);
    await Promise.resolve();
    expect(urgency).toEqual([true, false]);
  });

  it('a delete cancels a put of the same key still waiting in the batch, and the reverse', async () => {
    const { batches, writer } = recorder();
    await Promise.all([writer.put(1, 'a'), writer.del(1), writer.del(2), writer.put(2, 'b')]);
    expect(batches).toEqual([{ put: [[2, 'b']], del: [1] }]);
  });

  it('rejects the callers of a batch whose write throws at once, instead of leaving them waiting', async () => {
    let calls = 0;
    const writer = createWriter(() => {
      calls += 1;
      if (calls === 1) throw new DOMException('finished', 'InvalidStateError');
      return Promise.resolve();
    });
    await expect(writer.put(1, 'a')).rejects.toMatchObject({ name: 'InvalidStateError' });
    await expect(writer.put(2, 'b')).resolves.toBeUndefined();
  });

  it('rejects every caller of a failed batch with its error, and goes on with the next', async () => {
    const { writer } = recorder((batch) => batch.put.some(([key]) => key === 1));
    const failed = [writer.put(1, 'a'), writer.del(9)];
    for (const result of await Promise.allSettled(failed)) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason.name).toBe('QuotaExceededError');
    }
    await expect(writer.put(2, 'b')).resolves.toBeUndefined();
  });
});
