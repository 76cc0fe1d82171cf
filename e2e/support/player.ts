// Page-side helpers for demo/harness.html (its query parameters are documented in demo/harness.ts).
// `window.player` etc. are typed by demo/harness-window.d.ts.
import { expect, type Page } from '@playwright/test';
import type { Collector } from './collector';

export type HarnessQuery = Record<string, string | number | boolean | object>;

/**
 * The harness's path for a query (object values, e.g. `opts`, as JSON), its pages posting to `collectorUrl`.
 * Driver-neutral: a WebDriver suite opens the same URL.
 */
export function harnessPath(collectorUrl: string, query: HarnessQuery = {}): string {
  const params = new URLSearchParams({ collector: collectorUrl });
  for (const [key, value] of Object.entries(query)) {
    params.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return `/harness.html?${params}`;
}

/** The demo page (demo/index.html) posting to `collectorUrl`; `query` adds e.g. `ads=manual`. */
export const demoPath = (collectorUrl: string, query: Record<string, string> = {}): string =>
  `/?${new URLSearchParams({ collector: collectorUrl, ...query })}`;

/** Opens the harness reporting to this test's collector. Waits until the player exists. */
export async function openHarness(
  page: Page,
  collector: Pick<Collector, 'url'>,
  query: HarnessQuery = {},
): Promise<void> {
  await page.goto(harnessPath(collector.url, query));
  await page.waitForFunction(() => typeof window.player?.currentTime === 'function');
}

export const currentTime = (page: Page): Promise<number> =>
  page.evaluate(() => window.player.currentTime() ?? 0);

/**
 * Starts playback like a user: a real click on the big play button (a play() from page.evaluate would
 * behave differently for autoplay policy), then waits until the playhead has really moved.
 */
export async function startPlayback(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.locator('.vjs-big-play-button').click();
  await expect
    .poll(() => currentTime(page), { timeout: timeoutMs, message: 'playback never started' })
    .toBeGreaterThan(0.3);
}

export interface Stall {
  /** currentTime while frozen (seconds of content). */
  at: number;
  frozenMs: number;
  /** currentTime once it had clearly moved on. */
  resumedTo: number;
  /** When the first `waiting` came, relative to the freeze start; null if none (Firefox often has none). */
  waitingAfterMs: number | null;
}

/**
 * Waits, from now, for currentTime to freeze for at least `minMs` while not paused and then move on by
 * 0.5 s. Sampled every 50 ms in the page: a round trip per sample would blur the timing.
 */
export function waitForStall(page: Page, minMs = 2000, timeoutMs = 20_000): Promise<Stall> {
  return page.evaluate(
    ({ minMs, timeoutMs }) =>
      new Promise<Stall>((resolve, reject) => {
        const player = window.player;
        let waitingAt: number | undefined;
        player.one('waiting', () => {
          waitingAt = performance.now();
        });
        let last = player.currentTime() ?? 0;
        let since = performance.now();
        let longest = { at: 0, frozenMs: 0, from: 0 };
        const timer = setInterval(() => {
          const now = performance.now();
          const ct = player.currentTime() ?? 0;
          if (ct === last && !player.paused()) return;
          if (now - since > longest.frozenMs) longest = { at: last, frozenMs: now - since, from: since };
          if (longest.frozenMs >= minMs && ct > longest.at + 0.5) {
            clearInterval(timer);
            resolve({
              at: longest.at,
              frozenMs: Math.round(longest.frozenMs),
              resumedTo: ct,
              waitingAfterMs: waitingAt === undefined ? null : Math.round(waitingAt - longest.from),
            });
          }
          last = ct;
          since = now;
        }, 50);
        setTimeout(() => {
          clearInterval(timer);
          reject(
            new Error(`no freeze ≥ ${minMs} ms followed by progress; longest ${JSON.stringify(longest)}`),
          );
        }, timeoutMs);
      }),
    { minMs, timeoutMs },
  );
}

/**
 * A real hidden tab cannot be produced under Playwright, so `visibilityState` / `hidden` are overridden in
 * JS (docs/browsers.md#what-playwright-cannot-show). Installed as an init script so the plugin reads the
 * override from start-up; call it before openHarness().
 */
export async function installVisibilityOverride(page: Page): Promise<void> {
  await page.addInitScript(() => {
    let state: DocumentVisibilityState = 'visible';
    Object.defineProperty(Document.prototype, 'visibilityState', { get: () => state, configurable: true });
    Object.defineProperty(Document.prototype, 'hidden', {
      get: () => state === 'hidden',
      configurable: true,
    });
    window.__setVisibility = (next) => {
      state = next;
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    };
  });
}

/** Flips the overridden visibility and fires `visibilitychange` (needs installVisibilityOverride first). */
export async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((next) => {
    if (!window.__setVisibility) throw new Error('call installVisibilityOverride(page) before openHarness()');
    window.__setVisibility(next);
  }, state);
}
