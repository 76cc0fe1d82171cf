// E2E config. @playwright/test stays pinned at 1.64.1: 1.65 breaks Firefox ESR 153 over WebDriver BiDi.
// Browsers: Debian's chromium / firefox-esr when installed (Playwright cannot download its own here),
// otherwise Playwright's bundled builds; CHROMIUM_PATH / FIREFOX_PATH override both.
//
// Two kinds of project per browser:
// - `chromium` / `firefox`: every test not tagged @timing, fully parallel. Each test has its own collector
//   emulator (e2e/support/fixtures.ts) and its own browser context, so tests share nothing but the demo's
//   static server (the pages built: `npm run demo:built`).
// - `webkit`: WebKitGTK through WebKitWebDriver, the Driver scenarios of e2e/engines/ only, one at a time
//   (e2e/run.mjs runs it beside the parallel pass; docs/browsers.md#running-the-webkit-pass). Those tagged
//   @webkit run only there; those tagged @timing too run in `webkit-timing`, in the timing pass.
// - `chromium-timing` / `firefox-timing` / `webkit-timing`: the tests tagged @timing (they assert real-time
//   spacing: ping grid, stalls, ad ping arrivals, backoff counts, the three engines' ts spacing), one at a
//   time in each. `npm run test:e2e` (e2e/run.mjs) runs the three side by side in a last pass once the
//   others are over, so no parallel test shares the cores with them.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath, FULL_CHROMIUM, firefoxPath } from './e2e/support/browsers';

/** DEMO_PORT / COLLECTOR_PORT (default 5173 / 8787) are read by demo/vite.config.ts too. */
const DEMO_PORT = process.env.DEMO_PORT ?? '5173';
/** Set by e2e/run.mjs for each pass, so the passes' reports do not overwrite each other. */
const PASS = process.env.E2E_PASS ?? 'all';
const TIMING = /@timing/;
/** Engine scenarios (e2e/engines/) that only WebKit can run, or that drive all three engines themselves. */
const WEBKIT_ONLY = /@webkit/;

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: { executablePath: chromiumPath, args: CHROMIUM_ARGS },
};
const firefox = {
  browserName: 'firefox' as const,
  // Debian's ESR is driven through WebDriver BiDi (the `moz-firefox` channel), not Playwright's patched build.
  ...(firefoxPath ? { channel: 'moz-firefox', launchOptions: { executablePath: firefoxPath } } : {}),
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts', // Vitest's src/**/*.test.ts stay out (testDir alone already excludes src/)
  timeout: 60_000,
  fullyParallel: true,
  // 4 on the 2-core machine this was measured on, with the WebKit pass beside them: with Chromium's
  // headless shell the workers spend much of their time waiting on real time (the cores about 25 % idle
  // at 3 workers, 10 % at 4). With the full Chromium (no headless shell installed) 3 already filled the
  // cores and a Chromium seek's pauseStart came 0.48 s off the playhead, so 2 there.
  // docs/contributing.md#end-to-end-runs. E2E_WORKERS overrides.
  workers: Number(process.env.E2E_WORKERS ?? (chromiumPath === FULL_CHROMIUM ? 2 : 4)),
  // A test that needs its retry is a bug to find: .ci/run prints every one (e2e/retried.mjs).
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: `playwright-report/${PASS}` }],
    ['json', { outputFile: `playwright-report/${PASS}.json` }],
  ],
  use: {
    baseURL: `http://127.0.0.1:${DEMO_PORT}`,
    trace: 'off', // tracing grants user activation, which makes autoplay outcomes flaky
  },
  projects: [
    { name: 'chromium', grepInvert: [TIMING, WEBKIT_ONLY], use: chromium },
    { name: 'firefox', grepInvert: [TIMING, WEBKIT_ONLY], use: firefox },
    { name: 'chromium-timing', grep: TIMING, grepInvert: WEBKIT_ONLY, workers: 1, use: chromium },
    { name: 'firefox-timing', grep: TIMING, grepInvert: WEBKIT_ONLY, workers: 1, use: firefox },
    // WebKitGTK through WebKitWebDriver (e2e/support/driver-webdriver.ts): only the scenarios written
    // against the Driver, one at a time (one MiniBrowser is ~0.5 GB and the timing ones need the cores).
    { name: 'webkit', testMatch: 'engines/**/*.spec.ts', grepInvert: TIMING, workers: 1, use: {} },
    // The WebKit scenarios that compare real time (the three engines' sessions, the VHS stall): timing pass.
    { name: 'webkit-timing', testMatch: 'engines/**/*.spec.ts', grep: TIMING, workers: 1, use: {} },
  ].map((project) => ({ ...project, outputDir: `test-results/${project.name}` })),
  // The pages built, as a site ships them (docs/contributing.md#the-pages-the-e2e-suite-opens). e2e/run.mjs
  // starts that server itself, once for its concurrent passes (E2E_DEMO_STARTED); `npx playwright test`
  // alone starts it here.
  webServer: process.env.E2E_DEMO_STARTED
    ? undefined
    : {
        command: 'npm run demo:built',
        url: `http://127.0.0.1:${DEMO_PORT}/harness.html`,
        reuseExistingServer: !process.env.CI,
        timeout: 60_000,
      },
});
