// Which route a request is for, pure. The emulator owns everything under /api/v1/ (Media Collection
// API), /ee/ (Media Edge API) and /__emulator/; anything else is left to the host (the Vite dev server,
// or the standalone server's 404).
import type { EdgeEventType } from '../edge/types.ts';
import { isEdgeEventType } from './edge-validate.ts';
import type { ApiRoute } from './faults.ts';

export type ControlName =
  | 'sessions'
  | 'report'
  | 'faults'
  | 'expire'
  | 'config'
  | 'reset'
  | 'produced'
  | 'audit';

/**
 * A Media Edge endpoint; `interact` is the generic Edge route alloy's createMediaSession uses,
 * `identity` its `/v1/identity/acquire` (alloy's getIdentity).
 */
export type EdgeEndpoint = EdgeEventType | 'downloaded' | 'interact' | 'identity';

export type Route =
  | { zone: 'edge'; kind: 'preflight' }
  | { zone: 'edge'; kind: 'edge'; api: ApiRoute; endpoint: EdgeEndpoint; hint?: string }
  | { zone: 'edge'; kind: 'unknown' }
  | { zone: 'api'; kind: 'preflight' }
  | { zone: 'api'; kind: 'api'; api: ApiRoute; sid?: string }
  | { zone: 'api'; kind: 'unknown' }
  | { zone: 'control'; kind: 'preflight' }
  | { zone: 'control'; kind: 'control'; name: ControlName }
  | { zone: 'control'; kind: 'unknown' };

const API_PREFIX = '/api/v1/';
const CONTROL_PREFIX = '/__emulator/';
const EVENTS = /^\/api\/v1\/sessions\/([^/]+)\/events$/;
const EDGE_PREFIX = '/ee/';
// /ee[/{hint}]/va/v1/{event} and /ee[/{hint}]/v1/interact (location hints go after `ee`).
const EDGE_VA = /^\/ee(?:\/([^/]+))?\/va\/v1\/([^/]+)$/;
const EDGE_INTERACT = /^\/ee(?:\/([^/]+))?\/v1\/(interact|identity\/acquire)$/;

const CONTROL_METHODS: Readonly<Record<ControlName, readonly string[]>> = {
  sessions: ['GET'],
  report: ['GET'],
  faults: ['GET', 'POST', 'DELETE'],
  expire: ['POST'],
  config: ['GET', 'POST'],
  reset: ['POST'],
  produced: ['POST'],
  audit: ['GET'],
};

export function matchRoute(method: string, pathname: string): Route | undefined {
  if (pathname.startsWith(API_PREFIX)) return matchApi(method, pathname);
  if (pathname.startsWith(EDGE_PREFIX)) return matchEdge(method, pathname);
  if (pathname.startsWith(CONTROL_PREFIX) || pathname === '/__emulator')
    return matchControl(method, pathname);
  return undefined;
}

function matchApi(method: string, pathname: string): Route {
  if (method === 'OPTIONS') return { zone: 'api', kind: 'preflight' };
  if (method !== 'POST') return { zone: 'api', kind: 'unknown' };
  if (pathname === '/api/v1/sessions') return { zone: 'api', kind: 'api', api: 'sessions' };
  if (pathname === '/api/v1/downloaded') return { zone: 'api', kind: 'api', api: 'downloaded' };
  const events = EVENTS.exec(pathname);
  if (events) return { zone: 'api', kind: 'api', api: 'events', sid: safeDecode(events[1]) };
  return { zone: 'api', kind: 'unknown' };
}

function matchEdge(method: string, pathname: string): Route {
  if (method === 'OPTIONS') return { zone: 'edge', kind: 'preflight' };
  const va = EDGE_VA.exec(pathname);
  const interact = va ? null : EDGE_INTERACT.exec(pathname);
  const endpoint = va
    ? safeDecode(va[2])
    : interact
      ? interact[2] === 'interact'
        ? 'interact'
        : 'identity'
      : undefined;
  const hint = (va ?? interact)?.[1];
  const known =
    endpoint === 'interact' ||
    endpoint === 'identity' ||
    endpoint === 'downloaded' ||
    isEdgeEventType(endpoint);
  if (method !== 'POST' || !known) return { zone: 'edge', kind: 'unknown' };
  const api: ApiRoute =
    endpoint === 'downloaded'
      ? 'downloaded'
      : endpoint === 'interact' || endpoint === 'identity' || endpoint === 'sessionStart'
        ? 'sessions'
        : 'events';
  return {
    zone: 'edge',
    kind: 'edge',
    api,
    endpoint,
    ...(hint === undefined ? {} : { hint: safeDecode(hint) }),
  };
}

function matchControl(method: string, pathname: string): Route {
  if (method === 'OPTIONS') return { zone: 'control', kind: 'preflight' };
  const name = pathname.slice(CONTROL_PREFIX.length).replace(/\/$/, '');
  if (Object.hasOwn(CONTROL_METHODS, name) && CONTROL_METHODS[name as ControlName].includes(method)) {
    return { zone: 'control', kind: 'control', name: name as ControlName };
  }
  return { zone: 'control', kind: 'unknown' };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
