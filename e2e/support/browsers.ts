// Which browsers the e2e and bench configs launch: Debian's chromium / firefox-esr when installed
// (Playwright cannot download its own here), otherwise Playwright's bundled builds;
// CHROMIUM_PATH / FIREFOX_PATH override both.
import { existsSync } from 'node:fs';

const pick = (override: string | undefined, debian: string): string | undefined =>
  override || (existsSync(debian) ? debian : undefined);

export const chromiumPath = pick(process.env.CHROMIUM_PATH, '/usr/bin/chromium');
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
