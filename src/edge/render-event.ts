// One transport-neutral Media Collection event → the `xdm` of one Media Edge request. Pure.
// docs/edge.md#the-request has the table this follows.
import type { McEvent, McEventType, QoeData } from '../mc/types.ts';
import { AD_FIELDS, CHAPTER_FIELDS, POD_FIELDS, QOE_FIELDS, SESSION_DETAILS_FIELDS } from './fields.ts';
import type { CustomMetadataItem, EdgeEvent, EdgeEventType, IdentityMap, QoeDataDetails } from './types.ts';
import {
  bitrateToEdge,
  isoTimestamp,
  podPositionToEdge,
  stateToEdge,
  timeToStartToEdge,
  toEdgeFields,
  toInteger,
} from './units.ts';

/** Media Edge has no stateStart/stateEnd: both become statesUpdate (one list each). */
export const edgeEventType = (type: McEventType): EdgeEventType =>
  type === 'stateStart' || type === 'stateEnd' ? 'statesUpdate' : type;

// Media Edge: customMetadata only on sessionStart, adStart and chapterStart (OpenAPI document).
const WITH_METADATA: ReadonlySet<McEventType> = new Set(['sessionStart', 'adStart', 'chapterStart']);

/**
 * `mediaCollection` without `sessionID`: the part a `downloaded` body carries as it is. Each event type
 * gets exactly the details object its endpoint takes; QoE values ride on any event.
 */
export function renderMediaCollection(event: McEvent): Record<string, unknown> {
  const { eventType, params = {}, qoeData, customMetadata } = event;
  const out: Record<string, unknown> = { playhead: toInteger(event.playerTime.playhead) };
  switch (eventType) {
    case 'sessionStart':
      out.sessionDetails = toEdgeFields(params, SESSION_DETAILS_FIELDS);
      break;
    case 'adBreakStart':
      out.advertisingPodDetails = toEdgeFields(params, POD_FIELDS);
      break;
    case 'adStart': {
      const ad = toEdgeFields(params, AD_FIELDS);
      if (typeof ad.podPosition === 'number') ad.podPosition = podPositionToEdge(ad.podPosition);
      out.advertisingDetails = ad;
      break;
    }
    case 'chapterStart':
      out.chapterDetails = toEdgeFields(params, CHAPTER_FIELDS);
      break;
    case 'stateStart':
    case 'stateEnd': {
      const list = [{ name: stateToEdge(String(params['media.state.name'] ?? '')) }];
      out[eventType === 'stateStart' ? 'statesStart' : 'statesEnd'] = list;
      break;
    }
    case 'error':
      // Media Edge: errorDetails {name, source} replaces qoeData media.qoe.errorID / errorSource.
      out.errorDetails = {
        name: qoeData?.['media.qoe.errorID'] ?? 'unknown',
        source: qoeData?.['media.qoe.errorSource'] ?? 'player',
      };
      break;
    case 'sessionComplete':
    case 'sessionEnd':
    case 'play':
    case 'ping':
    case 'bufferStart':
    case 'pauseStart':
    case 'bitrateChange':
    case 'adBreakComplete':
    case 'adComplete':
    case 'adSkip':
    case 'chapterComplete':
    case 'chapterSkip':
      break;
    default: {
      const unknownType: never = eventType;
      throw new TypeError(`No Media Edge form for event type ${String(unknownType)}.`);
    }
  }
  const qoe = qoeDetails(qoeData);
  // Media Edge: bitrateChange requires qoeDataDetails (OpenAPI document, bitrateChange).
  if (qoe !== undefined || eventType === 'bitrateChange') out.qoeDataDetails = qoe ?? {};
  if (customMetadata !== undefined && WITH_METADATA.has(eventType)) {
    out.customMetadata = Object.entries(customMetadata).map(
      ([name, value]): CustomMetadataItem => ({ name, value }),
    );
  }
  return out;
}

function qoeDetails(qoeData: QoeData | undefined): QoeDataDetails | undefined {
  if (qoeData === undefined) return undefined;
  const qoe: QoeDataDetails = toEdgeFields(qoeData as Record<string, unknown>, QOE_FIELDS);
  if (qoe.bitrate !== undefined) qoe.bitrate = bitrateToEdge(qoeData['media.qoe.bitrate'] ?? 0);
  if (qoe.timeToStart !== undefined)
    qoe.timeToStart = timeToStartToEdge(qoeData['media.qoe.timeToStart'] ?? 0);
  return Object.keys(qoe).length > 0 ? qoe : undefined;
}

export interface EventContext {
  /** The Edge session id; required for every event but sessionStart. */
  sessionId?: string;
  /** Sent on sessionStart only. */
  identityMap?: IdentityMap;
}

/** The whole `xdm` of one request: event type, ISO timestamp from `ts`, and `mediaCollection`. */
export function renderEdgeEvent(event: McEvent, context: EventContext = {}): EdgeEvent {
  const type = edgeEventType(event.eventType);
  const timestamp = isoTimestamp(event.playerTime.ts);
  const media = renderMediaCollection(event);
  if (type === 'sessionStart') {
    const identity = context.identityMap === undefined ? {} : { identityMap: context.identityMap };
    return { eventType: 'media.sessionStart', timestamp, mediaCollection: media, ...identity } as EdgeEvent;
  }
  if (!context.sessionId) {
    throw new TypeError(`A Media Edge ${type} needs the session id that sessionStart returned.`);
  }
  const mediaCollection = { sessionID: context.sessionId, ...media };
  return { eventType: `media.${type}`, timestamp, mediaCollection } as EdgeEvent;
}
