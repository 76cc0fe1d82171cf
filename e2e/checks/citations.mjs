// `npm run test:docs`: every citation in the code and the docs must lead somewhere inside this
// repository (a docs/ page and heading, a file) or to a public URL. Fails naming file:line on
//   (a) a citation of a document that is not in the repository (the team's notes outside it),
//   (b) a `docs/<file>.md` that does not exist,
//   (c) a `docs/<file>.md#<slug>` whose heading does not exist in that file (GitHub's slug rules),
//   (d) a relative Markdown link in README.md, CHANGELOG.md or docs/ to a missing file or heading,
//   (e) any other `<name>.md` a file names that does not exist.
// Why it matters and how to fix a failure: docs/contributing.md#citations.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Folders scanned whole, and single files. docs/*.md is added by `scannedFiles`. */
const SCANNED_DIRS = ['src', 'demo', 'e2e'];
const SCANNED_FILES = ['README.md', 'CHANGELOG.md'];
const TEXT_FILE = /\.(?:[cm]?[jt]s|json|html|css|sh|md)$/;
const SKIPPED_DIRS = new Set([
  'node_modules',
  'dist',
  'public',
  'test-results',
  'playwright-report',
  'bench-results',
]);
/** This check and its spec: the spec's fixtures are bad citations on purpose. */
const SELF = 'e2e/checks';

/** Citations of documents outside the repository, each with what to write instead. */
const OUTSIDE = [
  { pattern: /\bPRODUCT\b/, what: 'the product notes (PRODUCT)' },
  { pattern: /\bSTYLE(?:\.md\b|\s*§|\s+\d|:\s)|\(STYLE\)/, what: 'the style notes (STYLE)' },
  { pattern: /\b(?:facts|MC API|reliability|test-infrastructure(?:\.md)?)\s*§/i, what: 'a reference note' },
  {
    pattern: /(?:\.\.\/|\/work\/)shared\b|\bshared\/(?:reference|PRODUCT|STYLE|README|hooks)\b/,
    what: 'the shared notes folder',
  },
  { pattern: /(?<!\bRFC\s?\d+\s?)§/, what: 'a numbered section (§) of an outside document' },
];

const URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s)>\]'"`]+/gi;
const DOCS_REF = /\bdocs\/([\w./-]+?\.md)(?:#([\w-]+))?/g;
const MD_LINK = /!?\[[^\]]*\]\(\s*([^)\s]+)(?:\s+"[^"]*")?\s*\)/g;
const MD_NAME = /(?<![\w./-])((?:[\w.-]+\/)*[\w.-]+\.md)\b/g;

/** GitHub's heading anchor: lower case, punctuation dropped, each space a hyphen. */
export function slugOf(heading) {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every anchor a Markdown text has: its headings' slugs (duplicates get -1, -2, …) and explicit ids. */
export function anchorsOf(markdown) {
  const anchors = new Set();
  const seen = new Map();
  let fence;
  for (const line of markdown.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const heading = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line)?.[1];
    if (heading !== undefined) {
      const slug = slugOf(heading);
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      anchors.add(count === 0 ? slug : `${slug}-${count}`);
    }
    for (const [, id] of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(id);
  }
  return anchors;
}

/** The repository-relative paths of every file the check reads. */
export function scannedFiles(root) {
  const files = SCANNED_FILES.filter((file) => existsSync(path.join(root, file)));
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && rel !== SELF) walk(rel);
      } else if (TEXT_FILE.test(entry.name)) {
        files.push(rel);
      }
    }
  };
  for (const dir of SCANNED_DIRS) if (existsSync(path.join(root, dir))) walk(dir);
  if (existsSync(path.join(root, 'docs'))) {
    for (const name of readdirSync(path.join(root, 'docs')))
      if (name.endsWith('.md')) files.push(`docs/${name}`);
  }
  return files.sort();
}

/** Every problem in the repository at `root`, as `{ file, line, message }`, in file and line order. */
export function checkRepository(root) {
  const anchorCache = new Map();
  const anchors = (rel) => {
    if (!anchorCache.has(rel)) anchorCache.set(rel, anchorsOf(readFileSync(path.join(root, rel), 'utf8')));
    return anchorCache.get(rel);
  };
  const exists = (rel) => existsSync(path.join(root, rel));
  const isFile = (rel) => exists(rel) && statSync(path.join(root, rel)).isFile();

  const problems = [];
  for (const file of scannedFiles(root)) {
    const markdown = file.endsWith('.md');
    const dir = path.posix.dirname(file);
    const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
    lines.forEach((text, index) => {
      const report = (message) => problems.push({ file, line: index + 1, message });
      const local = text.replace(URL, ' ');

      for (const { pattern, what } of OUTSIDE) {
        if (pattern.test(local)) {
          report(
            `cites ${what}, which is not in the repository: cite docs/<file>.md#<heading> or a public URL`,
          );
          break;
        }
      }

      for (const [, doc, slug] of local.matchAll(DOCS_REF)) {
        const rel = `docs/${doc}`;
        if (!isFile(rel)) report(`cites ${rel}, which does not exist`);
        else if (slug !== undefined && !anchors(rel).has(slug))
          report(`cites ${rel}#${slug}: no such heading there`);
      }

      if (markdown) {
        for (const [, target] of text.matchAll(MD_LINK)) {
          if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // a URL: not checked here
          const [where, slug] = target.split('#');
          const rel = where === '' ? file : path.posix.normalize(path.posix.join(dir, where));
          if (!exists(rel)) report(`links to ${where}, which does not exist`);
          else if (slug && rel.endsWith('.md') && !anchors(rel).has(slug)) {
            report(`links to ${where || file}#${slug}: no such heading there`);
          }
        }
      }

      const prose = markdown ? local.replace(MD_LINK, (link) => link.replace(/\]\(.*$/, ']')) : local;
      for (const [, name] of prose.matchAll(MD_NAME)) {
        if (name.startsWith('docs/')) continue; // checked above
        if (!isFile(name) && !isFile(path.posix.join(dir, name))) {
          report(`names ${name}, which is not in the repository`);
        }
      }
    });
  }
  return problems;
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const problems = checkRepository(root);
  for (const { file, line, message } of problems) console.error(`${file}:${line}: ${message}`);
  if (problems.length > 0) {
    console.error(`\n${problems.length} citation problem(s); see docs/contributing.md#citations.`);
    process.exitCode = 1;
  } else {
    console.log(`citations: ${scannedFiles(root).length} files, every citation leads somewhere.`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
