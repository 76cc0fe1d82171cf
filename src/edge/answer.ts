// Reading what the Edge answers, defensively (the body is whatever came over the network). Pure.
// docs/edge.md#troubleshooting-207-and-400 says what each form means for a site.

export interface EdgeErrorDetail {
  /** JSONPath of the field at fault, e.g. `$.xdm.mediaCollection.sessionDetails.name`. */
  name: string;
  reason: string;
}

/** An RFC 7807 problem: a 400/404 body, or one item of a 207's `errors[]`. */
export interface EdgeProblem {
  /** e.g. https://ns.adobe.com/aep/errors/va-edge-0400-400 */
  type: string;
  status: number;
  title: string;
  detail?: string;
  /** `report.details`: field paths with reasons, or one sentence (the Edge sends both forms). */
  details?: EdgeErrorDetail[] | string;
  eventIndex?: number;
}

export interface LocationHint {
  hint: string;
  ttlSeconds?: number;
}

/** What a 200 or 207 body (sessionStart, /v1/interact, downloaded) says. */
export interface EdgeAnswer {
  /** From the `media-analytics:new-session` handle; absent when Media Analytics refused the session. */
  sessionId?: string;
  /** The `locationHint:result` handle's EdgeNetwork hint. */
  locationHint?: LocationHint;
  /** A 207's `errors[]`: the request partly failed (validation, or one upstream service). */
  errors: EdgeProblem[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function payloads(body: Json, type: string): Json[] {
  return list(body.handle)
    .filter((item) => item.type === type)
    .flatMap((item) => list(item.payload));
}

export function readEdgeAnswer(body: unknown): EdgeAnswer {
  if (!isObject(body)) return { errors: [] };
  const sessionId = payloads(body, 'media-analytics:new-session')
    .map((payload) => text(payload.sessionId))
    .find((id) => id !== undefined && id !== '');
  const edge = payloads(body, 'locationHint:result').find(
    (payload) => payload.scope === 'EdgeNetwork' && text(payload.hint),
  );
  const locationHint: LocationHint | undefined = edge && {
    hint: edge.hint as string,
    ...(typeof edge.ttlSeconds === 'number' ? { ttlSeconds: edge.ttlSeconds } : {}),
  };
  const errors = list(body.errors)
    .map(readProblem)
    .filter((problem) => problem !== undefined);
  return { ...(sessionId ? { sessionId } : {}), ...(locationHint ? { locationHint } : {}), errors };
}

/** The problem in a 4xx body or a 207 error item; undefined when the body is not one. */
export function readProblem(body: unknown): EdgeProblem | undefined {
  if (!isObject(body) || typeof body.status !== 'number') return undefined;
  const report = isObject(body.report) ? body.report : {};
  // The OpenAPI document names the 207 list `report.report`; its examples and the Edge use `report.details`.
  const raw = report.details ?? report.report;
  const details =
    typeof raw === 'string'
      ? raw
      : list(raw).map((item) => ({ name: text(item.name) ?? '', reason: text(item.reason) ?? '' }));
  return {
    type: text(body.type) ?? '',
    status: body.status,
    title: text(body.title) ?? '',
    ...(text(body.detail) ? { detail: body.detail as string } : {}),
    ...(typeof raw === 'string' || details.length > 0 ? { details } : {}),
    ...(typeof report.eventIndex === 'number' ? { eventIndex: report.eventIndex } : {}),
  };
}

/** One line for a report or a console: title, detail, then each field with its reason. */
export function describeProblem(problem: EdgeProblem): string {
  const head = [problem.title, problem.detail].filter(Boolean).join(': ') || `HTTP ${problem.status}`;
  const { details } = problem;
  if (details === undefined || details.length === 0) return head;
  const tail =
    typeof details === 'string' ? details : details.map((d) => `${d.name} ${d.reason}`.trim()).join('; ');
  return `${head} (${tail})`;
}
