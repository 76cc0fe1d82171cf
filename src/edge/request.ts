// Whole Media Edge requests: the path (with location hint and datastream id) and the JSON body. Pure.
import type { McEvent } from '../mc/types.ts';
import { type EventContext, edgeEventType, renderEdgeEvent, renderMediaCollection } from './render-event.ts';
import type {
  DownloadedEvent,
  DownloadedMediaEvent,
  EdgeEventType,
  EdgeRequest,
  IdentityMap,
  XdmEventType,
} from './types.ts';
import { isoTimestamp } from './units.ts';

/** Adobe's Edge Network host; a first-party CNAME of it works the same way. */
export const EDGE_DOMAIN = 'edge.adobedc.net';

export interface EdgeTarget {
  /** The datastream id, sent as `configId` on every request (docs/edge.md#the-request). */
  datastreamId: string;
  /** The EdgeNetwork location hint from the sessionStart answer, for every later call of that session. */
  locationHint?: string;
}

/**
 * `/ee[/{hint}]/va/v1/{event}?configId=…`. The OpenAPI document declares `configId` only on sessionStart
 * and downloaded, but every endpoint page puts it on every call, and so does Adobe's Web SDK; we follow them.
 * The hint goes after `ee`, as for every Edge Network route
 * (https://developer.adobe.com/data-collection-apis/docs/getting-started/location-hints).
 */
export function edgePath(event: EdgeEventType | 'downloaded', target: EdgeTarget): string {
  const hint = target.locationHint ? `/${encodeURIComponent(target.locationHint)}` : '';
  return `/ee${hint}/va/v1/${event}?configId=${encodeURIComponent(target.datastreamId)}`;
}

/** One event as one request: the Media Edge API takes one event per call. */
export function renderEdgeRequest(event: McEvent, target: EdgeTarget & EventContext): EdgeRequest {
  const xdm = renderEdgeEvent(event, target);
  return { path: edgePath(edgeEventType(event.eventType), target), body: { events: [{ xdm }] } };
}

/**
 * The identity a sessionStart or a downloaded session can carry when no Edge cookie speaks for the
 * visitor: the ECID the site gave as `visitor.marketingCloudUserId`. Undefined when there is none.
 */
export function identityFromParams(start: McEvent | undefined): IdentityMap | undefined {
  const ecid = start?.params?.['visitor.marketingCloudUserId'];
  if (typeof ecid !== 'string' || ecid === '') return undefined;
  return { ECID: [{ id: ecid, authenticatedState: 'ambiguous', primary: true }] };
}

/**
 * `POST /ee/va/v1/downloaded`: one whole session, sessionStart first, no session id (Adobe assigns one);
 * each event keeps its own timestamp in `mediaEventTimestamp`
 * (https://developer.adobe.com/data-collection-apis/docs/endpoints/media/downloaded). The OpenAPI
 * document requires `identityMap` on it.
 */
export function renderDownloadedRequest(
  events: readonly McEvent[],
  target: EdgeTarget & { identityMap: IdentityMap },
): EdgeRequest<DownloadedEvent> {
  const mediaDownloadedEvents = events.map(
    (event): DownloadedMediaEvent => ({
      mediaEventType: `media.${edgeEventType(event.eventType)}` as XdmEventType,
      mediaEventTimestamp: isoTimestamp(event.playerTime.ts),
      mediaCollection: renderMediaCollection(event),
    }),
  );
  const xdm: DownloadedEvent = {
    eventType: 'media.downloaded',
    identityMap: target.identityMap,
    mediaDownloadedEvents,
  };
  return { path: edgePath('downloaded', target), body: { events: [{ xdm }] } };
}
