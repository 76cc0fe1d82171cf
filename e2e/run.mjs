// `npm run test:e2e`: the Playwright suite in three passes (playwright.config.ts says why):
//   1. `chromium` + `firefox`: every test not tagged @timing, in parallel workers;
//   2. `webkit`: the Driver scenarios (e2e/engines/) in WebKitGTK through WebKitWebDriver, one at a time,
//      at the same time as pass 1 (its single MiniBrowser fits in the CPU pass 1 leaves idle); skipped,
//      saying why and how to get it, on a machine without WebKitGTK (docs/browsers.md#webkit);
//   3. `chromium-timing` + `firefox-timing` + `webkit-timing`: the @timing tests once passes 1 and 2 are
//      over, nothing else running: one at a time per engine, the three engines side by side (the
//      three-engine comparison beside the parallel pass saw WebKit's play 0.5 s late; beside the other
//      two timing lanes it kept within 0.15 s: docs/contributing.md#end-to-end-runs).
// This script starts the demo server once for all of them (`npm run demo:built`), so the concurrent
// passes share it (docs/contributing.md#end-to-end-runs).
// Arguments are passed to every pass (a file, `-g <title>`, `--headed`…), e.g.
//   npm run test:e2e -- e2e/content.spec.ts
// Every pass runs; the exit code is the first failing pass's. Each pass writes
// playwright-report/<pass>.json (read by e2e/retried.mjs) and playwright-report/<pass>/ (HTML).
// The WebKit pass's output is printed when it ends (and kept in playwright-report/webkit.log).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const args = process.argv.slice(2);
const DEMO_URL = `http://127.0.0.1:${process.env.DEMO_PORT ?? '5173'}/harness.html`;
const REPORTS = 'playwright-report';

/** Why this machine cannot run the WebKit pass (WebKitGTK's driver and a display), or undefined. */
function webkitMissing() {
  const driver = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
  if (!existsSync(driver)) return `no ${driver}`;
  const onPath = (bin) => (process.env.PATH ?? '').split(':').some((d) => d && existsSync(`${d}/${bin}`));
  if (!process.env.DISPLAY && !onPath('Xvfb')) return 'no DISPLAY and no Xvfb';
  return undefined;
}

/** The harness page's HTML on the port, or undefined when nothing answers. */
const served = () =>
  fetch(DEMO_URL).then(
    (r) => (r.ok ? r.text() : undefined),
    () => undefined,
  );

/**
 * Starts `npm run demo:built` and waits until it serves the harness; returns how to stop it. Outside CI a
 * dev server already on the port (`npm run demo`, which always serves the current src/) is reused; a
 * built one is refused, as it may hold an older build. In CI a busy port fails.
 */
async function startDemo() {
  const page = await served();
  if (page !== undefined) {
    if (process.env.CI || !page.includes('/@vite/client')) {
      throw new Error(
        `e2e: ${DEMO_URL} is already served${process.env.CI ? '' : ' by a built demo, maybe an older build'}; ` +
          'stop it, or give this run other ports (DEMO_PORT, COLLECTOR_PORT)',
      );
    }
    console.log(`e2e: reusing the dev server already on ${DEMO_URL}`);
    return () => {};
  }
  const server = spawn('npm', ['run', 'demo:built'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  while ((await served()) === undefined) {
    if (server.exitCode !== null) throw new Error(`e2e: npm run demo:built exited (${server.exitCode})`);
    if (Date.now() > deadline) throw new Error(`e2e: ${DEMO_URL} did not answer within 60 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return () => {
    try {
      process.kill(-server.pid, 'SIGTERM'); // npm, its shell and vite: the whole group
    } catch {
      // already gone
    }
  };
}

/**
 * Runs one pass; resolves with its exit code. `log`: a file to write the output to instead of the
 * terminal, printed when the pass ends.
 */
function runPass({ name, projects, extra, nice }, log) {
  const projectArgs = projects.map((p) => `--project=${p}`);
  const command = ['npx', 'playwright', 'test', ...projectArgs, ...extra, '--pass-with-no-tests', ...args];
  const child = spawn(
    nice ? 'nice' : command[0],
    nice ? ['-n', String(nice), ...command] : command.slice(1),
    {
      stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, E2E_PASS: name, E2E_DEMO_STARTED: '1' },
    },
  );
  if (log) {
    const out = createWriteStream(log);
    child.stdout.pipe(out);
    child.stderr.pipe(out);
  }
  return new Promise((resolve) => {
    child.on('close', (code) => {
      if (log) console.log(`\ne2e: ${name} pass output (${log}):\n${readFileSync(log, 'utf8')}`);
      resolve(code ?? 1);
    });
  });
}

rmSync(REPORTS, { recursive: true, force: true }); // no stale pass is read as this run's
mkdirSync(REPORTS, { recursive: true });
const stopDemo = await startDemo().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
// The server runs in its own process group: Ctrl-C must not leave it holding the port.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopDemo();
    process.exit(130);
  });
}
const codes = [];
try {
  const missing = webkitMissing();
  const parallel = {
    name: 'parallel',
    projects: ['chromium', 'firefox'],
    extra: [],
    // E2E_NICE=10 runs it below the WebKit pass's CPU priority (for trying more workers; measured in
    // docs/contributing.md#end-to-end-runs). Off by default.
    nice: missing ? 0 : Number(process.env.E2E_NICE ?? 0),
  };
  const webkit = { name: 'webkit', projects: ['webkit'], extra: ['--workers=1'] };
  // The timing tests, one at a time per engine, the engines side by side (each timing project has
  // `workers: 1` in playwright.config.ts): the three lanes leave the cores two-thirds idle
  // (docs/contributing.md#end-to-end-runs).
  const timingProjects = ['chromium-timing', 'firefox-timing', ...(missing ? [] : ['webkit-timing'])];
  const timing = { name: 'timing', projects: timingProjects, extra: [`--workers=${timingProjects.length}`] };

  if (missing) {
    console.log(
      `\ne2e: webkit pass SKIPPED: ${missing}. On Debian/Ubuntu: apt-get install webkit2gtk-driver xvfb ` +
        'gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-libav (.ci/run does it). ' +
        'On a Mac, Safari: see docs/browsers.md#safari-on-a-mac.',
    );
  }
  console.log(`\ne2e: parallel pass (chromium, firefox)${missing ? '' : ', with the webkit pass beside it'}`);
  codes.push(
    ...(await Promise.all([runPass(parallel), missing ? 0 : runPass(webkit, `${REPORTS}/webkit.log`)])),
  );
  console.log(`\ne2e: timing pass (${timing.projects.join(', ')})`);
  codes.push(await runPass(timing));
} finally {
  stopDemo();
}
process.exit(codes.find((c) => c !== 0) ?? 0);
