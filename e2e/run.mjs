// `npm run test:e2e`: the Playwright suite in two passes (playwright.config.ts says why):
//   1. `chromium` + `firefox`: every test not tagged @timing, in parallel workers;
//   2. `chromium-timing` + `firefox-timing`: the @timing tests, one at a time, nothing else running;
//   3. `webkit`: the Driver scenarios (e2e/engines/) in WebKitGTK through WebKitWebDriver, one at a time;
//      skipped, saying why and how to get it, on a machine without WebKitGTK (docs/browsers.md#webkit).
// Arguments are passed to both passes (a file, `-g <title>`, `--headed`…), e.g.
//   npm run test:e2e -- e2e/content.spec.ts
// Every pass runs; the exit code is the first failing pass's. Each pass writes
// playwright-report/<pass>.json (read by e2e/retried.mjs) and playwright-report/<pass>/ (HTML).
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

const args = process.argv.slice(2);
const passes = [
  { name: 'parallel', projects: ['chromium', 'firefox'], extra: [] },
  { name: 'timing', projects: ['chromium-timing', 'firefox-timing'], extra: ['--workers=1'] },
  { name: 'webkit', projects: ['webkit'], extra: ['--workers=1'], needs: webkitMissing },
];

/** Why this machine cannot run the WebKit pass (WebKitGTK's driver and a display), or undefined. */
function webkitMissing() {
  const driver = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
  if (!existsSync(driver)) return `no ${driver}`;
  const onPath = (bin) => (process.env.PATH ?? '').split(':').some((d) => d && existsSync(`${d}/${bin}`));
  if (!process.env.DISPLAY && !onPath('Xvfb')) return 'no DISPLAY and no Xvfb';
  return undefined;
}

rmSync('playwright-report', { recursive: true, force: true }); // no stale pass is read as this run's
let status = 0;
for (const pass of passes) {
  const missing = pass.needs?.();
  if (missing) {
    console.log(
      `\ne2e: ${pass.name} pass SKIPPED: ${missing}. On Debian/Ubuntu: apt-get install webkit2gtk-driver xvfb ` +
        'gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-libav (.ci/run does it). ' +
        'On a Mac, Safari: see docs/browsers.md#safari-on-a-mac.',
    );
    continue;
  }
  console.log(`\ne2e: ${pass.name} pass (${pass.projects.join(', ')})`);
  const projectArgs = pass.projects.map((p) => `--project=${p}`);
  const run = spawnSync(
    'npx',
    ['playwright', 'test', ...projectArgs, ...pass.extra, '--pass-with-no-tests', ...args],
    {
      stdio: 'inherit',
      env: { ...process.env, E2E_PASS: pass.name },
    },
  );
  const code = run.status ?? 1;
  if (code !== 0 && status === 0) status = code;
}
process.exit(status);
