// Prints every e2e test that needed a retry in the last `npm run test:e2e`, from the passes' JSON
// reports (playwright-report/<pass>.json). A retry that passed hides a flake: each one is a bug to find.
// .ci/run calls it at the end of every run; exit code 0 whatever it finds (the suite's own status decides).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = 'playwright-report';
const reports = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
if (reports.length === 0) {
  console.log('e2e retries: no Playwright report found (the end-to-end tests did not run)');
  process.exit(0);
}

/** Every test of a suite tree, with the titles of the suites around it. */
function* testsOf(suite, titles = []) {
  const here = suite.title ? [...titles, suite.title] : titles;
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) yield { spec, test, titles: here };
  }
  for (const child of suite.suites ?? []) yield* testsOf(child, here);
}

const firstLine = (text) =>
  (text ?? '')
    .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '') // terminal colours
    .split('\n')
    .find((l) => l.trim()) ?? '';

const retried = [];
for (const file of reports.sort()) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  for (const suite of report.suites ?? []) {
    for (const { spec, test, titles } of testsOf(suite)) {
      if (test.results.length < 2) continue;
      const failed = test.results.find((r) => r.status !== 'passed' && r.status !== 'skipped');
      retried.push({
        where: `[${test.projectName}] ${spec.file}:${spec.line} › ${[...titles.slice(1), spec.title].join(' › ')}`,
        outcome: test.results.at(-1)?.status === 'passed' ? 'passed on retry (flaky)' : 'failed every try',
        why: firstLine(failed?.error?.message ?? failed?.errors?.[0]?.message),
      });
    }
  }
}

if (retried.length === 0) {
  console.log(`e2e retries: none (${reports.join(', ')})`);
} else {
  console.log(`e2e retries: ${retried.length} test(s) needed a retry — each is a bug to find:`);
  for (const r of retried) console.log(`  ${r.where}\n    ${r.outcome}; first failure: ${r.why}`);
}
