// The page's word on connectivity, for the sender (docs/browsers.md#connectivity): `navigator.onLine ===
// false` is reliable and pauses sending; `true` proves nothing, so only a request's answer does. The
// `online` event is the moment to retry at once. The one delivery file that reads the page.
import { EMPTY, fromEvent, type Observable } from 'rxjs';

export interface Connectivity {
  isOnline(): boolean;
  /** The browser came back online. */
  online$: Observable<unknown>;
}

export function pageConnectivity(): Connectivity {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') {
    return { isOnline: () => true, online$: EMPTY };
  }
  return { isOnline: () => navigator.onLine !== false, online$: fromEvent(window, 'online') };
}
