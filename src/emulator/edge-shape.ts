// The "shape" of a Media Edge request — path template, query names, event type, sorted field paths —
// and the difference between two clients' shapes for the same timeline, each difference either
// explained by an allow-list entry or reported. Pure; used to hold our requests against Adobe's Web SDK.
import { isPlainObject } from '../mc/json-types.ts';

export interface RequestShape {
  /** The path with the location hint as `{hint}`, without the query: `/ee/{hint}/va/v1/play`. */
  path: string;
  /** Query parameter names, sorted. */
  query: string[];
  /** `xdm.eventType` of the (first media) event, if any. */
  eventType?: string;
  /** Every leaf of the body as a path, arrays as `[]`, sorted and unique: `events[].xdm.timestamp`. */
  fields: string[];
}

const HINTED = /^\/ee\/(?!va\/|v1\/)[^/]+\/(va\/v1\/[^/]+|v1\/[^/]+)$/;

export function requestShape(pathWithQuery: string, body: unknown): RequestShape {
  const url = new URL(pathWithQuery, 'http://shape.invalid');
  const path = url.pathname.replace(HINTED, '/ee/{hint}/$1');
  const fields = new Set<string>();
  collect(body, '', fields);
  const events = isPlainObject(body) && Array.isArray(body.events) ? body.events : [];
  const types = events.map((event) =>
    isPlainObject(event) && isPlainObject(event.xdm) ? event.xdm.eventType : undefined,
  );
  const eventType = types.find((type) => typeof type === 'string' && type.startsWith('media.')) ?? types[0];
  return {
    path,
    query: [...new Set(url.searchParams.keys())].sort(),
    ...(typeof eventType === 'string' ? { eventType } : {}),
    fields: [...fields].sort(),
  };
}

function collect(value: unknown, path: string, into: Set<string>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) into.add(`${path}[]`);
    for (const item of value) collect(item, `${path}[]`, into);
  } else if (isPlainObject(value)) {
    const keys = Object.keys(value).filter((key) => value[key] !== undefined);
    if (keys.length === 0) into.add(`${path}{}`);
    for (const key of keys) collect(value[key], path ? `${path}.${key}` : key, into);
  } else {
    into.add(path);
  }
}

/** A difference that is expected, and why. `pattern` is tested against each difference line. */
export interface AllowedDifference {
  pattern: RegExp;
  why: string;
}

export interface ShapeDiff {
  /** Difference lines an allow-list entry explains, with its reason. */
  explained: { difference: string; why: string }[];
  /** Difference lines nothing explains: each one is a finding. */
  unexplained: string[];
}

/**
 * Compares two request sequences step by step (same index = same timeline step). Lines read
 * `step 3 media.adStart: field only in theirs: events[].xdm.mediaCollection.advertisingDetails.x`.
 */
export function diffShapes(
  ours: readonly RequestShape[],
  theirs: readonly RequestShape[],
  allowed: readonly AllowedDifference[],
): ShapeDiff {
  const lines: string[] = [];
  if (ours.length !== theirs.length)
    lines.push(`request count: ours ${ours.length}, theirs ${theirs.length}`);
  for (let step = 0; step < Math.min(ours.length, theirs.length); step += 1) {
    const [a, b] = [ours[step], theirs[step]];
    const at = `step ${step + 1} ${b.eventType ?? a.eventType ?? '(no event)'}`;
    if (a.eventType !== b.eventType)
      lines.push(`${at}: eventType ours ${a.eventType}, theirs ${b.eventType}`);
    if (a.path !== b.path) lines.push(`${at}: path ours ${a.path}, theirs ${b.path}`);
    lines.push(...onlyIn(a.query, b.query).map((name) => `${at}: query only in ours: ${name}`));
    lines.push(...onlyIn(b.query, a.query).map((name) => `${at}: query only in theirs: ${name}`));
    lines.push(...onlyIn(a.fields, b.fields).map((field) => `${at}: field only in ours: ${field}`));
    lines.push(...onlyIn(b.fields, a.fields).map((field) => `${at}: field only in theirs: ${field}`));
  }
  const explained: ShapeDiff['explained'] = [];
  const unexplained: string[] = [];
  for (const difference of lines) {
    const reason = allowed.find(({ pattern }) => pattern.test(difference));
    if (reason) explained.push({ difference, why: reason.why });
    else unexplained.push(difference);
  }
  return { explained, unexplained };
}

const onlyIn = (left: readonly string[], right: readonly string[]) =>
  left.filter((item) => !right.includes(item));
