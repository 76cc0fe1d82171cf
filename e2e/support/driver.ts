// The browser-driving layer, written once: a scenario talks to a `Driver`, and runs unchanged in
// Chromium and Firefox (Playwright, e2e/support/driver-playwright.ts) and in WebKit (WebKitWebDriver
// through webdriverio, e2e/support/driver-webdriver.ts). Only what both protocols can do is here: no
// network emulation (cut the collector at the emulator instead), no routes, no fake clock.
import type { Collector } from './collector';
import { type HarnessQuery, harnessPath } from './player';
import { pollUntil } from './poll';

export type Engine = 'chromium' | 'firefox' | 'webkit';

/** A function run in the page: its source is sent to the browser, so it can use only its argument and the page's globals. */
export type PageFunction<A, T> = (arg: A) => T | Promise<T>;

export interface Driver {
  readonly engine: Engine;
  /** What this engine can really do here, so a scenario asks instead of guessing. */
  readonly can: {
    /** A real hidden page (a minimized window): only WebKitGTK under Xvfb here. */
    realHiddenPage: boolean;
    /** The back/forward cache keeps a page you navigate away from (pagehide `persisted: true`). */
    backForwardCache: boolean;
  };
  /** Opens `path` (relative to the demo server) in the current page. */
  goto(path: string): Promise<void>;
  /** Runs `fn(arg)` in the current page and returns its (JSON) result; a returned promise is awaited. */
  evaluate<T, A = undefined>(fn: PageFunction<A, T>, arg?: A): Promise<T>;
  /** A real click on the first element matching a CSS selector (a user activation, e.g. for fullscreen). */
  click(selector: string): Promise<void>;
  reload(): Promise<void>;
  back(): Promise<void>;
  /** Opens a second page (tab) of the same browser profile and makes it the current one. */
  newPage(): Promise<void>;
  /** Makes the index-th open page (in opening order) the current one. */
  switchTo(index: number): Promise<void>;
  /** Closes the current page (its pagehide runs) and makes another open page the current one. */
  closePage(): Promise<void>;
  /** Minimizes or restores the window: a real `visibilitychange` (only when `can.realHiddenPage`). */
  setMinimized(minimized: boolean): Promise<void>;
  /** Ends the browser session and everything it started. */
  quit(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `fn` in the page until it returns something truthy. */
export async function waitInPage<A>(
  driver: Driver,
  fn: PageFunction<A, unknown>,
  arg?: A,
  { timeoutMs = 15_000, message = 'page condition' }: { timeoutMs?: number; message?: string } = {},
): Promise<void> {
  await pollUntil(async () => Boolean(await driver.evaluate(fn, arg)), {
    timeoutMs,
    message: () => `${message} never held in ${driver.engine}`,
  });
}

/** The harness (demo/harness.ts) reporting to `collector`, once its player exists. */
export async function openHarnessIn(
  driver: Driver,
  collector: Pick<Collector, 'url'>,
  query: HarnessQuery = {},
): Promise<void> {
  await driver.goto(harnessPath(collector.url, query));
  await waitInPage(driver, () => typeof window.player?.currentTime === 'function', undefined, {
    message: 'the harness player',
  });
}

export const playhead = (driver: Driver): Promise<number> =>
  driver.evaluate(() => window.player.currentTime() ?? 0);

/** A real click on the big play button, then waits until the playhead has moved. */
export async function startPlaybackIn(driver: Driver, timeoutMs = 15_000): Promise<void> {
  await driver.click('.vjs-big-play-button');
  await waitInPage(driver, () => (window.player.currentTime() ?? 0) > 0.3, undefined, {
    timeoutMs,
    message: 'playback started',
  });
}

/**
 * play() from script without waiting for its promise: after a seek WebKit may reject it with AbortError
 * or never settle it while playback goes on (docs/browsers.md#webkit); the playhead is the judge.
 */
export const playIn = (driver: Driver): Promise<void> =>
  driver.evaluate(() => {
    window.player.play()?.catch(() => undefined);
  });

export const pauseIn = (driver: Driver): Promise<void> =>
  driver.evaluate(() => {
    window.player.pause();
  });

/** Waits until the playhead is past `t` seconds. */
export const playedPast = (driver: Driver, t: number, timeoutMs = 15_000): Promise<void> =>
  waitInPage(driver, (at) => (window.player.currentTime() ?? 0) > at, t, {
    timeoutMs,
    message: `playhead past ${t}`,
  });

/** Seeks and waits until the element has finished seeking (no `seeked` listener: WebKit's order differs). */
export async function seekIn(driver: Driver, to: number): Promise<void> {
  await driver.evaluate((t) => window.player.currentTime(t), to);
  await waitInPage(
    driver,
    (t) => !window.player.seeking() && Math.abs((window.player.currentTime() ?? 0) - t) < 2,
    to,
    { message: `seeked to ${to}` },
  );
}
