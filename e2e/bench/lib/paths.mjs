// Where the bench writes: bench-results/ (git-ignored) at the repository root.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const OUT_DIR = path.join(ROOT, 'bench-results');
/** One JSON file per measured item, so the Playwright part and the Node part meet in one table. */
export const PARTS_DIR = path.join(OUT_DIR, 'parts');
export const RESULT_JSON = path.join(OUT_DIR, 'bench.json');
