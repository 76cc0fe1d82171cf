import { SESSIONS_PATH } from './types.ts';

// docs/adobe-api.md#sessions-request-and-the-location-header: the sid is the path segment after
// `/api/v1/sessions/` in the 201's Location header. Adobe sends a relative path; proxies and other collectors
// may send an absolute URL, so any host is accepted. The path may also carry the endpoint's own path prefix
// (collector behind a reverse proxy).
const SID_PATH = new RegExp(`^(.*)${SESSIONS_PATH}/([^/]+)/?$`);

/** The collector session id in a sessions response's `Location`, or undefined when there is none. */
export function parseSessionId(location: string | null, endpoint: string): string | undefined {
  const value = location?.trim();
  if (!value) return undefined;
  const base = safeUrl(endpoint);
  const url = safeUrl(value, base?.href ?? 'http://localhost/');
  if (url === undefined) return undefined;
  const match = SID_PATH.exec(url.pathname);
  if (match === null) return undefined;
  const [, prefix, encodedSid] = match;
  if (prefix !== '' && prefix !== basePath(base)) return undefined;
  try {
    return decodeURIComponent(encodedSid!);
  } catch {
    return undefined; // malformed %-escape: not a sid we could address again
  }
}

function safeUrl(value: string, base?: string): URL | undefined {
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

function basePath(base: URL | undefined): string {
  return base === undefined ? '' : base.pathname.replace(/\/+$/, '');
}
