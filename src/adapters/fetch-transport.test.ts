import { afterEach, describe, expect, it, vi } from 'vitest';
import { TransportError } from '../delivery/transport';
import { createFetchTransport } from './fetch-transport';

const URL_ = 'https://collector.example/api/v1/sessions';

function stubFetch(answer: (init: RequestInit) => Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init! });
    return answer(init!);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

/** A Response whose body readers are spies, to prove which bodies are read. */
function response(status: number, headers: Record<string, string> = {}, text = '') {
  const res = new Response(status === 204 ? null : text, { status, headers });
  return { res, text: vi.spyOn(res, 'text'), json: vi.spyOn(res, 'json') };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createFetchTransport', () => {
  it('POSTs JSON without credentials and passes keepalive through', async () => {
    const { res } = response(204);
    const { fetch, calls } = stubFetch(async () => res);
    const transport = createFetchTransport({ fetch });
    await transport({ url: URL_, body: '{"a":1}', keepalive: true });
    await transport({ url: URL_, body: '{"b":2}' });
    expect(calls[0]!.url).toBe(URL_);
    expect(calls[0]!.init).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":1}',
      keepalive: true,
      credentials: 'omit',
    });
    expect(calls[0]!.init.signal).toBeInstanceOf(AbortSignal);
    expect(calls[1]!.init.keepalive).toBe(false);
  });

  it('reads Location and Retry-After and never parses the empty 201 body', async () => {
    const created = response(201, {
      Location: '/api/v1/sessions/abc',
      'Content-Type': 'application/octet-stream',
    });
    const { fetch } = stubFetch(async () => created.res);
    const answer = await createFetchTransport({ fetch })({ url: URL_, body: '{}' });
    expect(answer).toEqual({ status: 201, location: '/api/v1/sessions/abc', retryAfter: null });
    expect(created.text).not.toHaveBeenCalled();
    expect(created.json).not.toHaveBeenCalled();
  });

  it('takes the message from a 400 JSON body', async () => {
    const bad = response(
      400,
      { 'Content-Type': 'application/json' },
      '{"message":"Request had improper format."}',
    );
    const { fetch } = stubFetch(async () => bad.res);
    const answer = await createFetchTransport({ fetch })({ url: URL_, body: '{}' });
    expect(answer).toEqual({
      status: 400,
      location: null,
      retryAfter: null,
      message: 'Request had improper format.',
    });
  });

  it('reports Retry-After on 429 and has no message for a non-JSON error body', async () => {
    const busy = response(429, { 'Retry-After': '7' }, '<html>slow down</html>');
    const { fetch } = stubFetch(async () => busy.res);
    const answer = await createFetchTransport({ fetch })({ url: URL_, body: '{}' });
    expect(answer).toMatchObject({ status: 429, retryAfter: '7', message: undefined });
  });

  it('rejects with code "network" when fetch rejects with a TypeError', async () => {
    const { fetch } = stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await createFetchTransport({ fetch })({ url: URL_, body: '{}' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ code: 'network', message: 'Failed to fetch' });
  });

  it('aborts after timeoutMs and rejects with code "timeout"', async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const { fetch } = stubFetch(
      (init) =>
        new Promise<Response>((_resolve, reject) => {
          signal = init.signal ?? undefined;
          signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const pending = createFetchTransport({ fetch, timeoutMs: 500 })({ url: URL_, body: '{}' });
    const settled = pending.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(499);
    expect(signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(signal?.aborted).toBe(true);
    expect(await settled).toMatchObject({ name: 'TransportError', code: 'timeout' });
  });

  it('times out while reading an error body too', async () => {
    vi.useFakeTimers();
    const { res, text } = response(500);
    const { fetch } = stubFetch(async (init) => {
      text.mockImplementation(
        () =>
          new Promise((_resolve, reject) => {
            init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          }),
      );
      return res;
    });
    const settled = createFetchTransport({ fetch, timeoutMs: 500 })({ url: URL_, body: '{}' }).catch(
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(500);
    expect(await settled).toMatchObject({ code: 'timeout' });
  });

  it('clears its timer once answered', async () => {
    vi.useFakeTimers();
    const { fetch } = stubFetch(async () => response(204).res);
    await createFetchTransport({ fetch, timeoutMs: 500 })({ url: URL_, body: '{}' });
    expect(vi.getTimerCount()).toBe(0);
  });
});
