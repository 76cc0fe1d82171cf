// The Media Edge request schemas, written from Adobe's OpenAPI document (static/media-edge.yaml of
// AdobeDocs/data-collection-apis, https://developer.adobe.com/data-collection-apis/docs/api/media-edge):
// per endpoint, which `mediaCollection` fields exist, their types, and which are required.
// The document sets no `additionalProperties`; the emulator treats `mediaCollection` and its details
// objects as closed anyway, because Adobe drops XDM fields its schema lacks without a word
// (docs/edge.md#the-emulators-edge-mode): a misspelt field must fail here, not vanish there.
import type { EdgeEventType } from '../edge/types.ts';

export type Schema =
  | { type: 'string'; enum?: readonly string[]; pattern?: RegExp; format?: 'date-time' }
  | { type: 'integer'; min?: number }
  | { type: 'boolean' }
  | { type: 'array'; items: Schema; minItems?: number }
  | {
      type: 'object';
      properties: Readonly<Record<string, Schema>>;
      required?: readonly string[];
      /** Unknown keys are problems. */
      closed: boolean;
      /** Schema of every value not in `properties` (a map such as identityMap). */
      values?: Schema;
    };

const STRING: Schema = { type: 'string' };
const COUNT: Schema = { type: 'integer', min: 0 };
const BOOLEAN: Schema = { type: 'boolean' };
const strings = (...names: string[]) => Object.fromEntries(names.map((name) => [name, STRING]));
const closed = (properties: Record<string, Schema>, required: readonly string[] = []): Schema => ({
  type: 'object',
  properties,
  required,
  closed: true,
});

export const DATE_TIME: Schema = { type: 'string', format: 'date-time' };

const QOE = closed({ bitrate: COUNT, droppedFrames: COUNT, framesPerSecond: COUNT, timeToStart: COUNT });

const SESSION_DETAILS = closed(
  {
    ...strings('name', 'playerName', 'channel', 'contentType', 'friendlyName', 'appVersion', 'show'),
    ...strings('season', 'episode', 'assetID', 'genre', 'network', 'showType', 'firstAirDate'),
    ...strings('firstDigitalDate', 'rating', 'originator', 'adLoad', 'mvpd', 'authorized', 'dayPart'),
    ...strings('feed', 'streamFormat', 'artist', 'album', 'label', 'author', 'station', 'publisher'),
    length: COUNT,
    streamType: { type: 'string', enum: ['audio', 'video'] },
    hasResume: BOOLEAN,
    isDownloaded: BOOLEAN,
  },
  ['name', 'playerName', 'length', 'channel', 'contentType'],
);

const CUSTOM_METADATA: Schema = { type: 'array', items: closed(strings('name', 'value'), ['name', 'value']) };

// OpenAPI statesUpdate: state names match ^[a-zA-Z0-9_.]{1,64}$.
const STATES: Schema = {
  type: 'array',
  items: closed({ name: { type: 'string', pattern: /^[a-zA-Z0-9_.]{1,64}$/ } }, ['name']),
};

const DETAILS: Partial<Record<EdgeEventType, Record<string, Schema>>> = {
  sessionStart: { sessionDetails: SESSION_DETAILS, customMetadata: CUSTOM_METADATA },
  adBreakStart: {
    advertisingPodDetails: closed({ index: COUNT, offset: COUNT, friendlyName: STRING }, ['index', 'offset']),
  },
  adStart: {
    advertisingDetails: closed(
      {
        ...strings('name', 'playerName', 'friendlyName', 'advertiser', 'campaignID', 'creativeID'),
        ...strings('creativeURL', 'placementID', 'siteID'),
        length: COUNT,
        podPosition: COUNT,
      },
      ['name', 'length', 'playerName', 'podPosition'],
    ),
    customMetadata: CUSTOM_METADATA,
  },
  chapterStart: {
    chapterDetails: closed({ index: COUNT, offset: COUNT, length: COUNT, friendlyName: STRING }, [
      'index',
      'length',
      'offset',
    ]),
    customMetadata: CUSTOM_METADATA,
  },
  error: {
    errorDetails: closed({ name: STRING, source: { type: 'string', enum: ['player', 'external'] } }, [
      'name',
      'source',
    ]),
  },
  statesUpdate: { statesStart: STATES, statesEnd: STATES },
};

/**
 * `xdm.mediaCollection` of one endpoint. `inSession` false is the form inside a downloaded body, which
 * must not carry a session id (Adobe assigns one).
 */
export function mediaCollectionSchema(event: EdgeEventType, inSession: boolean): Schema {
  const details = DETAILS[event] ?? {};
  const required = ['playhead', ...Object.keys(details).filter((k) => k.endsWith('Details'))];
  if (event === 'bitrateChange') required.push('qoeDataDetails');
  const session: Record<string, Schema> = event !== 'sessionStart' && inSession ? { sessionID: STRING } : {};
  return closed({ playhead: COUNT, ...session, qoeDataDetails: QOE, ...details }, [
    ...required,
    ...Object.keys(session),
  ]);
}

export const IDENTITY_MAP: Schema = {
  type: 'object',
  properties: {},
  closed: false,
  values: {
    type: 'array',
    items: closed(
      {
        id: STRING,
        authenticatedState: { type: 'string', enum: ['ambiguous', 'authenticated', 'loggedOut'] },
        primary: BOOLEAN,
      },
      ['id'],
    ),
  },
};

/** `xdm` of an event: open (an ExperienceEvent has many other fields), three required. */
export const xdmSchema = (mediaCollection: Schema): Schema => ({
  type: 'object',
  properties: { eventType: STRING, timestamp: DATE_TIME, mediaCollection, identityMap: IDENTITY_MAP },
  required: ['eventType', 'timestamp', 'mediaCollection'],
  closed: false,
});

/**
 * `xdm` of a downloaded body. The OpenAPI document also lists `mediaCollection` as required here, but
 * neither of its examples nor the endpoint page sends one: not required.
 */
export const DOWNLOADED_XDM: Schema = {
  type: 'object',
  properties: {
    eventType: STRING,
    identityMap: IDENTITY_MAP,
    mediaDownloadedEvents: {
      type: 'array',
      minItems: 1,
      items: closed(
        {
          mediaEventTimestamp: DATE_TIME,
          mediaEventType: STRING,
          mediaCollection: { type: 'object', properties: {}, closed: false },
        },
        ['mediaEventTimestamp', 'mediaEventType', 'mediaCollection'],
      ),
    },
    implementationDetails: closed({
      ...strings('version', 'name'),
      environment: { type: 'string', enum: ['browser', 'app', 'device', 'server', 'iot'] },
    }),
  },
  required: ['eventType', 'identityMap', 'mediaDownloadedEvents'],
  closed: false,
};
