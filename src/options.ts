import { CONSENTS, type Consent } from './consent/gate';
import type { IdentityOption } from './identity/resolve';
import { isPlainObject } from './mc/json-types';
import type { CustomMetadata, McParams } from './mc/types';
import { customMetadataProblems } from './mc/validate-metadata';
import { paramsProblems } from './mc/validate-params';

/** What a site passes to `player.mediaCollection(options)` (README.md, Options). */
export interface MediaCollectionOptions {
  /**
   * Collector base URL, e.g. `https://<namespace>.hb-api.omtrdc.net`; http only for localhost. Media
   * Collection API only: with `api: 'edge'` the Edge is given by `edge`.
   */
  endpoint?: string;
  /** `'mc'` (default): the Media Collection API; `'edge'`: the Media Edge API (docs/edge.md). */
  api?: 'mc' | 'edge';
  /** With `api: 'edge'`: the datastream, and the Edge domain (docs/edge.md#choosing-the-edge). */
  edge?: EdgeOptions;
  /**
   * sessionStart params with Adobe's own key names. A function is called at each new session with the
   * source URL, so playlists can give each item its own `media.id`. `media.length` defaults to the
   * content's duration (86400 for live), `media.playerName` to `video.js`.
   */
  params: McParams | ((context: { src: string }) => McParams);
  /** Sent on sessionStart only; string values, keys `[A-Za-z0-9_.]`. */
  customMetadata?: CustomMetadata;
  /** Seconds between content pings, 10..50 (default 10). */
  mainPingInterval?: number;
  /** Seconds between pings inside an ad break, 1..10 (default 1). */
  adPingInterval?: number;
  /**
   * Where `visitor.marketingCloudUserId` comes from when `params` has none (docs/identity.md):
   * `'auto'` (default) Adobe's Visitor API, else the Web SDK; a function returning the ECID (or a
   * promise of it); `false` for none.
   */
  identity?: IdentityOption;
  /** Milliseconds a `sessionStart` may wait for the ECID, 0..10000 (default 1000). */
  identityTimeout?: number;
  /** `'in'` (default) sends; `'pending'` keeps events in memory only; `'out'` sends and keeps nothing (docs/consent.md). */
  consent?: Consent;
}

export interface EdgeOptions {
  /** The datastream id (Data Collection UI), sent as `configId`; Media Analytics must be enabled on it. */
  datastreamId: string;
  /**
   * The Edge host, default `edge.adobedc.net` (or a first-party CNAME of it), always over https; an origin
   * `http://localhost:<port>` or `http://127.0.0.1:<port>` for a local emulator.
   */
  domain?: string;
}

export interface ResolvedOptions {
  /** The collector's base URL; with the Edge, its origin. */
  endpoint: string;
  /** Present with `api: 'edge'`. */
  edge?: { datastreamId: string };
  params: (src: string) => McParams;
  customMetadata?: CustomMetadata;
  mainPingMs: number;
  adPingMs: number;
  identity: IdentityOption;
  identityTimeoutMs: number;
  consent: Consent;
}

/** Bad options: `problems` lists every one, the message names them all. */
export class MediaCollectionOptionsError extends Error {
  readonly code = 'MC_INVALID_OPTIONS';
  constructor(readonly problems: readonly string[]) {
    super(`videojs-media-collection: invalid options —\n  - ${problems.join('\n  - ')}`);
    this.name = 'MediaCollectionOptionsError';
  }
}

const KNOWN_OPTIONS = new Set([
  'endpoint',
  'api',
  'edge',
  'params',
  'customMetadata',
  'mainPingInterval',
  'adPingInterval',
  'identity',
  'identityTimeout',
  'consent',
]);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const DEFAULT_PARAMS = { 'media.playerName': 'video.js' } as const;

function endpointProblems(value: unknown): string[] {
  if (typeof value !== 'string' || value === '')
    return ['missing endpoint: the collector URL, e.g. "https://<namespace>.hb-api.omtrdc.net"'];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [`endpoint "${value}" is not an absolute URL`];
  }
  if (url.protocol === 'https:') return [];
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return [];
  return [`endpoint "${value}" must use https (http is only allowed for localhost and 127.0.0.1)`];
}

const HOST = /^[a-z0-9.-]+$/i;

/**
 * The Edge origin: https for a host name (Adobe's `edge.adobedc.net`, the default, or a first-party CNAME of
 * it; https://developer.adobe.com/data-collection-apis/docs/api/media-edge); an http origin only for
 * localhost, as for `endpoint` (a local emulator). Falsy when `domain` is neither.
 */
const edgeOrigin = (domain: unknown = 'edge.adobedc.net') =>
  typeof domain === 'string' &&
  (HOST.test(domain)
    ? `https://${domain}`
    : endpointProblems(domain).length > 0
      ? ''
      : domain.replace(/\/+$/, ''));

/** `name must be <what> (got …)` unless the value is absent or `ok`. */
const problem = (ok: boolean, name: string, what: string, value: unknown): string[] =>
  value === undefined || ok ? [] : [`${name} must be ${what} (got ${JSON.stringify(value)})`];

const inRange = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'number' && value >= min && value <= max;

const intervalProblems = (name: string, value: unknown, min: number, max: number): string[] =>
  problem(inRange(value, min, max), name, `a number of seconds from ${min} to ${max}`, value);

/** Also checks `tracker.setConsent()`'s argument. */
export const consentProblems = (value: unknown): string[] =>
  problem(CONSENTS.includes(value as Consent), 'consent', `one of ${CONSENTS.join(', ')}`, value);

/** Params as the session will send them, so validation sees exactly what the collector would. */
const withDefaults = (params: McParams): McParams => ({ ...DEFAULT_PARAMS, ...params });

/**
 * The Media Edge API has no field for these: the datastream decides where the data goes
 * (docs/edge.md#what-the-edge-does-not-take), so they are not required there.
 */
const EDGE_UNNEEDED = {
  'analytics.trackingServer': '-',
  'analytics.reportSuite': '-',
  'visitor.marketingCloudOrgId': '-',
};

/** Session params problems, checked as the collector would check a sessionStart. */
export function sessionParamsProblems(params: unknown = {}, edge = false): string[] {
  if (!isPlainObject(params)) {
    return ['params must be an object (or a function returning one) with the sessionStart params'];
  }
  // media.length is filled in from the duration when absent.
  const filled = { 'media.length': 1, ...(edge ? EDGE_UNNEEDED : {}), ...withDefaults(params as McParams) };
  return paramsProblems('sessionStart', filled);
}

/** Validates everything at once; throws one error naming every problem. */
export function resolveOptions(input: unknown = {}): ResolvedOptions {
  if (!isPlainObject(input)) {
    throw new MediaCollectionOptionsError(['options must be an object with at least endpoint and params']);
  }
  const options = input as Partial<MediaCollectionOptions> & Record<string, unknown>;
  const edge = options.api === 'edge';
  // `endpoint` is the Media Collection API's, `edge` the Edge's: the other one is unknown.
  const known = [...KNOWN_OPTIONS].filter((key) => key !== (edge ? 'endpoint' : 'edge'));
  const problems = [
    ...Object.keys(options)
      .filter((key) => !known.includes(key))
      .map((key) => `unknown option "${key}" (known: ${known.join(', ')})`),
    ...problem(['mc', 'edge'].includes(options.api as never), 'api', "'mc' or 'edge'", options.api),
    ...(edge
      ? [
          ...(typeof options.edge?.datastreamId === 'string' && options.edge.datastreamId
            ? []
            : ['missing edge.datastreamId (api "edge")']),
          ...problem(!!edgeOrigin(options.edge?.domain), 'edge.domain', 'a host name', options.edge?.domain),
        ]
      : endpointProblems(options.endpoint)),
    ...(typeof options.params === 'function' ? [] : sessionParamsProblems(options.params, edge)),
    ...(options.customMetadata === undefined
      ? []
      : customMetadataProblems('sessionStart', options.customMetadata).map((p) => `options: ${p}`)),
    ...intervalProblems('mainPingInterval', options.mainPingInterval, 10, 50),
    ...intervalProblems('adPingInterval', options.adPingInterval, 1, 10),
    ...problem(
      ['auto', false].includes(options.identity as never) || typeof options.identity === 'function',
      'identity',
      "'auto', false or a function returning the ECID",
      options.identity,
    ),
    ...problem(
      inRange(options.identityTimeout, 0, 10_000),
      'identityTimeout',
      'a number of milliseconds from 0 to 10000',
      options.identityTimeout,
    ),
    ...consentProblems(options.consent),
  ];
  if (problems.length > 0) throw new MediaCollectionOptionsError(problems);
  const { params } = options as MediaCollectionOptions;
  const { edge: edgeOptions } = options as { edge: EdgeOptions };
  return {
    ...(edge
      ? {
          endpoint: edgeOrigin(edgeOptions.domain) as string,
          edge: { datastreamId: edgeOptions.datastreamId },
        }
      : { endpoint: (options.endpoint as string).replace(/\/+$/, '') }),
    params:
      typeof params === 'function' ? (src) => withDefaults(params({ src })) : () => withDefaults(params),
    ...(options.customMetadata ? { customMetadata: options.customMetadata } : {}),
    mainPingMs: (options.mainPingInterval ?? 10) * 1000,
    adPingMs: (options.adPingInterval ?? 1) * 1000,
    identity: options.identity ?? 'auto',
    identityTimeoutMs: options.identityTimeout ?? 1000,
    consent: options.consent ?? 'in',
  };
}
