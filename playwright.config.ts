// E2E config. @playwright/test stays pinned at 1.64.1: 1.65 breaks Firefox ESR 153 over WebDriver BiDi.
// Browsers: Debian's chromium / firefox-esr when installed (Playwright cannot download its own here),
// otherwise Playwright's bundled builds; CHROMIUM_PATH / FIREFOX_PATH override both.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath, firefoxPath } from './e2e/support/browsers';

/** DEMO_PORT / COLLECTOR_PORT (default 5173 / 8787) are read by demo/vite.config.ts too. */
const DEMO_PORT = process.env.DEMO_PORT ?? '5173';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts', // Vitest's src/**/*.test.ts stay out (testDir alone already excludes src/)
  timeout: 60_000,
  workers: 1, // 2-core machine; media timing tests interfere when run in parallel
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${DEMO_PORT}`,
    trace: 'off', // tracing grants user activation, which makes autoplay outcomes flaky
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chromiumPath, args: CHROMIUM_ARGS },
      },
    },
    {
      name: 'firefox',
      use: {
        browserName: 'firefox',
        // Debian's ESR is driven through WebDriver BiDi (the `moz-firefox` channel), not Playwright's patched build.
        ...(firefoxPath ? { channel: 'moz-firefox', launchOptions: { executablePath: firefoxPath } } : {}),
      },
    },
  ],
  webServer: {
    command: 'npm run demo',
    url: `http://127.0.0.1:${DEMO_PORT}/harness.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    env: { DEMO_NO_HMR: '1' },
  },
});
