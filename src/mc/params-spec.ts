// Which `params` keys each event type takes, with their JSON types (docs/adobe-api.md#parameter-types).
// Adobe publishes no full schemas (docs/adobe-api.md#validation); this is the table assembled from its
// parameter reference and the SDKs. `params` has additionalProperties:false (docs/adobe-api.md#validation),
// so any key not listed here is rejected.
import type { McEventType } from './types.ts';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object';

export interface ParamsSpec {
  required: Readonly<Record<string, JsonType>>;
  optional: Readonly<Record<string, JsonType>>;
}

const strings = (...keys: string[]): Record<string, JsonType> =>
  Object.fromEntries(keys.map((key) => [key, 'string' as const]));

// Standard content and audio metadata: all optional strings on sessionStart
// (docs/adobe-api.md#parameter-types).
const STANDARD_METADATA = strings(
  'media.name',
  'media.sdkVersion',
  'media.streamType',
  'media.libraryVersion',
  'media.streamFormat',
  'media.show',
  'media.season',
  'media.episode',
  'media.assetId',
  'media.genre',
  'media.firstAirDate',
  'media.firstDigitalDate',
  'media.rating',
  'media.originator',
  'media.network',
  'media.showType',
  'media.adLoad',
  'media.pass.mvpd',
  'media.pass.auth',
  'media.dayPart',
  'media.feed',
  'media.artist',
  'media.album',
  'media.label',
  'media.author',
  'media.station',
  'media.publisher',
);

const SESSION_START: ParamsSpec = {
  required: {
    'analytics.trackingServer': 'string',
    'analytics.reportSuite': 'string',
    'visitor.marketingCloudOrgId': 'string',
    'media.id': 'string',
    'media.length': 'number',
    'media.contentType': 'string',
    'media.playerName': 'string',
    'media.channel': 'string',
  },
  optional: {
    ...STANDARD_METADATA,
    ...strings('analytics.visitorId', 'analytics.aid', 'visitor.marketingCloudUserId', 'appInstallationId'),
    'analytics.enableSSL': 'boolean',
    'analytics.optOutServerSideForwarding': 'boolean',
    'analytics.optOutShare': 'boolean',
    'media.resume': 'boolean',
    'media.downloaded': 'boolean',
    'visitor.aamLocationHint': 'integer',
    'visitor.customerIDs': 'object',
  },
};

const STATE: ParamsSpec = { required: { 'media.state.name': 'string' }, optional: {} };

export const PARAMS_SPECS: Readonly<Partial<Record<McEventType, ParamsSpec>>> = {
  sessionStart: SESSION_START,
  adBreakStart: {
    required: { 'media.ad.podIndex': 'integer', 'media.ad.podSecond': 'number' },
    optional: strings('media.ad.podFriendlyName'),
  },
  adStart: {
    required: {
      'media.ad.id': 'string',
      'media.ad.length': 'number',
      'media.ad.podPosition': 'integer',
      'media.ad.playerName': 'string',
    },
    optional: strings(
      'media.ad.name',
      'media.ad.advertiser',
      'media.ad.campaignId',
      'media.ad.creativeId',
      'media.ad.siteId',
      'media.ad.creativeURL',
      'media.ad.placementId',
    ),
  },
  chapterStart: {
    required: {
      'media.chapter.index': 'integer',
      'media.chapter.offset': 'number',
      'media.chapter.length': 'number',
    },
    optional: strings('media.chapter.friendlyName'),
  },
  stateStart: STATE,
  stateEnd: STATE,
};

/** MC API: customMetadata is allowed only on these three (docs/adobe-api.md#custommetadata). */
export const CUSTOM_METADATA_EVENTS: readonly McEventType[] = ['sessionStart', 'adStart', 'chapterStart'];

/** qoeData keys and their types (docs/adobe-api.md#qoe-and-errors). */
export const QOE_TYPES: Readonly<Record<string, JsonType>> = {
  'media.qoe.bitrate': 'integer',
  'media.qoe.droppedFrames': 'integer',
  'media.qoe.framesPerSecond': 'integer',
  'media.qoe.timeToStart': 'integer',
  'media.qoe.errorID': 'string',
  'media.qoe.errorSource': 'string',
};
