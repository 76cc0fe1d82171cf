// The node:http edge: read a body, write a reply with Adobe's CORS headers. Nothing else touches
// IncomingMessage/ServerResponse.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A response to write: JSON `body`, or none. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

// MC API responses carry exactly these CORS headers (docs/adobe-api.md#cors); Expose-Headers lets the page
// read Location. The control routes also need GET and DELETE.
export const API_CORS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'OPTIONS,POST,PUT',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Expose-Headers': 'Location',
};
export const CONTROL_CORS: Readonly<Record<string, string>> = {
  ...API_CORS,
  'Access-Control-Allow-Methods': 'OPTIONS,POST,PUT,GET,DELETE',
};

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super(`The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    this.name = 'BodyTooLargeError';
  }
}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * MC API: every request is `Content-Type: application/json` (docs/adobe-api.md#endpoints); parameters such as
 * charset are fine.
 */
export const isJsonContentType = (header: string | undefined): boolean =>
  header?.split(';')[0].trim().toLowerCase() === 'application/json';

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

export const errorReply = (status: number, message: string, headers?: Record<string, string>): Reply => ({
  status,
  body: { message },
  ...(headers ? { headers } : {}),
});

export function writeReply(res: ServerResponse, reply: Reply, cors: Readonly<Record<string, string>>): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { ...cors, ...reply.headers };
  // 204 and 304 never carry a body (RFC 9110).
  if (reply.body === undefined || reply.status === 204 || reply.status === 304) {
    if (reply.status !== 204 && reply.status !== 304) headers['Content-Length'] ??= '0';
    res.writeHead(reply.status, headers).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  headers['Content-Type'] ??= 'application/json; charset=utf-8';
  headers['Content-Length'] = String(Buffer.byteLength(text));
  res.writeHead(reply.status, headers).end(text);
}

/** The standalone server's answer for routes the emulator does not own: preflights pass, the rest 404. */
export function writeFallback(req: IncomingMessage, res: ServerResponse): void {
  const reply =
    req.method === 'OPTIONS' ? { status: 204 } : errorReply(404, `No route ${req.method} ${req.url ?? '/'}.`);
  writeReply(res, reply, CONTROL_CORS);
}
