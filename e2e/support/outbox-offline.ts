// Taking pages offline in a way they can still reload and open new tabs (the reload and tab-close
// scenarios need a page to load while the collector stays unreachable).
// - Chromium: real offline (`context.setOffline`: navigator.onLine false, `offline`/`online` events,
//   fetch rejects), with the demo's own origin served through Playwright (route.fetch runs in Node,
//   so it works while the browser is offline). The collector's origin is not routed: unreachable.
// - Firefox: a routed request fails while offline (NS_ERROR_OFFLINE, measured), so there the collector
//   refuses connections at the server and navigator.onLine / the events are overridden in the page.
import type { BrowserContext, Route } from '@playwright/test';
import type { Collector } from './collector';

export interface OfflineSwitch {
  mode: 'network' | 'simulated';
  set(offline: boolean): Promise<void>;
}

const DEMO = `http://127.0.0.1:${process.env.DEMO_PORT ?? '5173'}`;

export async function offlineSwitch(
  context: BrowserContext,
  collector: Collector,
  browserName: string,
): Promise<OfflineSwitch> {
  if (browserName === 'chromium') {
    await context.route(`${DEMO}/**`, async (route) =>
      route.fulfill({ response: await fetchAgainOnReset(route) }),
    );
    // A page Playwright fulfilled has no known address space, so Chromium's Local Network Access
    // checks would block its requests to the loopback collector; a user could grant the same.
    await context.grantPermissions(['local-network-access']);
    return { mode: 'network', set: (offline) => context.setOffline(offline) };
  }
  await context.addInitScript(() => {
    const KEY = '__e2e_offline';
    const offline = () => localStorage.getItem(KEY) === '1';
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => !offline() });
    const announce = () => window.dispatchEvent(new Event(offline() ? 'offline' : 'online'));
    (window as unknown as { __e2eSetOffline: (v: boolean) => void }).__e2eSetOffline = (value) => {
      localStorage.setItem(KEY, value ? '1' : '0');
      announce();
    };
    window.addEventListener('storage', (e) => {
      if (e.key === KEY) announce(); // the other tabs of the origin hear it this way
    });
  });
  return {
    mode: 'simulated',
    async set(offline) {
      if (offline) await collector.addFault({ refuse: true });
      else await collector.clearFaults();
      const page = context.pages()[0];
      await page?.evaluate(
        (value) => (window as unknown as { __e2eSetOffline: (v: boolean) => void }).__e2eSetOffline(value),
        offline,
      );
    },
  };
}

/**
 * route.fetch() reuses pooled keep-alive connections to the demo server; one the server closed as idle
 * at the moment it was reused fails with ECONNRESET (seen: a page load failed this way). A browser sends
 * such a request again on a fresh connection by itself, so this does the same, once, for these GETs.
 */
async function fetchAgainOnReset(route: Route) {
  try {
    return await route.fetch();
  } catch (error) {
    if (!/ECONNRESET|socket hang up/.test(String(error))) throw error;
    return route.fetch();
  }
}
