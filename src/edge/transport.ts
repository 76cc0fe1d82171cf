// How the Media Edge API goes on the wire from a browser: the Edge's own fetch transport, in the Edge
// chunk, so the Media Collection transport (`adapters/fetch-transport.ts`) carries none of it.
import type { Transport, TransportErrorCode } from '../delivery/transport.ts';
import { describeProblem, readProblem } from './answer.ts';

export interface EdgeTransportOptions {
  fetch?: typeof globalThis.fetch;
  /** Abort after this long, body read included. */
  timeoutMs?: number;
}

/**
 * What `exchange` reads of a rejection is its `code` (docs/contributing.md#code-style); built here rather than
 * with the TransportError class, which would make the main chunk share a module with this one.
 */
const failure = (code: TransportErrorCode, message: string, cause: unknown): Error =>
  Object.assign(new Error(message, { cause }), { name: 'TransportError', code });

/** JSON text read defensively: a proxy's HTML error page is no answer to read. */
export function parseJson(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

export function createEdgeTransport({
  fetch = globalThis.fetch,
  timeoutMs = 10_000,
}: EdgeTransportOptions = {}): Transport {
  return async ({ url, body, keepalive = false }) => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await fetch(url, {
        method: 'POST',
        // `text/plain` keeps every call a CORS simple request (no preflight, which a keepalive request
        // on page hide may not get to make), as Adobe's Web SDK sends; the Edge accepts it
        // (https://developer.adobe.com/data-collection-apis/docs/getting-started/troubleshooting,
        // EXEG-0111-415).
        headers: { 'Content-Type': 'text/plain' },
        body,
        keepalive,
        // The Edge's first-party cookies (identity, cluster) travel with every call, as with the Web SDK.
        credentials: 'include',
        signal: controller.signal,
      });
      // The session id is in a success's body; a problem (RFC 7807) in an error's.
      const text = await response.text();
      const problem = response.status >= 400 ? readProblem(parseJson(text)) : undefined;
      return {
        status: response.status,
        location: null,
        retryAfter: response.headers.get('Retry-After'),
        ...(text ? { body: text } : {}),
        ...(problem ? { message: describeProblem(problem) } : {}),
      };
    } catch (error) {
      if (timedOut) throw failure('timeout', `No answer within ${timeoutMs} ms`, error);
      // docs/browsers.md#fetch-failures: offline and CORS failures reject alike; both are transient.
      throw failure('network', error instanceof Error ? error.message : String(error), error);
    } finally {
      clearTimeout(timer);
    }
  };
}
