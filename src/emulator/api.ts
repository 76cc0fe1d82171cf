// The three MC API routes, given a parsed JSON body: validate, record, and answer as Adobe does
// (docs/emulator.md#what-it-answers). Returns the reply; writing it is the handler's job.
import type { McEvent } from '../mc/types.ts';
import type { EmulatorConfig } from './config.ts';
import { errorReply, type Reply } from './http-io.ts';
import { close, expireIfIdle, recordEvent } from './session-record.ts';
import type { Store } from './store.ts';
import { batchProblems, eventProblems } from './validate.ts';

export interface ApiDeps {
  store: Store;
  now: () => number;
  config: () => EmulatorConfig;
}

export function createApi({ store, now, config }: ApiDeps) {
  const invalid = (path: string, body: unknown, problems: string[], sid?: string): Reply =>
    errorReply(400, store.rejected({ path, body, problems, ...(sid === undefined ? {} : { sid }) }).message);

  return {
    /** POST /api/v1/sessions: 201, empty octet-stream body, relative Location (docs/adobe-api.md). */
    sessions(path: string, body: unknown): Reply {
      const problems = eventProblems(body, 'sessionStart');
      if (problems.length > 0) return invalid(path, body, problems);
      const start = body as McEvent;
      const session = store.open(start, false);
      recordEvent(session, start, { status: 201, receivedAt: now(), arrival: store.arrival() }, config());
      return {
        status: 201,
        headers: {
          'Content-Type': 'application/octet-stream',
          'Content-Length': '0',
          Location: `/api/v1/sessions/${session.sid}`,
        },
      };
    },

    /** POST /api/v1/sessions/{sid}/events: 204, or 400/404/410 with {message} (docs/adobe-api.md). */
    events(path: string, sid: string, body: unknown): Reply {
      const session = store.get(sid);
      if (!session) {
        store.notFound({ path, sid, body });
        return errorReply(404, `Session ${sid} was not found; start a new one with POST /api/v1/sessions.`);
      }
      expireIfIdle(session, now(), config());
      const problems = eventProblems(body, 'sessionEvent');
      if (problems.length > 0) return invalid(path, body, problems, sid);
      const event = body as McEvent;
      if (session.closed !== 'open') {
        const message = `${session.closedBecause} Start a new session with POST /api/v1/sessions.`;
        recordEvent(
          session,
          event,
          { status: 410, receivedAt: now(), arrival: store.arrival(), message },
          config(),
        );
        return errorReply(410, message);
      }
      recordEvent(session, event, { status: 204, receivedAt: now(), arrival: store.arrival() }, config());
      return { status: 204 };
    },

    /**
     * POST /api/v1/downloaded: one whole session as a JSON array, all or nothing
     * (docs/adobe-api.md#downloaded-content). Adobe documents no Location here, so none is sent; the recorded
     * session is closed ('ended') at once.
     */
    downloaded(path: string, body: unknown): Reply {
      const problems = batchProblems(body);
      if (problems.length > 0) return invalid(path, body, problems);
      const events = body as McEvent[];
      const session = store.open(events[0], true);
      const receivedAt = now();
      for (const event of events) {
        recordEvent(session, event, { status: 201, receivedAt, arrival: store.arrival() }, config());
      }
      close(session, 'ended', `Session ${session.sid} was a downloaded batch and is closed.`);
      return { status: 201, headers: { 'Content-Length': '0' } };
    },
  };
}
