// Which browsers the e2e and bench configs launch: Debian's chromium / firefox-esr when installed
// (Playwright cannot download its own here), otherwise Playwright's bundled builds;
// CHROMIUM_PATH / FIREFOX_PATH override both.
import { existsSync } from 'node:fs';

const pick = (override: string | undefined, ...debian: string[]): string | undefined =>
  override || debian.find((path) => existsSync(path));

/** Debian's full Chromium: `npm run bench`'s, and the suite's where the headless shell is not installed. */
export const FULL_CHROMIUM = '/usr/bin/chromium';

/**
 * The end-to-end suite's Chromium: Debian's `chromium-headless-shell` (the same Chromium build in the
 * headless shell Playwright itself uses for headless runs) when installed, else the full browser in its
 * headless mode. Measured on the 2-core machine: a new context and the harness page cost about 1 CPU-s in
 * the shell against about 3 CPU-s in the full browser, and the Chromium tests took half the CPU
 * (docs/contributing.md#browsers-for-end-to-end-tests).
 */
export const chromiumPath = pick(
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium-headless-shell',
  FULL_CHROMIUM,
);
/**
 * `npm run bench`'s Chromium: the full browser, whose numbers the earlier benches were taken on
 * (docs/benchmarks.md).
 */
export const benchChromiumPath = pick(process.env.CHROMIUM_PATH, FULL_CHROMIUM);
export const firefoxPath = pick(process.env.FIREFOX_PATH, '/usr/bin/firefox-esr');

/**
 * Flags this machine's closed network and headless root user need
 * (docs/contributing.md#browsers-for-end-to-end-tests).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
];
