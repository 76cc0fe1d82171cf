// The Driver (e2e/support/driver.ts) over Playwright: Chromium and Firefox.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { Driver, Engine } from './driver';

/** A driver on a fresh context of `browser` (its own storage: IndexedDB, localStorage, cache). */
export async function playwrightDriver(engine: Engine, browser: Browser, baseURL: string): Promise<Driver> {
  const context: BrowserContext = await browser.newContext({ baseURL });
  let page: Page = await context.newPage();
  const current = () => page;
  return {
    engine,
    // Headless Chromium and Firefox stay visible; Playwright's Chromium never keeps a page in the
    // back/forward cache (measured), and Firefox's is not relied on either way.
    can: { realHiddenPage: false, backForwardCache: false },
    async goto(path) {
      await current().goto(path);
    },
    evaluate: (fn, arg) => current().evaluate(fn as never, arg) as never,
    async click(selector) {
      await current().locator(selector).first().click();
    },
    async reload() {
      await current().reload();
    },
    async back() {
      await current().goBack();
    },
    async newPage() {
      page = await context.newPage();
    },
    async switchTo(index) {
      const open = context.pages().filter((p) => !p.isClosed());
      const next = open[index];
      if (!next) throw new Error(`no page ${index} (${open.length} open)`);
      page = next;
    },
    async closePage() {
      const closing = current();
      await closing.close({ runBeforeUnload: true });
      const open = context.pages().filter((p) => !p.isClosed());
      if (open.length > 0) page = open[open.length - 1] as Page;
    },
    async setMinimized() {
      throw new Error(
        `${engine} under Playwright cannot hide a page (docs/browsers.md#what-playwright-cannot-show)`,
      );
    },
    async quit() {
      await context.close();
    },
  };
}
