import { describe, expect, it } from 'vitest';
import { createMemoryLocks } from './locks';
import { createOwnership } from './ownership';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Two pages (tabs) sharing one lock manager, as tabs of one origin share Web Locks. */
function twoTabs() {
  const locks = createMemoryLocks();
  return { locks, a: createOwnership(locks), b: createOwnership(locks) };
}

describe('createOwnership', () => {
  it('a watcher adopts a session only once its owner lets go (the owner tab closed)', async () => {
    const { a, b } = twoTabs();
    const adopted: string[] = [];
    a.claim('s1');
    b.watch('s1', async () => {
      adopted.push('s1');
      return true;
    });
    await tick();
    expect(adopted).toEqual([]);
    a.dispose(); // the browser releases a closed tab's locks the same way
    await tick();
    expect(adopted).toEqual(['s1']);
    b.watch('s1', async () => {
      adopted.push('again'); // held: a second watch is ignored
      return true;
    });
    await tick();
    expect(adopted).toEqual(['s1']);
  });

  it('adopts at once a session whose lock is free (its page is gone)', async () => {
    const { b } = twoTabs();
    let adopted = 0;
    b.watch('left', async () => {
      adopted += 1;
      return true;
    });
    await tick();
    expect(adopted).toBe(1);
  });

  it('one flusher per session: of two watchers, the second gets the lock only after the first releases', async () => {
    const { locks, b } = twoTabs();
    const c = createOwnership(locks);
    const order: string[] = [];
    b.watch('s', async () => {
      order.push('b');
      return true;
    });
    c.watch('s', async () => {
      order.push('c');
      return true;
    });
    await tick();
    expect(order).toEqual(['b']);
    b.release('s');
    await tick();
    expect(order).toEqual(['b', 'c']);
  });

  it('lets go at once when adopt finds nothing to send, so the next watcher is not kept waiting', async () => {
    const { locks, b } = twoTabs();
    const c = createOwnership(locks);
    let cAdopted = false;
    b.watch('done', async () => false);
    c.watch('done', async () => {
      cAdopted = true;
      return false;
    });
    await tick();
    expect(cAdopted).toBe(true);
    let again = false;
    b.watch('done', async () => {
      again = true; // let go: a later scan may watch it again
      return false;
    });
    await tick();
    expect(again).toBe(true);
  });

  it('stops waiting on release or dispose: the callback never runs', async () => {
    const { a, b } = twoTabs();
    let ran = false;
    a.claim('s');
    b.watch('s', async () => {
      ran = true;
      return true;
    });
    b.release('s');
    a.release('s');
    await tick();
    expect(ran).toBe(false);
    b.watch('s', async () => {
      ran = true; // no longer waiting: a new watch queues again
      return true;
    });
    await tick();
    expect(ran).toBe(true);
  });

  it('watch and claim are idempotent per session', async () => {
    const { b } = twoTabs();
    let adopted = 0;
    const adopt = async () => {
      adopted += 1;
      return true;
    };
    b.watch('s', adopt);
    b.watch('s', adopt);
    b.claim('s');
    await tick();
    expect(adopted).toBe(1);
  });
});
