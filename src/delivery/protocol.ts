// The seam between delivery and the API it speaks (docs/delivery.md#the-protocol-seam). The lane, the
// queue and the drain loop are the same for every API; what differs is the request a queued event
// becomes, how a session-start answer yields the session id, and the downloaded form. The queue keeps
// transport-neutral Media Collection events: they are rendered here, at send time, so whatever a page
// left queued is sent in the form of the API the next page uses.
import { parseSessionId } from '../mc/location';
import { DOWNLOADED_PATH, eventsPath, type McEvent, SESSIONS_PATH } from '../mc/types';
import type { Answer } from './exchange';
import type { SessionMeta } from './queue';
import type { Transport } from './transport';

/** One request as the protocol renders it; `path` is relative to the endpoint. */
export interface ProtocolRequest {
  path: string;
  body: string;
}

/**
 * What a session-start answer gave: the session's stored meta (its sid, and for the Edge its API and
 * location hint), or why there is none.
 */
export type Started = { sid: string; api?: 'edge'; hint?: string } | { message: string };

export interface Protocol {
  /** Stored with a sid: a sid of one API means nothing to the other. Absent on the Media Collection API. */
  readonly api?: 'edge';
  /** The API's own transport, when it goes on the wire differently (the Edge's: docs/edge.md#on-the-wire). */
  readonly transport?: Transport;
  start(event: McEvent): ProtocolRequest;
  /** An event of a session that has a sid (`meta.sid`). */
  event(meta: SessionMeta, event: McEvent): ProtocolRequest;
  /** A gone session's batch (docs/delivery.md#gone-sessions), or why it cannot be sent. */
  downloaded(batch: readonly McEvent[]): ProtocolRequest | { message: string };
  /** Reads a 2xx session-start answer. */
  started(answer: Answer, endpoint: string): Started;
}

/** The Media Collection API (docs/adobe-api.md): the sid in the 201's Location header. */
export const mcProtocol: Protocol = {
  start: (event) => ({ path: SESSIONS_PATH, body: JSON.stringify(event) }),
  event: (meta, event) => ({ path: eventsPath(meta.sid!), body: JSON.stringify(event) }),
  downloaded: (batch) => ({ path: DOWNLOADED_PATH, body: JSON.stringify(batch) }),
  started(answer, endpoint) {
    const sid = parseSessionId(answer.location, endpoint);
    // docs/adobe-api.md#cors: a 201 we cannot read the sid from leaves its events nowhere to go.
    return sid === undefined
      ? {
          message:
            'The collector created a session but its Location header could not be read; expose it with Access-Control-Expose-Headers: Location.',
        }
      : { sid };
  },
};
