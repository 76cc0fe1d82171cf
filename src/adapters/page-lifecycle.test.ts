// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageLifecycle } from './page-lifecycle';

const setVisibility = (state: 'hidden' | 'visible') => {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);
  document.dispatchEvent(new Event('visibilitychange'));
};

const transition = (type: 'pagehide' | 'pageshow', persisted: boolean) => {
  const event = new Event(type);
  Object.defineProperty(event, 'persisted', { value: persisted });
  window.dispatchEvent(event);
};

/** Counts the listeners added to a target, per event type, minus those removed. */
function ledger(target: EventTarget) {
  const live = new Map<string, number>();
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  vi.spyOn(target, 'addEventListener').mockImplementation((type, ...rest) => {
    live.set(type, (live.get(type) ?? 0) + 1);
    add(type, ...rest);
  });
  vi.spyOn(target, 'removeEventListener').mockImplementation((type, ...rest) => {
    live.set(type, (live.get(type) ?? 0) - 1);
    remove(type, ...rest);
  });
  return (type: string) => live.get(type) ?? 0;
}

describe('pageLifecycle', () => {
  afterEach(() => vi.restoreAllMocks());

  it('tells hidden, and every visibility change as a possible focus change', () => {
    const page = pageLifecycle();
    const seen: string[] = [];
    const subs = [
      page.hidden$.subscribe(() => seen.push('hidden')),
      page.focus$.subscribe(() => seen.push('focus?')),
    ];
    setVisibility('hidden');
    setVisibility('visible');
    window.dispatchEvent(new Event('blur'));
    window.dispatchEvent(new Event('focus'));
    expect(seen).toEqual(['hidden', 'focus?', 'focus?', 'focus?', 'focus?']);
    for (const s of subs) s.unsubscribe();
  });

  it('passes on whether pagehide and pageshow involve the back/forward cache', () => {
    const page = pageLifecycle();
    const seen: string[] = [];
    const subs = [
      page.pagehide$.subscribe(({ persisted }) => seen.push(`hide:${persisted}`)),
      page.pageshow$.subscribe(({ persisted }) => seen.push(`show:${persisted}`)),
    ];
    transition('pagehide', true);
    transition('pageshow', true);
    transition('pagehide', false);
    expect(seen).toEqual(['hide:true', 'show:true', 'hide:false']);
    for (const s of subs) s.unsubscribe();
  });

  it('hears online, and reads navigator.onLine only when asked', () => {
    const page = pageLifecycle();
    const seen: string[] = [];
    const subs = [page.online$.subscribe(() => seen.push('online'))];
    window.dispatchEvent(new Event('online'));
    expect(seen).toEqual(['online']);
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    expect(page.isOnline()).toBe(false);
    onLine.mockReturnValue(true);
    expect(page.isOnline()).toBe(true);
    for (const s of subs) s.unsubscribe();
  });

  it('gives subscribers in the order they came, on one DOM listener per event, removed with the last', () => {
    const onWindow = ledger(window);
    const onDocument = ledger(document);
    const page = pageLifecycle();
    const order: string[] = [];
    // The tracker relies on this: tracking (the core's sessionEnd) hears pagehide before delivery ships.
    const first = page.pagehide$.subscribe(() => order.push('tracking'));
    const second = page.pagehide$.subscribe(() => order.push('delivery'));
    const hidden = page.hidden$.subscribe();
    const focus = page.focus$.subscribe();
    expect(onWindow('pagehide')).toBe(1);
    expect(onDocument('visibilitychange')).toBe(1);
    transition('pagehide', false);
    expect(order).toEqual(['tracking', 'delivery']);
    first.unsubscribe();
    expect(onWindow('pagehide')).toBe(1);
    for (const s of [second, hidden, focus]) s.unsubscribe();
    expect(onWindow('pagehide')).toBe(0);
    expect(onWindow('focus')).toBe(0);
    expect(onDocument('visibilitychange')).toBe(0);
  });
});
