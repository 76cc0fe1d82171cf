// The page's lifecycle as streams, for every part of the plugin that cares: the tracker's flushes
// (docs/delivery.md#page-hide-and-keepalive), the core's focus state and final pagehide, the sender's
// connectivity (docs/browsers.md#connectivity). The one file that listens to `window` and `document`;
// each stream shares one DOM listener among its subscribers and removes it when the last one leaves.
import { EMPTY, filter, fromEvent, map, merge, type Observable, share } from 'rxjs';

export interface PageTransition {
  /** True when the page goes into (or comes out of) the back/forward cache. */
  persisted: boolean;
}

export interface PageLifecycle {
  /** `visibilitychange` to hidden: possibly the last moment the page gets (docs/delivery.md#page-hide-and-keepalive). */
  hidden$: Observable<void>;
  /** `visibilitychange` to visible. */
  visible$: Observable<void>;
  /** `pagehide`; `persisted: false` means the page is gone for good. */
  pagehide$: Observable<PageTransition>;
  /** `pageshow`; `persisted: true` when the page comes back from the back/forward cache. */
  pageshow$: Observable<PageTransition>;
  /** `freeze` (Page Lifecycle API, Chromium): the page's tasks stop, maybe for good. */
  freeze$: Observable<void>;
  /** The browser came back online. */
  online$: Observable<void>;
  /** Focus or visibility may have changed (`focus`, `blur`, `visibilitychange`). */
  focus$: Observable<void>;
  /** `navigator.onLine === false` is reliable; true proves nothing (docs/browsers.md#connectivity). */
  isOnline(): boolean;
}

const NO_PAGE: PageLifecycle = {
  hidden$: EMPTY,
  visible$: EMPTY,
  pagehide$: EMPTY,
  pageshow$: EMPTY,
  freeze$: EMPTY,
  online$: EMPTY,
  focus$: EMPTY,
  isOnline: () => true,
};

const shared = <T>(target: EventTarget, type: string, read: (event: Event) => T): Observable<T> =>
  fromEvent(target, type).pipe(map(read), share());

const none = (): void => undefined;
const transition = (event: Event): PageTransition => ({
  persisted: (event as PageTransitionEvent).persisted === true,
});

/** The page's lifecycle; outside a browser (Node, SSR) every stream is empty. */
export function pageLifecycle(): PageLifecycle {
  if (typeof window === 'undefined' || typeof document === 'undefined') return NO_PAGE;
  const visibility$ = shared(document, 'visibilitychange', () => document.visibilityState);
  return {
    hidden$: visibility$.pipe(
      filter((state) => state === 'hidden'),
      map(none),
    ),
    visible$: visibility$.pipe(
      filter((state) => state === 'visible'),
      map(none),
    ),
    pagehide$: shared(window, 'pagehide', transition),
    pageshow$: shared(window, 'pageshow', transition),
    freeze$: shared(document, 'freeze', none),
    online$: shared(window, 'online', none),
    focus$: merge(shared(window, 'focus', none), shared(window, 'blur', none), visibility$.pipe(map(none))),
    isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
  };
}
