// Attributes the bytes of a minified bundle to the npm packages they came from, through its source
// map: every generated segment belongs to the source of its mapping until the next mapping starts
// (the way source-map-explorer counts). Bytes that no mapping covers are "unmapped".
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one base64 VLQ segment ("AAgBC") into its numbers. */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Package a source path belongs to: the last `node_modules/<name>` in it, else `ownerOfLocal`. */
export function packageOf(source, ownerOfLocal) {
  const parts = source.split(/[\\/]node_modules[\\/]/);
  if (parts.length < 2) return ownerOfLocal;
  const rest = parts.at(-1).split(/[\\/]/);
  return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

/** For a build of the plugin from src/: `src:<folder>` for its sources (`src/core/x.ts` → src:core). */
export function srcFolderOf(source) {
  if (source.includes('node_modules')) return packageOf(source, '(app)');
  const parts = source.split(/[\\/]/);
  const at = parts.lastIndexOf('src');
  if (at < 0) return '(app)';
  return `src:${parts.length - at > 2 ? parts[at + 1] : '(root)'}`;
}

/**
 * Splits `code` into the text each owner contributed (joined in order), using `map` (a v3 source map);
 * `ownerOf` names a source's owner (default: its npm package). Columns are UTF-16 offsets, as the spec
 * says, so slicing the JS string is exact.
 */
export function splitByPackage(code, map, ownerOf = (source) => packageOf(source, '(app)')) {
  const owners = map.sources.map((s) => ownerOf(s ?? ''));
  const pieces = new Map();
  const add = (owner, text) => {
    if (text.length > 0) pieces.set(owner, (pieces.get(owner) ?? '') + text);
  };
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  let source = 0;
  lines.forEach((line, index) => {
    let column = 0;
    let owner = '(unmapped)';
    let start = 0;
    for (const segment of (mappingLines[index] ?? '').split(',')) {
      if (!segment) continue;
      const [dColumn, dSource] = decodeSegment(segment);
      column += dColumn;
      add(owner, line.slice(start, column));
      start = column;
      if (dSource === undefined) {
        owner = '(unmapped)';
      } else {
        source += dSource;
        owner = owners[source] ?? '(unmapped)';
      }
    }
    add(owner, `${line.slice(start)}${index < lines.length - 1 ? '\n' : ''}`);
  });
  return pieces;
}
