// The Media Edge routes, given a parsed JSON body: validate, record (in the Media Collection form, so
// the same rules run), and answer as the Edge does. docs/edge.md#the-emulators-edge-mode describes the behaviour.
import type { EdgeEventType } from '../edge/types.ts';
import type { McEvent } from '../mc/types.ts';
import type { ApiDeps } from './api.ts';
import type { EdgeIssue } from './edge-check.ts';
import { neutralEvents } from './edge-neutral.ts';
import { handleBody, invalidReply, type Problem, problemReply, startError } from './edge-replies.ts';
import { downloadedIssues, envelopeIssues, eventIssues } from './edge-validate.ts';
import type { Reply } from './http-io.ts';
import { close, expireIfIdle, recordEvent, type SessionRecord } from './session-record.ts';

type Json = Record<string, unknown>;
const lines = (issues: EdgeIssue[]) => issues.map(({ name, reason }) => `${name}: ${reason}`);
const eventsOf = (body: unknown) => (body as { events: { xdm: Json }[] }).events;

export interface EdgeApiDeps extends ApiDeps {
  orgId: string;
}

export function createEdgeApi({ store, now, config, orgId }: EdgeApiDeps) {
  /** Records a 400 and answers it; `problems` is the field list, or the Edge's one-sentence form. */
  const refuse = (path: string, body: unknown, problems: EdgeIssue[] | string, sid?: unknown): Reply => {
    const text = typeof problems === 'string' ? [problems] : lines(problems);
    store.rejected({ path, body, problems: text, ...(typeof sid === 'string' ? { sid } : {}) });
    return invalidReply(problems);
  };
  const record = (
    session: SessionRecord,
    received: unknown,
    event: McEvent,
    status: number,
    message?: string,
  ) =>
    recordEvent(
      session,
      event,
      {
        status,
        receivedAt: now(),
        arrival: store.arrival(),
        edge: received,
        ...(message ? { message } : {}),
      },
      config(),
    );
  /** Opens a session from a validated sessionStart's timestamp and mediaCollection. */
  const open = (
    timestamp: unknown,
    media: unknown,
    received: unknown,
    downloaded: boolean,
    status: number,
  ) => {
    const [start] = neutralEvents('sessionStart', timestamp as string, media);
    const session = store.open(start, downloaded, 'edge');
    record(session, received, start, status);
    return session;
  };

  return {
    orgId,
    /**
     * sessionStart, on /va/v1/sessionStart (one event) or /v1/interact (any number; only media.sessionStart
     * events open sessions). "Most problems with Session start requests result in a 207" (Adobe's
     * troubleshooting guide): errors[] and no session; a broken envelope is a 400. `upstream` is an
     * injected 207 that still opens the session, as when one upstream service failed.
     */
    sessionStart(path: string, body: unknown, via: 'va' | 'interact', upstream?: Problem): Reply {
      const envelope = envelopeIssues(body, via === 'va');
      if (envelope.length > 0) return refuse(path, body, envelope);
      const opened: { sid: string; eventIndex: number }[] = [];
      const errors: Problem[] = [];
      eventsOf(body).forEach((event, eventIndex) => {
        if (via === 'interact' && event.xdm.eventType !== 'media.sessionStart') return;
        const check = eventIssues(event, 'sessionStart', '$');
        const issues = check.mismatch ? [{ name: '$.xdm.eventType', reason: check.mismatch }] : check.issues;
        if (issues.length > 0) {
          store.rejected({ path, body, problems: lines(issues) }, 207);
          errors.push(startError(eventIndex, issues));
          return;
        }
        const { timestamp, mediaCollection } = event.xdm;
        const session = open(timestamp, mediaCollection, event.xdm, false, upstream ? 207 : 200);
        opened.push({ sid: session.sid, eventIndex });
      });
      if (upstream && opened.length > 0) errors.push(upstream);
      return { status: errors.length > 0 ? 207 : 200, body: handleBody(opened, orgId, errors) };
    },

    /** Every other event: 204, or a 400/404/410 problem (OpenAPI document; 410 from Adobe's troubleshooting guide). */
    event(path: string, endpoint: EdgeEventType, body: unknown): Reply {
      const envelope = envelopeIssues(body, true);
      if (envelope.length > 0) return refuse(path, body, envelope);
      const { xdm } = eventsOf(body)[0];
      const media = (xdm.mediaCollection ?? {}) as Json;
      const check = eventIssues({ xdm }, endpoint, '$.events[0]');
      if (check.mismatch) return refuse(path, body, check.mismatch, media.sessionID);
      if (check.issues.length > 0) return refuse(path, body, check.issues, media.sessionID);
      const sid = media.sessionID as string;
      const session = store.get(sid);
      if (session?.api !== 'edge') {
        store.notFound({ path, sid, body });
        return problemReply(
          404,
          'Not Found',
          NOT_FOUND,
          `Session ${sid} is unknown; start a new one with sessionStart.`,
        );
      }
      expireIfIdle(session, now(), config());
      const gone = session.closed !== 'open';
      const message = gone ? `${session.closedBecause} Start a new session with sessionStart.` : undefined;
      for (const neutral of neutralEvents(endpoint, xdm.timestamp as string, media)) {
        record(session, xdm, neutral, gone ? 410 : 204, message);
      }
      return gone ? problemReply(410, 'Gone', GONE, message) : { status: 204 };
    },

    /** downloaded: one whole session, all or nothing; 200 with a new session id, closed at once. */
    downloaded(path: string, body: unknown): Reply {
      const issues = downloadedIssues(body);
      if (issues.length > 0) return refuse(path, body, issues);
      const [first, ...rest] = eventsOf(body)[0].xdm.mediaDownloadedEvents as Json[];
      const session = open(first.mediaEventTimestamp, first.mediaCollection, first, true, 200);
      for (const item of rest) {
        const type = String(item.mediaEventType).slice('media.'.length) as EdgeEventType;
        for (const neutral of neutralEvents(type, item.mediaEventTimestamp as string, item.mediaCollection)) {
          record(session, item, neutral, 200);
        }
      }
      close(session, 'ended', `Session ${session.sid} was a downloaded session and is closed.`);
      return { status: 200, body: handleBody([{ sid: session.sid, eventIndex: 0 }], orgId) };
    },
  };
}

const NOT_FOUND = 'The requested resource could not be found but may be available again in the future.';
const GONE = 'The session intended for tracking is no longer being computed on the server side.';
