// Playwright config for `npm run bench` only: the bench specs (*.bench.ts) live under e2e/bench and are
// never matched by playwright.config.ts (testMatch '**/*.spec.ts'), so `npm test` does not run them.
// Chromium only: CDP metrics, long-animation-frame attribution and the throttling model are Chromium's.
import { defineConfig } from '@playwright/test';
import { benchChromiumPath, CHROMIUM_ARGS } from '../support/browsers';

// Ports of their own by default, so a bench never shares a demo server with a test run on this machine
// (each bench test has its own collector emulator: e2e/support/fixtures.ts).
const DEMO_PORT = process.env.DEMO_PORT ?? '5193';
const COLLECTOR_PORT = process.env.COLLECTOR_PORT ?? '8807';
process.env.DEMO_PORT = DEMO_PORT; // read by e2e/support/outbox-offline.ts in the workers and by the web server
process.env.COLLECTOR_PORT = COLLECTOR_PORT;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.bench.ts',
  timeout: 240_000,
  workers: 1, // measurements must not share the 2 cores with each other
  retries: 0,
  reporter: [['list']],
  outputDir: '../../bench-results/test-results',
  use: {
    baseURL: `http://127.0.0.1:${DEMO_PORT}`,
    trace: 'off',
    browserName: 'chromium',
    launchOptions: {
      executablePath: benchChromiumPath,
      args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
    },
  },
  webServer: {
    command: 'npm run demo',
    cwd: '../..',
    url: `http://127.0.0.1:${DEMO_PORT}/harness.html`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DEMO_PORT,
      COLLECTOR_PORT,
      DEMO_NO_HMR: '1',
    },
  },
});
