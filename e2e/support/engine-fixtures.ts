// Fixtures for the scenarios written once against the Driver (e2e/engines/*.spec.ts): `driver` is a
// Playwright page in the `chromium` / `firefox` projects and a WebKitWebDriver session in `webkit`.
// The Playwright browser is launched only when a test asks for a driver in those projects, so the
// WebKit project starts no Chromium.
import type { Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath, firefoxPath } from './browsers';
import type { Driver, Engine } from './driver';
import { playwrightDriver } from './driver-playwright';
import { webkitDriver, webkitMissing } from './driver-webdriver';
import { test as base } from './fixtures';

export { expect } from '@playwright/test';

export interface EngineOptions {
  /** MiniBrowser flags for the WebKit driver (e.g. a non-Safari user agent); ignored by Playwright. */
  webkitArgs: string[];
}

type EngineFixtures = EngineOptions & {
  engine: Engine;
  driver: Driver;
  /** Opens another driver in any engine, closed after the test (the three-engine comparison). */
  openDriver: (engine: Engine) => Promise<Driver>;
};

type WorkerFixtures = {
  /** The worker's Playwright browser of an engine, launched on first use. */
  playwrightBrowser: (engine: 'chromium' | 'firefox') => Promise<Browser>;
};

/** The same launch options as playwright.config.ts's projects, for an engine this project is not. */
const otherLaunchOptions = (engine: 'chromium' | 'firefox') =>
  engine === 'chromium'
    ? { executablePath: chromiumPath, args: CHROMIUM_ARGS }
    : firefoxPath
      ? { channel: 'moz-firefox', executablePath: firefoxPath }
      : {};

/** Which engine a project drives: the `webkit` project's name says it, the others their browserName. */
const engineOf = (project: string, browserName: string): Engine =>
  project.startsWith('webkit') ? 'webkit' : (browserName as Engine);

export const test = base.extend<EngineFixtures, WorkerFixtures>({
  webkitArgs: [[], { option: true }],
  playwrightBrowser: [
    async ({ playwright, launchOptions, channel }, use, workerInfo) => {
      const launched = new Map<string, Promise<Browser>>();
      const ownEngine = workerInfo.project.use.browserName ?? 'chromium';
      await use((engine) => {
        let browser = launched.get(engine);
        if (!browser) {
          // This project's own launch options (Debian's binaries, flags); another engine's come from its config.
          const own = engine === ownEngine && !workerInfo.project.name.startsWith('webkit');
          const options = own ? { ...launchOptions, channel } : otherLaunchOptions(engine);
          browser = playwright[engine].launch(options);
          launched.set(engine, browser);
        }
        return browser;
      });
      for (const browser of launched.values()) await (await browser).close();
    },
    { scope: 'worker' },
  ],
  engine: async ({ browserName }, use, testInfo) => {
    await use(engineOf(testInfo.project.name, browserName));
  },
  openDriver: async ({ playwrightBrowser, webkitArgs, baseURL }, use) => {
    const opened: Driver[] = [];
    await use(async (engine) => {
      const url = baseURL ?? '';
      const driver =
        engine === 'webkit'
          ? await webkitDriver({ baseURL: url, args: webkitArgs })
          : await playwrightDriver(engine, await playwrightBrowser(engine), url);
      opened.push(driver);
      return driver;
    });
    for (const driver of opened.reverse()) await driver.quit().catch(() => undefined);
  },
  driver: async ({ engine, openDriver }, use) => {
    if (engine === 'webkit') {
      const missing = webkitMissing();
      base.skip(Boolean(missing), `WebKit: ${missing}`);
    }
    await use(await openDriver(engine));
  },
});
