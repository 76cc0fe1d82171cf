// `npm run test:e2e`: the Playwright suite in two passes (playwright.config.ts says why):
//   1. `chromium` + `firefox`: every test not tagged @timing, in parallel workers;
//   2. `chromium-timing` + `firefox-timing`: the @timing tests, one at a time, nothing else running.
// Arguments are passed to both passes (a file, `-g <title>`, `--headed`…), e.g.
//   npm run test:e2e -- e2e/content.spec.ts
// Both passes always run; the exit code is the first failing pass's. Each pass writes
// playwright-report/<pass>.json (read by e2e/retried.mjs) and playwright-report/<pass>/ (HTML).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const args = process.argv.slice(2);
const passes = [
  { name: 'parallel', projects: ['chromium', 'firefox'], extra: [] },
  { name: 'timing', projects: ['chromium-timing', 'firefox-timing'], extra: ['--workers=1'] },
];

rmSync('playwright-report', { recursive: true, force: true }); // no stale pass is read as this run's
let status = 0;
for (const pass of passes) {
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
