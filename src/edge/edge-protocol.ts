// The Media Edge API as a delivery protocol (docs/delivery.md#the-protocol-seam): the queued Media
// Collection events rendered as Edge requests at send time, and the Edge's answers read. Loaded with
// `import()` only when a tracker has `api: 'edge'`, so a Media Collection page never downloads it.
import type { Protocol, ProtocolRequest } from '../delivery/protocol.ts';
import type { Transport } from '../delivery/transport.ts';
import { describeProblem, readEdgeAnswer } from './answer.ts';
import { identityFromParams, renderDownloadedRequest, renderEdgeRequest } from './request.ts';
import { createEdgeTransport, parseJson } from './transport.ts';
import type { EdgeRequest } from './types.ts';

const json = ({ path, body }: EdgeRequest<unknown>): ProtocolRequest => ({
  path,
  body: JSON.stringify(body),
});

export interface EdgeProtocolDeps {
  datastreamId: string;
  /** The page's fetch (a test's stand-in), for the Edge's own transport. */
  fetch?: typeof globalThis.fetch;
  /** Instead of the fetch transport (specs). */
  transport?: Transport;
}

export function edgeProtocol({ datastreamId, fetch, transport }: EdgeProtocolDeps): Protocol {
  return {
    api: 'edge',
    transport: transport ?? createEdgeTransport(fetch ? { fetch } : {}),
    start(event) {
      const identityMap = identityFromParams(event);
      return json(renderEdgeRequest(event, { datastreamId, ...(identityMap ? { identityMap } : {}) }));
    },
    event: (meta, event) =>
      json(
        renderEdgeRequest(event, {
          datastreamId,
          sessionId: meta.sid as string,
          // docs/edge.md#location-hints: every later call of the session goes to the hint it started with.
          ...(meta.hint ? { locationHint: meta.hint } : {}),
        }),
      ),
    downloaded(batch) {
      // The OpenAPI document requires an identityMap on /downloaded: the ECID the session started with.
      const identityMap = identityFromParams(batch[0]);
      if (identityMap === undefined) {
        return {
          message:
            'The Edge takes a gone session as /downloaded only with the visitor ECID (visitor.marketingCloudUserId), and this session has none.',
        };
      }
      return json(renderDownloadedRequest(batch, { datastreamId, identityMap }));
    },
    started(answer) {
      const { sessionId, locationHint, errors } = readEdgeAnswer(parseJson(answer.body));
      // docs/edge.md#troubleshooting-207-and-400: a 207 with a session id keeps the session.
      if (sessionId)
        return { sid: sessionId, api: 'edge', ...(locationHint ? { hint: locationHint.hint } : {}) };
      const why = errors.map(describeProblem).join('; ');
      return {
        message: `The Edge answered HTTP ${answer.status} without a media session id: ${
          why || 'is Media Analytics enabled on the datastream?'
        }`,
      };
    },
  };
}
