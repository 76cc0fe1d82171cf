import { CONSENTS, type Consent } from './consent/gate';
import type { IdentityOption } from './identity/resolve';
import { isPlainObject } from './mc/json-types';
import type { CustomMetadata, McParams } from './mc/types';
import { customMetadataProblems } from './mc/validate-metadata';
import { paramsProblems } from './mc/validate-params';

/** What a site passes to `player.mediaCollection(options)` (README.md, Options). */
export interface MediaCollectionOptions {
  /** Collector base URL, e.g. `https://<namespace>.hb-api.omtrdc.net`; http only for localhost. */
  endpoint: string;
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

export interface ResolvedOptions {
  endpoint: string;
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

/** Session params problems, checked as the collector would check a sessionStart. */
export function sessionParamsProblems(params: unknown = {}): string[] {
  if (!isPlainObject(params)) {
    return ['params must be an object (or a function returning one) with the sessionStart params'];
  }
  // media.length is filled in from the duration when absent.
  return paramsProblems('sessionStart', { 'media.length': 1, ...withDefaults(params as McParams) });
}

/** Validates everything at once; throws one error naming every problem. */
export function resolveOptions(input: unknown = {}): ResolvedOptions {
  if (!isPlainObject(input)) {
    throw new MediaCollectionOptionsError(['options must be an object with at least endpoint and params']);
  }
  const options = input as Partial<MediaCollectionOptions> & Record<string, unknown>;
  const problems = [
    ...Object.keys(options)
      .filter((key) => !KNOWN_OPTIONS.has(key))
      .map((key) => `unknown option "${key}" (known: ${[...KNOWN_OPTIONS].join(', ')})`),
    ...endpointProblems(options.endpoint),
    ...(typeof options.params === 'function' ? [] : sessionParamsProblems(options.params)),
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
  return {
    endpoint: (options.endpoint as string).replace(/\/+$/, ''),
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
