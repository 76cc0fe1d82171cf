// The citation check on small repositories built for each case: it must fail on every kind of citation
// that leads nowhere, naming file and line, and pass on good ones. Node's test runner, no browser.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { anchorsOf, checkRepository, slugOf } from './citations.mjs';

const roots = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A throwaway repository holding `files` (path → text); returns its problems as `file:line: message`. */
function check(files) {
  const root = mkdtempSync(path.join(tmpdir(), 'citations-'));
  roots.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return checkRepository(root).map(({ file, line, message }) => `${file}:${line}: ${message}`);
}

const DOCS = {
  'docs/mapping.md': "# Mapping\n\n## Session\n\n### Session params\n\n## Where Adobe's documents disagree\n",
  'docs/delivery.md':
    '# Delivery\n\n## `flush()`\n\n```md\n## Not a heading\n```\n\n## Limits\n\n## Limits\n',
  'README.md': '# Project\n\nRules: [mapping](docs/mapping.md#session).\n',
};

describe('slugOf', () => {
  it('follows GitHub: lower case, punctuation dropped, spaces to hyphens', () => {
    assert.equal(slugOf('Session params'), 'session-params');
    assert.equal(slugOf("Where Adobe's documents disagree"), 'where-adobes-documents-disagree');
    assert.equal(slugOf('`flush()`'), 'flush');
    assert.equal(slugOf('IMA (videojs-ima)'), 'ima-videojs-ima');
    assert.equal(slugOf('Keepalive and sendBeacon'), 'keepalive-and-sendbeacon');
    assert.equal(slugOf('A [linked](https://example.com) title'), 'a-linked-title');
  });
});

describe('anchorsOf', () => {
  it('numbers repeated headings and ignores fenced code', () => {
    const anchors = anchorsOf(DOCS['docs/delivery.md']);
    assert.deepEqual([...anchors].sort(), ['delivery', 'flush', 'limits', 'limits-1']);
  });
});

describe('checkRepository', () => {
  it('passes good citations: docs pages and headings, relative links, public URLs, existing files', () => {
    const problems = check({
      ...DOCS,
      'CHANGELOG.md': '# Changelog\n\nSee [delivery](docs/delivery.md#limits-1) and README.md.\n',
      'src/a.ts': [
        '// docs/mapping.md#session-params: the params function runs once per session.',
        '// docs/mapping.md#where-adobes-documents-disagree and docs/delivery.md',
        '// RFC 9110 §10.2.3: Retry-After, see https://example.com/PRODUCT.md#x',
        'const STYLE = `body{}`; // a constant, not a citation',
        ['export const css = `<style>$', '{STYLE}</style>`;'].join(''),
      ].join('\n'),
      'docs/outbox.md': '# Outbox\n\n[back](mapping.md#session), [same page](#outbox), [up](../README.md)\n',
    });
    assert.deepEqual(problems, []);
  });

  it('fails on citations of documents outside the repository, naming file and line', () => {
    const problems = check({
      ...DOCS,
      'src/b.ts': [
        'const ok = 1;',
        '// PRODUCT §3: the rule',
        '// the ping grid (facts §5.3)',
        '// keepalive (reliability §4.2)',
        '// MC API §1.4: Location',
        '/** Classified at the edge (STYLE §10). */',
        '// see ../shared/reference/media-collection-api.md',
        '// (test-infrastructure.md §7)',
        '// as the contract says (PRODUCT)',
        '/** Reads the player at the edge (STYLE: small adapters). */',
        '// reliability notes in /work/shared',
      ].join('\n'),
    });
    for (const line of [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) {
      assert.ok(
        problems.some((p) => p.startsWith(`src/b.ts:${line}: cites `)),
        `line ${line}: ${problems.join('\n')}`,
      );
    }
    assert.ok(!problems.some((p) => p.startsWith('src/b.ts:1:')));
  });

  it('fails on a docs page that does not exist and on a heading that does not exist', () => {
    const problems = check({
      ...DOCS,
      'demo/c.ts': '// docs/nowhere.md#x\n// docs/mapping.md#no-such-heading\n// docs/mapping.md#session\n',
    });
    assert.deepEqual(problems, [
      'demo/c.ts:1: cites docs/nowhere.md, which does not exist',
      'demo/c.ts:2: cites docs/mapping.md#no-such-heading: no such heading there',
    ]);
  });

  it('fails on relative Markdown links to missing files or headings', () => {
    const problems = check({
      ...DOCS,
      'docs/outbox.md': '# Outbox\n\n[a](missing.md) and [b](mapping.md#nope)\n\n[c](#nor-here)\n',
    });
    assert.deepEqual(problems, [
      'docs/outbox.md:3: links to missing.md, which does not exist',
      'docs/outbox.md:3: links to mapping.md#nope: no such heading there',
      'docs/outbox.md:5: links to docs/outbox.md#nor-here: no such heading there',
    ]);
  });

  it('fails on any other Markdown file a comment names that is not in the repository', () => {
    const problems = check({ ...DOCS, 'e2e/d.mjs': '// the plan is in BENCHMARKS.md\n' });
    assert.deepEqual(problems, ['e2e/d.mjs:1: names BENCHMARKS.md, which is not in the repository']);
  });
});
