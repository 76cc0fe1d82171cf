// The request handler: routes a node:http request to the MC API, the Media Edge routes or the control
// routes, applies injected faults to API requests, and writes the reply. Resolves false for routes it
// does not own.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { createApi } from './api.ts';
import type { createControl } from './control.ts';
import type { createEdgeApi } from './edge-api.ts';
import { answerEdge } from './edge-handler.ts';
import { edgeCors } from './edge-replies.ts';
import type { Fault, Faults } from './faults.ts';
import {
  API_CORS,
  BodyTooLargeError,
  CONTROL_CORS,
  errorReply,
  isJsonContentType,
  parseJson,
  type Reply,
  readBody,
  writeReply,
} from './http-io.ts';
import { intake } from './intake.ts';
import { isReportPage, renderReportPage, writeReportPage } from './report-page.ts';
import { matchRoute, type Route } from './routes.ts';
import type { EmulatorReport, Store } from './store.ts';

export type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface HandlerDeps {
  api: ReturnType<typeof createApi>;
  edge: ReturnType<typeof createEdgeApi>;
  control: ReturnType<typeof createControl>;
  faults: Faults;
  store: Store;
}

export function createHandler(deps: HandlerDeps): Handle {
  return async (req, res) => {
    const method = req.method ?? 'GET';
    const { pathname } = new URL(req.url ?? '/', 'http://emulator.invalid');
    if (isReportPage(method, pathname)) {
      const report = deps.control('report', method, {}).body as EmulatorReport;
      writeReportPage(res, renderReportPage(report, deps.faults.list(), Date.now()));
      return true;
    }
    const route = matchRoute(method, pathname);
    if (!route) return false;
    const cors =
      route.zone === 'edge'
        ? edgeCors(req.headers.origin, req.headers['access-control-request-headers'])
        : route.zone === 'api'
          ? API_CORS
          : CONTROL_CORS;
    let clientGone = false;
    res.once('close', () => {
      clientGone = !res.writableFinished;
    });
    try {
      const reply = await answer(deps, route, req, pathname, () => clientGone);
      if (reply) writeReply(res, reply, cors);
    } catch (error) {
      const reply =
        error instanceof BodyTooLargeError
          ? errorReply(413, error.message)
          : errorReply(500, `The emulator failed: ${(error as Error).message}`);
      writeReply(res, reply, cors);
    }
    return true;
  };
}

/** The reply to write, or undefined when the connection was refused. */
async function answer(
  deps: HandlerDeps,
  route: Route,
  req: IncomingMessage,
  path: string,
  clientGone: () => boolean,
): Promise<Reply | undefined> {
  const unknown = () => errorReply(404, `No route ${req.method} ${path}.`);
  switch (route.kind) {
    case 'preflight':
      return { status: 204 };
    case 'unknown':
      return unknown();
    case 'control': {
      const text = await readBody(req);
      const parsed = text.trim() === '' ? { ok: true as const, value: {} } : parseJson(text);
      if (!parsed.ok) return errorReply(400, `The body is not valid JSON: ${parsed.error}`);
      return deps.control(route.name, req.method ?? 'GET', parsed.value);
    }
    case 'api':
      return answerApi(deps, route, req, path, clientGone);
    case 'edge': {
      const taken = await intake(deps, route.api, req, path, clientGone);
      return answerEdge(deps, route, req, taken);
    }
    default: {
      const unhandled: never = route;
      return unhandled;
    }
  }
}

async function answerApi(
  deps: HandlerDeps,
  route: Extract<Route, { kind: 'api' }>,
  req: IncomingMessage,
  path: string,
  clientGone: () => boolean,
): Promise<Reply | undefined> {
  const { api, store } = deps;
  const taken = await intake(deps, route.api, req, path, clientGone);
  if (taken.gone) return undefined;
  const { text, fault } = taken;
  if (fault?.status !== undefined) {
    store.faulted({ path, status: fault.status, faultId: fault.id });
    return faultReply(fault, fault.status);
  }
  const sid = route.sid === undefined ? {} : { sid: route.sid };
  const invalid = (problem: string): Reply =>
    errorReply(400, store.rejected({ path, body: text, problems: [problem], ...sid }).message);
  // MC API: Content-Type: application/json is required on every request (docs/adobe-api.md#endpoints).
  if (!isJsonContentType(req.headers['content-type'])) {
    return invalid(`Content-Type must be application/json, not ${req.headers['content-type'] ?? 'missing'}.`);
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return invalid(`The body is not valid JSON: ${parsed.error}`);
  switch (route.api) {
    case 'sessions':
      return api.sessions(path, parsed.value);
    case 'events':
      return api.events(path, route.sid as string, parsed.value);
    case 'downloaded':
      return api.downloaded(path, parsed.value);
    default: {
      const unhandled: never = route.api;
      return unhandled;
    }
  }
}

function faultReply(fault: Fault, status: number): Reply {
  // A page on another origin can read Retry-After only if the response exposes it (Fetch: it is not a
  // CORS-safelisted response header); Adobe's documented headers expose Location alone.
  const headers =
    fault.retryAfter === undefined
      ? undefined
      : { 'Retry-After': String(fault.retryAfter), 'Access-Control-Expose-Headers': 'Location, Retry-After' };
  return {
    status,
    body: fault.body ?? { message: `Injected fault: HTTP ${status}.` },
    ...(headers ? { headers } : {}),
  };
}
