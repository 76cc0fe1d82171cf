// Media Collection `params` key → Media Edge XDM field, one row per field, for each details object.
// From the "XDM collection field" row of each variable page of Adobe's Streaming Media guide
// (https://experienceleague.adobe.com/en/docs/media-analytics/using/implementation/variables/), checked
// against the OpenAPI document. Used in both directions: the renderer here, the emulator's translation back.

/** How a value is written on the Edge: strings as they are, numbers as integers (rounded), booleans as they are. */
export type FieldKind = 'string' | 'integer' | 'boolean';

export interface FieldMap {
  mc: string;
  edge: string;
  kind: FieldKind;
}

const row = (mc: string, edge: string, kind: FieldKind = 'string'): FieldMap => ({ mc, edge, kind });
/** `media.x` → `x`: most standard metadata keeps its name. */
const same = (...names: string[]): FieldMap[] => names.map((name) => row(`media.${name}`, name));

export const SESSION_DETAILS_FIELDS: readonly FieldMap[] = [
  row('media.id', 'name'),
  row('media.name', 'friendlyName'),
  row('media.length', 'length', 'integer'),
  row('media.sdkVersion', 'appVersion'),
  row('media.assetId', 'assetID'),
  row('media.pass.mvpd', 'mvpd'),
  row('media.pass.auth', 'authorized'),
  row('media.resume', 'hasResume', 'boolean'),
  row('media.downloaded', 'isDownloaded', 'boolean'),
  ...same('contentType', 'playerName', 'channel', 'streamType', 'show', 'season', 'episode', 'genre'),
  ...same('network', 'showType', 'firstAirDate', 'firstDigitalDate', 'rating', 'originator', 'adLoad'),
  ...same('dayPart', 'feed', 'streamFormat', 'artist', 'album', 'label', 'author', 'station', 'publisher'),
];

/**
 * sessionStart params with no Edge body field: the datastream (`configId`) decides the report suite and
 * tracking server, identity travels in Edge cookies or `identityMap` (docs/edge.md#what-the-edge-does-not-take).
 */
export const SESSION_KEYS_WITHOUT_EDGE_FIELD: readonly string[] = [
  'analytics.trackingServer',
  'analytics.reportSuite',
  'analytics.visitorId',
  'analytics.aid',
  'analytics.enableSSL',
  'analytics.optOutServerSideForwarding',
  'analytics.optOutShare',
  'visitor.marketingCloudOrgId',
  'visitor.marketingCloudUserId',
  'visitor.aamLocationHint',
  'visitor.customerIDs',
  'appInstallationId',
  'media.libraryVersion',
];

export const POD_FIELDS: readonly FieldMap[] = [
  row('media.ad.podIndex', 'index', 'integer'),
  row('media.ad.podSecond', 'offset', 'integer'),
  row('media.ad.podFriendlyName', 'friendlyName'),
];

export const AD_FIELDS: readonly FieldMap[] = [
  row('media.ad.id', 'name'),
  row('media.ad.name', 'friendlyName'),
  row('media.ad.length', 'length', 'integer'),
  row('media.ad.podPosition', 'podPosition', 'integer'),
  row('media.ad.playerName', 'playerName'),
  row('media.ad.advertiser', 'advertiser'),
  row('media.ad.campaignId', 'campaignID'),
  row('media.ad.creativeId', 'creativeID'),
  row('media.ad.creativeURL', 'creativeURL'),
  row('media.ad.placementId', 'placementID'),
  row('media.ad.siteId', 'siteID'),
];

export const CHAPTER_FIELDS: readonly FieldMap[] = [
  row('media.chapter.index', 'index', 'integer'),
  row('media.chapter.offset', 'offset', 'integer'),
  row('media.chapter.length', 'length', 'integer'),
  row('media.chapter.friendlyName', 'friendlyName'),
];

/** Numeric QoE only; `media.qoe.errorID`/`errorSource` become `errorDetails` on the error event. */
export const QOE_FIELDS: readonly FieldMap[] = [
  row('media.qoe.bitrate', 'bitrate', 'integer'),
  row('media.qoe.droppedFrames', 'droppedFrames', 'integer'),
  row('media.qoe.framesPerSecond', 'framesPerSecond', 'integer'),
  row('media.qoe.timeToStart', 'timeToStart', 'integer'),
];
