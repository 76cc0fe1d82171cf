// The Media Edge side of the request handler: injected statuses answered as Edge problems, the
// Content-Type and `configId` checks, JSON parsing, then the route. Every request is logged as received.
import type { IncomingMessage } from 'node:http';
import { identityBody, problemReply, problemType } from './edge-replies.ts';
import type { Fault } from './faults.ts';
import type { HandlerDeps } from './handler.ts';
import { parseJson, type Reply } from './http-io.ts';
import type { Intake } from './intake.ts';
import type { Route } from './routes.ts';

// Edge Network accepts these request types (its EXEG-0111-415 error lists them); alloy sends text/plain
// so that the browser sends no preflight.
const CONTENT_TYPES = ['application/json', 'text/plain', 'application/x-jackson-smile', 'text/javascript'];

export function answerEdge(
  deps: HandlerDeps,
  route: Extract<Route, { kind: 'edge' }>,
  req: IncomingMessage,
  taken: Intake,
): Reply | undefined {
  const path = req.url ?? '/';
  if (taken.gone) {
    deps.store.edgeRequest({ path, status: taken.status, body: undefined });
    return undefined;
  }
  const parsed = parseJson(taken.text);
  const reply = edgeReply(deps, route, req, parsed.ok ? parsed.value : undefined, taken);
  deps.store.edgeRequest({ path, status: reply.status, body: parsed.ok ? parsed.value : taken.text });
  return reply;
}

function edgeReply(
  { edge, store }: HandlerDeps,
  route: Extract<Route, { kind: 'edge' }>,
  req: IncomingMessage,
  body: unknown,
  { text, fault }: Extract<Intake, { gone: false }>,
): Reply {
  const path = req.url ?? '/';
  const injected = fault?.status;
  if (injected !== undefined) {
    store.faulted({ path, status: injected, faultId: fault!.id });
    // A 207 on a session start still opens the session, with an error from "another upstream".
    if (injected === 207 && route.api === 'sessions' && body !== undefined) {
      return edge.sessionStart(
        path,
        body,
        route.endpoint === 'interact' ? 'interact' : 'va',
        upstreamProblem(fault!),
      );
    }
    return faultProblem(fault!, injected);
  }
  const type = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (!type || !CONTENT_TYPES.includes(type)) {
    return problemReply(
      415,
      'Unsupported Media Type',
      `Content-Type ${type ?? '(none)'} is not one of ${CONTENT_TYPES.join(', ')}.`,
    );
  }
  const configId = new URL(path, 'http://edge.invalid').searchParams.get('configId');
  if (!configId) {
    const detail = 'The request has no configId (datastream ID) query parameter.';
    return problemReply(400, 'Invalid datastream ID', detail, undefined, DATASTREAM_PROBLEM);
  }
  if (body === undefined) {
    store.rejected({ path, body: text, problems: ['The body is not valid JSON.'] });
    return problemReply(400, 'Bad Request', 'The body is not valid JSON.');
  }
  switch (route.endpoint) {
    case 'interact':
      return edge.sessionStart(path, body, 'interact');
    case 'identity':
      return { status: 200, body: identityBody(edge.orgId) };
    case 'sessionStart':
      return edge.sessionStart(path, body, 'va');
    case 'downloaded':
      return edge.downloaded(path, body);
    default:
      return edge.event(path, route.endpoint, body);
  }
}

// The Edge's type for an unknown datastream (OpenAPI document, sessionStart 400 example).
const DATASTREAM_PROBLEM = 'https://ns.adobe.com/aep/errors/EXEG-0003-400';

const upstreamProblem = (fault: Fault) => ({
  type: problemType(fault.status ?? 500),
  status: 502,
  title: 'Injected fault: an upstream service failed',
  ...(fault.body ? { report: fault.body } : {}),
});

function faultProblem(fault: Fault, status: number): Reply {
  const reply = problemReply(status, 'Injected fault', `Injected fault: HTTP ${status}.`);
  const headers = {
    ...reply.headers,
    ...(fault.retryAfter === undefined
      ? {}
      : { 'Retry-After': String(fault.retryAfter), 'Access-Control-Expose-Headers': 'Retry-After' }),
  };
  return { ...reply, headers, ...(fault.body ? { body: fault.body } : {}) };
}
