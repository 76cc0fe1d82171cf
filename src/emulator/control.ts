// The /__emulator/* control routes: read what was recorded, inject faults, expire sessions, change the
// config, reset. Lenient on purpose: any content type, and an empty body reads as {}.
import type { AuditReport, ProducedLog } from './audit.ts';
import { configProblems, type EmulatorConfig } from './config.ts';
import { type Fault, type FaultSpec, type Faults, faultProblems } from './faults.ts';
import { errorReply, type Reply } from './http-io.ts';
import type { ControlName } from './routes.ts';
import type { RecordedSession } from './session-record.ts';
import type { EmulatorReport } from './store.ts';

export interface ControlDeps {
  sessions: () => RecordedSession[];
  report: () => EmulatorReport;
  faults: Faults;
  config: () => EmulatorConfig;
  configure: (patch: Partial<EmulatorConfig>) => EmulatorConfig;
  /** Expires one session (unknown sid → undefined) or every open one. */
  expire: (sid?: string) => string[] | undefined;
  reset: () => void;
  /** Sets the log of what the pages produced (replacing the last one), for `audit`. */
  produced: (log: Partial<ProducedLog>) => void;
  audit: () => AuditReport;
}

export function createControl(deps: ControlDeps) {
  return (name: ControlName, method: string, body: unknown): Reply => {
    switch (name) {
      case 'sessions':
        return { status: 200, body: deps.sessions() };
      case 'report':
        return { status: 200, body: deps.report() };
      case 'faults':
        return faults(deps.faults, method, body);
      case 'expire':
        return expire(deps, body);
      case 'config': {
        if (method === 'GET') return { status: 200, body: deps.config() };
        const problems = configProblems(body);
        if (problems.length > 0) return errorReply(400, problems[0]);
        return { status: 200, body: deps.configure(body as Partial<EmulatorConfig>) };
      }
      case 'reset':
        deps.reset();
        return { status: 204 };
      case 'produced': {
        const log = body as Partial<ProducedLog> | null;
        const lists = [log?.produced, log?.dropped].filter((list) => list !== undefined);
        if (!lists.every(Array.isArray))
          return errorReply(400, 'produced and dropped must be arrays of { session, event }.');
        deps.produced(log as Partial<ProducedLog>);
        return { status: 204 };
      }
      case 'audit':
        return { status: 200, body: deps.audit() };
      default: {
        const unknownName: never = name;
        return errorReply(404, `No control route ${String(unknownName)}.`);
      }
    }
  };
}

function faults(store: Faults, method: string, body: unknown): Reply {
  if (method === 'GET') return { status: 200, body: store.list() };
  if (method === 'DELETE') {
    store.clear();
    return { status: 204 };
  }
  const problems = faultProblems(body);
  if (problems.length > 0) return errorReply(400, problems[0]);
  const fault: Fault = store.add(body as FaultSpec);
  return { status: 201, body: fault };
}

function expire(deps: ControlDeps, body: unknown): Reply {
  const sid = (body as { sid?: unknown } | null)?.sid;
  if (sid !== undefined && typeof sid !== 'string') return errorReply(400, 'Expire "sid" must be a string.');
  const expired = deps.expire(sid);
  if (!expired) return errorReply(404, `Session ${sid} was not found.`);
  return { status: 200, body: { expired } };
}
