// A validated Media Edge event, translated back into the Media Collection form, so the same sequence
// rules, audit and report run on Edge sessions. Pure. The reverse of src/edge/render-event.ts.
import {
  AD_FIELDS,
  CHAPTER_FIELDS,
  type FieldMap,
  POD_FIELDS,
  QOE_FIELDS,
  SESSION_DETAILS_FIELDS,
} from '../edge/fields.ts';
import type { EdgeEventType } from '../edge/types.ts';
import {
  bitrateFromEdge,
  fromEdgeFields,
  podPositionFromEdge,
  stateFromEdge,
  timeToStartFromEdge,
} from '../edge/units.ts';
import { isPlainObject } from '../mc/json-types.ts';
import type { CustomMetadata, McEvent, McParams, QoeData } from '../mc/types.ts';

type Json = Record<string, unknown>;
const object = (value: unknown): Json => (isPlainObject(value) ? value : {});
const names = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((item) => stateFromEdge(String(object(item).name ?? ''))) : [];

function qoeFromEdge(media: Json): QoeData | undefined {
  const edge = object(media.qoeDataDetails);
  const qoe = fromEdgeFields(edge, QOE_FIELDS) as QoeData;
  if (typeof edge.bitrate === 'number') qoe['media.qoe.bitrate'] = bitrateFromEdge(edge.bitrate);
  if (typeof edge.timeToStart === 'number')
    qoe['media.qoe.timeToStart'] = timeToStartFromEdge(edge.timeToStart);
  if (isPlainObject(media.errorDetails)) {
    qoe['media.qoe.errorID'] = String(media.errorDetails.name);
    qoe['media.qoe.errorSource'] = media.errorDetails.source as 'player' | 'external';
  }
  return Object.keys(qoe).length > 0 ? qoe : undefined;
}

function metadataFromEdge(value: unknown): CustomMetadata | undefined {
  if (!Array.isArray(value)) return undefined;
  return Object.fromEntries(value.map((item) => [String(object(item).name), String(object(item).value)]));
}

const DETAILS: Partial<Record<EdgeEventType, [field: string, table: readonly FieldMap[]]>> = {
  sessionStart: ['sessionDetails', SESSION_DETAILS_FIELDS],
  adBreakStart: ['advertisingPodDetails', POD_FIELDS],
  adStart: ['advertisingDetails', AD_FIELDS],
  chapterStart: ['chapterDetails', CHAPTER_FIELDS],
};

/**
 * The Media Collection events one Edge event stands for: one, except a statesUpdate, which becomes a
 * stateStart per name started then a stateEnd per name ended, each 1 ms after the one before, so the
 * per-state rules and the 1 ms ts order apply to each (docs/edge.md#the-emulators-edge-mode).
 */
export function neutralEvents(type: EdgeEventType, timestamp: string, mediaCollection: unknown): McEvent[] {
  const media = object(mediaCollection);
  const ts = Date.parse(timestamp);
  const playhead = typeof media.playhead === 'number' ? media.playhead : 0;
  if (type === 'statesUpdate') {
    const changes = [
      ...names(media.statesStart).map((name) => ['stateStart', name] as const),
      ...names(media.statesEnd).map((name) => ['stateEnd', name] as const),
    ];
    return changes.map(([eventType, name], index) => ({
      eventType,
      playerTime: { playhead, ts: ts + index },
      params: { 'media.state.name': name },
    }));
  }
  const event: McEvent = { eventType: type, playerTime: { playhead, ts } };
  const details = DETAILS[type];
  if (details !== undefined) {
    const params = fromEdgeFields(object(media[details[0]]), details[1]) as McParams;
    const position = params['media.ad.podPosition'];
    if (typeof position === 'number') params['media.ad.podPosition'] = podPositionFromEdge(position);
    event.params = params;
  }
  const qoeData = qoeFromEdge(media);
  if (qoeData !== undefined) event.qoeData = qoeData;
  const customMetadata = metadataFromEdge(media.customMetadata);
  if (customMetadata !== undefined) event.customMetadata = customMetadata;
  return [event];
}
