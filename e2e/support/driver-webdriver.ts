// The Driver (e2e/support/driver.ts) over W3C classic WebDriver: WebKitGTK's MiniBrowser through
// WebKitWebDriver, driven by webdriverio, under a virtual display of its own (docs/browsers.md#webkit).
// Every browser call has a deadline: WebKitWebDriver answers nothing at all in the cases that hang
// (no display, a page promise that never settles), and a test must fail, not stall the suite.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { remote } from 'webdriverio';
import type { Driver } from './driver';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
/** Debian's MiniBrowser (webkit2gtk-driver pulls it in); WEBKIT_BROWSER_PATH overrides. */
export const MINIBROWSER =
  process.env.WEBKIT_BROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/**
 * Safari's own driver speaks the same protocol: on a Mac, `safaridriver --enable` once, then
 * WEBKIT_DRIVER_PATH=/usr/bin/safaridriver (docs/browsers.md#safari-on-a-mac).
 */
const SAFARI = WEBKIT_DRIVER.endsWith('safaridriver');

/** Why WebKit cannot run here, or undefined when it can. */
export function webkitMissing(): string | undefined {
  if (!existsSync(WEBKIT_DRIVER)) return `no ${WEBKIT_DRIVER} (Debian: apt-get install webkit2gtk-driver)`;
  if (SAFARI) return undefined;
  if (!existsSync(MINIBROWSER)) return `no ${MINIBROWSER}`;
  if (!process.env.DISPLAY && !onPath('Xvfb')) return 'no DISPLAY and no Xvfb (Debian: apt-get install xvfb)';
  return undefined;
}

const onPath = (bin: string) =>
  (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(`${dir}/${bin}`));

/** MiniBrowser's own UA says "Safari", which sends video.js and VHS down their Safari paths. */
export const NON_SAFARI_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

export interface WebKitOptions {
  baseURL: string;
  /** MiniBrowser flags after `--automation`, e.g. `--user-agent=…` (NON_SAFARI_UA for VHS runs). */
  args?: string[];
}

const CALL_MS = 45_000; // above WebKit's 30 s script timeout, so its own error wins when it has one

async function withDeadline<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`WebKit: ${what} did not answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** A virtual display of our own: `-displayfd` picks a free number and says it once the server is ready. */
async function startXvfb(): Promise<{ display?: string; process?: ChildProcess }> {
  if (SAFARI) return {};
  if (process.env.WEBKIT_DISPLAY) return { display: process.env.WEBKIT_DISPLAY };
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const number = await withDeadline(
    'Xvfb',
    10_000,
    new Promise<string>((resolve, reject) => {
      xvfb.once('error', reject);
      xvfb.stdio[3]?.once('data', (data) => resolve(String(data).trim()));
    }),
  );
  return { display: `:${number}`, process: xvfb };
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

async function waitForPort(port: number, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => resolve(socket.destroy() === socket));
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver never listened on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A fresh MiniBrowser session (its own ephemeral profile) under its own WebKitWebDriver. */
export async function webkitDriver({ baseURL, args = [] }: WebKitOptions): Promise<Driver> {
  const xvfb = await startXvfb();
  const port = Number(process.env.WEBKIT_DRIVER_PORT) || (await freePort());
  const server = spawn(WEBKIT_DRIVER, ['-p', String(port)], {
    env: xvfb.display ? { ...process.env, DISPLAY: xvfb.display } : process.env,
    stdio: ['ignore', 'ignore', process.env.WEBKIT_DEBUG ? 'inherit' : 'ignore'],
  });
  const stopProcesses = () => {
    server.kill();
    xvfb.process?.kill();
  };
  let browser: WebdriverIO.Browser;
  try {
    await waitForPort(port);
    browser = await withDeadline(
      'new session',
      30_000,
      remote({
        hostname: '127.0.0.1',
        port,
        logLevel: 'error',
        connectionRetryCount: 0,
        capabilities: (SAFARI
          ? { browserName: 'safari', 'wdio:enforceWebDriverClassic': true }
          : {
              browserName: 'MiniBrowser',
              // Debian's build has no WebDriver BiDi; webdriverio 9 asks for it unless told not to.
              'wdio:enforceWebDriverClassic': true,
              // `--automation` must come first once args are given, or MiniBrowser opens as a normal browser.
              'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', ...args] },
            }) as WebdriverIO.Capabilities,
      }),
    );
  } catch (error) {
    stopProcesses();
    throw error;
  }
  let quitting: Promise<void> | undefined;
  const call = <T>(what: string, work: () => Promise<T>) => withDeadline(what, CALL_MS, work());
  const url = (path: string) => new URL(path, baseURL).toString();
  return {
    engine: 'webkit',
    can: { realHiddenPage: true, backForwardCache: true },
    goto: (path) => call(`goto ${path}`, () => browser.url(url(path)).then(() => undefined)),
    evaluate: (fn, arg) =>
      call('execute', () => browser.execute(fn as never, arg as never) as Promise<never>),
    click: (selector) => call(`click ${selector}`, async () => (await browser.$(selector)).click()),
    reload: () => call('reload', () => browser.refresh()),
    back: () => call('back', () => browser.back()),
    newPage: () =>
      call('new page', async () => {
        const { handle } = await browser.createWindow('tab');
        await browser.switchToWindow(handle);
      }),
    switchTo: (index) =>
      call('switch page', async () => {
        const handle = (await browser.getWindowHandles())[index];
        if (!handle) throw new Error(`no page ${index}`);
        await browser.switchToWindow(handle);
      }),
    closePage: () =>
      call('close page', async () => {
        const left = await browser.closeWindow();
        const next = (Array.isArray(left) ? left : await browser.getWindowHandles()).at(-1);
        if (next) await browser.switchToWindow(next);
      }),
    setMinimized: (minimized) =>
      call('window state', async () => {
        if (minimized) await browser.minimizeWindow();
        else await browser.maximizeWindow();
      }),
    async quit() {
      if (quitting) return quitting;
      quitting = (async () => {
        try {
          await withDeadline('delete session', 15_000, browser.deleteSession());
        } finally {
          stopProcesses();
        }
      })();
      return quitting;
    },
  };
}
