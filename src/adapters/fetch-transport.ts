import { type Transport, TransportError } from '../delivery/transport';

export interface FetchTransportOptions {
  fetch?: typeof globalThis.fetch;
  /** Abort after this long, body read included. */
  timeoutMs?: number;
}

export function createFetchTransport({
  fetch = globalThis.fetch,
  timeoutMs = 10_000,
}: FetchTransportOptions = {}): Transport {
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
        // docs/delivery.md#requests: always JSON; a JSON sendBeacon to another origin never passes its
        // preflight, so keepalive fetch is the unload path and it keeps the same content type.
        headers: { 'Content-Type': 'application/json' },
        body,
        keepalive,
        // The collector answers `Access-Control-Allow-Origin: *`, which credentialed requests fail.
        credentials: 'omit',
        signal: controller.signal,
      });
      const { status, headers } = response;
      return {
        status,
        location: headers.get('Location'),
        retryAfter: headers.get('Retry-After'),
        // docs/adobe-api.md#sessions-request-and-the-location-header: the 201 body is empty; only error
        // bodies carry `{message}`.
        ...(status >= 400 ? { message: await readMessage(response) } : {}),
      };
    } catch (error) {
      if (timedOut) throw new TransportError('timeout', `No answer within ${timeoutMs} ms`, { cause: error });
      // docs/browsers.md#fetch-failures: offline and CORS failures both reject with a TypeError whose message
      // differs by engine; whatever else stops an answer from arriving is transient in the same way.
      const message = error instanceof Error ? error.message : String(error);
      throw new TransportError('network', message, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  };
}

async function readMessage(response: Response): Promise<string | undefined> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // An aborted body read is our timeout; any other read failure just loses the message.
    if ((error as { name?: string } | null)?.name === 'AbortError') throw error;
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    const message = (parsed as { message?: unknown } | null)?.message;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined; // not JSON (a proxy's HTML error page, say): no message to report
  }
}
