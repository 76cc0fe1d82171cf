// What the emulator answers on the Media Edge routes, shaped like the Edge's answers in Adobe's OpenAPI
// document: `handle[]` bodies for 200/207, RFC 7807 problems for 4xx, CORS that reflects the Origin.
import { randomBytes, randomUUID } from 'node:crypto';
import type { EdgeIssue } from './edge-check.ts';
import type { Reply } from './http-io.ts';

/** The org the emulator's Edge plays for: alloy must be configured with it to find its identity cookie. */
export const EDGE_ORG_ID = '0123456789ABCDEF01234567@AdobeOrg';
/**
 * The ECID the emulator's Edge gives every visitor (38 digits, as Adobe's): in `identity:result` on
 * `/v1/identity/acquire`, and inside the identity cookie it asks alloy to store.
 */
export const EDGE_ECID = '01234567890123456789012345678901234567';
/** The EdgeNetwork location hint the emulator hands out (Adobe's look like `va6`, `or2`, `irl1`). */
export const EDGE_LOCATION_HINT = 'emu1';

const CLUSTER_TTL_S = 1800;
const IDENTITY_TTL_S = 34_128_000;
const cookieName = (orgId: string, key: string) => `kndctr_${orgId.replace('@', '_')}_${key}`;

/**
 * The identity cookie's value: the Edge's stored identity, a protobuf whose field 1 is the ECID, base64
 * (what alloy's cookie decoder reads; the rest of the message is left out), then padded with random
 * bytes in a field alloy skips, so no two visitors' cookies look alike.
 */
const identityCookie = (ecid: string): string => {
  const id = Buffer.from(ecid);
  const noise = randomBytes(8);
  // field 1 (ecid), length-delimited; field 15, length-delimited: ignored by readers that do not know it
  return Buffer.concat([
    Buffer.from([0x0a, id.length]),
    id,
    Buffer.from([0x7a, noise.length]),
    noise,
  ]).toString('base64');
};

export const problemType = (status: number) => `https://ns.adobe.com/aep/errors/va-edge-0${status}-${status}`;

export interface Problem {
  type: string;
  status: number;
  title: string;
  detail?: string;
  report?: Record<string, unknown>;
}

/** A 4xx problem+json; `details` is a field list or one sentence, as the Edge sends both. */
export function problemReply(
  status: number,
  title: string,
  detail: string,
  details?: EdgeIssue[] | string,
  type = problemType(status),
): Reply {
  const report = { requestId: randomUUID(), ...(details === undefined ? {} : { details }) };
  return {
    status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8' },
    body: { type, status, title, detail, report } satisfies Problem,
  };
}

/** The Edge's 400 for a body that fails validation (OpenAPI document, every endpoint's 400 example). */
export const invalidReply = (details: EdgeIssue[] | string): Reply =>
  problemReply(400, 'Bad Request', 'Invalid request. Please check your input and try again.', details);

/** One item of a 207's `errors[]` for a sessionStart that failed validation. */
export const startError = (eventIndex: number, details: EdgeIssue[]): Problem => ({
  type: problemType(400),
  status: 400,
  title: 'Invalid request',
  report: { eventIndex, details },
});

/**
 * The `handle[]` of a 200/207: one new-session item per session opened, the EdgeNetwork location hint,
 * and the cookies alloy writes itself (cluster = hint, identity). No `SameSite: None` attribute on them,
 * unlike Adobe's: that would make alloy write them `Secure`, which an http test page cannot read back.
 */
export function handleBody(
  sessions: { sid: string; eventIndex: number }[],
  orgId: string,
  errors: Problem[] = [],
) {
  return {
    requestId: randomUUID(),
    handle: [
      ...sessions.map(({ sid, eventIndex }) => ({
        type: 'media-analytics:new-session',
        eventIndex,
        payload: [{ sessionId: sid }],
      })),
      {
        type: 'locationHint:result',
        payload: [{ scope: 'EdgeNetwork', hint: EDGE_LOCATION_HINT, ttlSeconds: CLUSTER_TTL_S }],
      },
      {
        type: 'state:store',
        payload: [
          { key: cookieName(orgId, 'cluster'), value: EDGE_LOCATION_HINT, maxAge: CLUSTER_TTL_S },
          {
            key: cookieName(orgId, 'identity'),
            value: identityCookie(EDGE_ECID),
            maxAge: IDENTITY_TTL_S,
          },
        ],
      },
    ],
    ...(errors.length > 0 ? { errors } : {}),
  };
}

/**
 * CORS as the Edge is seen to answer browsers: the request's Origin reflected with credentials allowed
 * (Adobe's Web SDK fetches with `credentials: "include"`), so first-party Edge cookies travel.
 */
export function edgeCors(
  origin: string | undefined,
  requestHeaders: string | undefined,
): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    ...(origin ? { 'Access-Control-Allow-Credentials': 'true' } : {}),
    'Access-Control-Allow-Methods': 'POST, OPTIONS',
    'Access-Control-Allow-Headers': requestHeaders ?? 'Content-Type',
    Vary: 'Origin',
  };
}

/**
 * `/v1/identity/acquire` (alloy's `getIdentity` when it has no identity yet): 200 with the ECID as an
 * `identity:result` payload, beside the usual location hint and cookies.
 */
export function identityBody(orgId: string) {
  const body = handleBody([], orgId);
  return {
    ...body,
    handle: [
      { type: 'identity:result', payload: [{ id: EDGE_ECID, namespace: { code: 'ECID' } }] },
      ...body.handle,
    ],
  };
}
