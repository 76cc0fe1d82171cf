import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, REPORT_CODES } from './error-codes';

/** The first column of README's "Error codes" table. */
function readmeCodes(): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.split('### Error codes')[1]?.split('\n#')[0] ?? '';
  return [...section.matchAll(/^\| `(MC_[A-Z_]+)` \|/gm)].map((m) => m[1] as string);
}

describe('error codes', () => {
  it("README's table lists exactly the codes of src/error-codes.ts, in the same order", () => {
    expect(readmeCodes()).toEqual([...ERROR_CODES]);
  });

  it('every delivery report with a code maps to a known one, each code once', () => {
    const codes = Object.values(REPORT_CODES);
    expect(codes.every((code) => ERROR_CODES.includes(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('every code the source triggers is in the table', () => {
    // A code written in a source file but missing from ERROR_CODES would not type-check where it is
    // reported through ErrorDetail; this catches one written around it.
    const root = new URL('./', import.meta.url);
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !/\.test\.ts$|^(emulator|edge|test-support)\//.test(f),
    );
    const used = new Set<string>();
    for (const file of files) {
      for (const m of readFileSync(new URL(file, root), 'utf8').matchAll(/'(MC_[A-Z_]+)'/g))
        used.add(m[1] as string);
    }
    used.delete('MC_INVALID_OPTIONS'); // thrown at set-up, never an event
    expect([...used].sort()).toEqual([...ERROR_CODES].sort());
  });
});
