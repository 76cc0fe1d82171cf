// One prefixed logger. Problems a site must fix are logged once each, with what to do.

const PREFIX = 'videojs-media-collection:';
const said = new Set<string>();

export function warnOnce(message: string, detail?: unknown): void {
  if (said.has(message) || typeof console === 'undefined') return;
  said.add(message);
  if (detail === undefined) console.warn(PREFIX, message);
  else console.warn(PREFIX, message, detail);
}
