// The page's lifecycle as streams, for every part of the plugin that cares: the tracker's flushes
// (docs/delivery.md#page-hide-and-keepalive), the core's focus state and final pagehide, the sender's
// connectivity (docs/browsers.md#connectivity). The one file that listens to `window` and `document`;
// each stream shares one DOM listener among its subscribers and removes it when the last one leaves.
import { filter, map, Observable, type Subscriber } from 'rxjs';
import { merge } from '../streams/sources';

export interface PageTransition {
  /** True when the page goes into (or comes out of) the back/forward cache. */
  persisted: boolean;
}

export interface PageLifecycle {
  /** `visibilitychange` to hidden: possibly the last moment the page gets (docs/delivery.md#page-hide-and-keepalive). */
  hidden$: Observable<void>;
  /** `pagehide`; `persisted: false` means the page is gone for good. */
  pagehide$: Observable<PageTransition>;
  /** `pageshow`; `persisted: true` when the page comes back from the back/forward cache. */
  pageshow$: Observable<PageTransition>;
  /** The browser came back online. */
  online$: Observable<void>;
  /** Focus or visibility may have changed (`focus`, `blur`, `visibilitychange`). */
  focus$: Observable<void>;
  /** `navigator.onLine === false` is reliable; true proves nothing (docs/browsers.md#connectivity). */
  isOnline(): boolean;
  /** `document.visibilityState === 'hidden'` (false outside a browser). */
  isHidden(): boolean;
}

/**
 * One DOM listener for all subscribers, told in the order they subscribed (tracking before delivery);
 * added with the first, removed with the last. Without the target (Node, SSR) it never emits.
 */
function shared<T>(target: EventTarget | undefined, type: string, read: (event: Event) => T): Observable<T> {
  const subscribers = new Set<Subscriber<T>>();
  const listener = (event: Event): void => {
    const value = read(event);
    for (const subscriber of [...subscribers]) subscriber.next(value);
  };
  return new Observable<T>((subscriber) => {
    if (!target) return;
    if (subscribers.size === 0) target.addEventListener(type, listener);
    subscribers.add(subscriber);
    return () => {
      subscribers.delete(subscriber);
      if (subscribers.size === 0) target.removeEventListener(type, listener);
    };
  });
}

const none = (): void => undefined;
const transition = (event: Event): PageTransition => ({
  persisted: (event as PageTransitionEvent).persisted === true,
});

/** The page's lifecycle; outside a browser (Node, SSR) no stream ever emits. */
export function pageLifecycle(): PageLifecycle {
  const win = typeof window === 'undefined' ? undefined : window;
  const doc = typeof document === 'undefined' ? undefined : document;
  const visibility$ = shared(doc, 'visibilitychange', () => doc?.visibilityState);
  return {
    hidden$: visibility$.pipe(
      filter((now) => now === 'hidden'),
      map(none),
    ),
    pagehide$: shared(win, 'pagehide', transition),
    pageshow$: shared(win, 'pageshow', transition),
    online$: shared(win, 'online', none),
    focus$: merge(shared(win, 'focus', none), shared(win, 'blur', none), visibility$.pipe(map(none))),
    isHidden: () => doc?.visibilityState === 'hidden',
    isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
  };
}
