// Adobe Media Edge API vocabulary (`POST /ee[/{hint}]/va/v1/{event}?configId=…`), spelled exactly as on
// the wire. Field names and types follow the published OpenAPI document
// (https://developer.adobe.com/data-collection-apis/docs/api/media-edge) and the XDM media data types.
// docs/edge.md#the-request explains how each Media Collection event becomes one of these.
import { EVENT_TYPES, type McEventType } from '../mc/types.ts';

/**
 * The 18 per-event endpoints: the Media Collection events, with stateStart and stateEnd merged into
 * statesUpdate. `downloaded` is separate (one whole session per request).
 */
export const EDGE_EVENT_TYPES = [
  ...EVENT_TYPES.filter(
    (type): type is Exclude<McEventType, 'stateStart' | 'stateEnd'> =>
      type !== 'stateStart' && type !== 'stateEnd',
  ),
  'statesUpdate',
] as const;

export type EdgeEventType = (typeof EDGE_EVENT_TYPES)[number];
/** `xdm.eventType`: the path's event with a `media.` prefix; the Edge rejects a mismatch. */
export type XdmEventType = `media.${EdgeEventType}`;

/** `sessionDetails` string fields besides the five required ones. */
export type SessionDetailText =
  | 'friendlyName'
  | 'appVersion'
  | 'show'
  | 'season'
  | 'episode'
  | 'assetID'
  | 'genre'
  | 'network'
  | 'showType'
  | 'firstAirDate'
  | 'firstDigitalDate'
  | 'rating'
  | 'originator'
  | 'adLoad'
  | 'mvpd'
  | 'authorized'
  | 'dayPart'
  | 'feed'
  | 'streamFormat'
  | 'artist'
  | 'album'
  | 'label'
  | 'author'
  | 'station'
  | 'publisher';

export type SessionDetails = Partial<Record<SessionDetailText, string>> & {
  name: string;
  playerName: string;
  channel: string;
  contentType: string;
  /** Integer seconds. */
  length: number;
  streamType?: 'audio' | 'video';
  hasResume?: boolean;
  isDownloaded?: boolean;
};

export interface AdvertisingPodDetails {
  index: number;
  /** Integer seconds into the content where the break starts. */
  offset: number;
  friendlyName?: string;
}

export interface AdvertisingDetails {
  /** The ad's id (Media Collection `media.ad.id`). */
  name: string;
  length: number;
  playerName: string;
  podPosition: number;
  friendlyName?: string;
  advertiser?: string;
  campaignID?: string;
  creativeID?: string;
  creativeURL?: string;
  placementID?: string;
  siteID?: string;
}

export interface ChapterDetails {
  index: number;
  offset: number;
  length: number;
  friendlyName?: string;
}

/** All int32; units in src/edge/choices.ts. */
export interface QoeDataDetails {
  bitrate?: number;
  droppedFrames?: number;
  framesPerSecond?: number;
  timeToStart?: number;
}

export interface ErrorDetails {
  name: string;
  source: 'player' | 'external';
}

export interface StateRef {
  name: string;
}

export interface CustomMetadataItem {
  name: string;
  value: string;
}

export interface IdentityItem {
  id: string;
  authenticatedState?: 'ambiguous' | 'authenticated' | 'loggedOut';
  primary?: boolean;
}

/** Namespace (ECID, FPID, …) → identities. */
export type IdentityMap = Record<string, IdentityItem[]>;

/** What every event after sessionStart carries. */
interface InSession {
  sessionID: string;
  /** Integer: seconds of content (VOD) or second of the day (live). */
  playhead: number;
  qoeDataDetails?: QoeDataDetails;
}

type Xdm<T extends EdgeEventType, M> = { eventType: `media.${T}`; timestamp: string; mediaCollection: M };

type Plain = Exclude<
  EdgeEventType,
  'sessionStart' | 'adBreakStart' | 'adStart' | 'chapterStart' | 'bitrateChange' | 'error' | 'statesUpdate'
>;

/** `events[0].xdm` of one Media Edge request: one member per endpoint, mirroring `McEvent`. */
export type EdgeEvent =
  | (Xdm<
      'sessionStart',
      {
        playhead: number;
        sessionDetails: SessionDetails;
        qoeDataDetails?: QoeDataDetails;
        customMetadata?: CustomMetadataItem[];
      }
    > & { identityMap?: IdentityMap })
  | Xdm<'adBreakStart', InSession & { advertisingPodDetails: AdvertisingPodDetails }>
  | Xdm<
      'adStart',
      InSession & { advertisingDetails: AdvertisingDetails; customMetadata?: CustomMetadataItem[] }
    >
  | Xdm<'chapterStart', InSession & { chapterDetails: ChapterDetails; customMetadata?: CustomMetadataItem[] }>
  | Xdm<'bitrateChange', InSession & { qoeDataDetails: QoeDataDetails }>
  | Xdm<'error', InSession & { errorDetails: ErrorDetails }>
  | Xdm<'statesUpdate', InSession & { statesStart?: StateRef[]; statesEnd?: StateRef[] }>
  | Xdm<Plain, InSession>;

/** One event inside a `downloaded` body: no session id (Adobe assigns one), its own timestamp field. */
export interface DownloadedMediaEvent {
  mediaEventType: XdmEventType;
  mediaEventTimestamp: string;
  mediaCollection: Record<string, unknown>;
}

export interface DownloadedEvent {
  eventType: 'media.downloaded';
  identityMap: IdentityMap;
  mediaDownloadedEvents: DownloadedMediaEvent[];
}

/** A request to send: `path` is relative to the Edge origin and carries the query. */
export interface EdgeRequest<X = EdgeEvent> {
  path: string;
  body: { events: [{ xdm: X }] };
}
