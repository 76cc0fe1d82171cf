// createEmulator: the composition root. One store, one fault list and one config, shared by the
// request handler and the programmatic API (tests, the Vite plugin, the standalone server).

import { createApi } from './api.ts';
import { configProblems, type EmulatorConfig, type EmulatorOptions, initialConfig } from './config.ts';
import { createControl } from './control.ts';
import { createEdgeApi } from './edge-api.ts';
import { EDGE_ORG_ID } from './edge-replies.ts';
import { createFaults, type Fault, type FaultSpec, faultProblems } from './faults.ts';
import { createHandler, type Handle } from './handler.ts';
import type { RecordedSession } from './session-record.ts';
import { close } from './session-record.ts';
import { createStore, type EmulatorReport } from './store.ts';

export interface Emulator {
  /** Answers routes under /api/v1/, /ee/ and /__emulator/; resolves false (untouched) for any other route. */
  handle: Handle;
  /** Forgets sessions, records and faults; config returns to the creation options. */
  reset(): void;
  report(): EmulatorReport;
  sessions(): RecordedSession[];
  /** The current config (a copy). */
  readonly config: EmulatorConfig;
  configure(patch: Partial<EmulatorConfig>): EmulatorConfig;
  addFault(spec: FaultSpec): Fault;
  clearFaults(): void;
  /** Expires one session, or every open one; returns the sids expired (undefined for an unknown sid). */
  expire(sid?: string): string[] | undefined;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const { now = Date.now, edgeOrgId = EDGE_ORG_ID, ...settings } = options;
  assertValid(configProblems(settings));
  let config = initialConfig(settings);
  const store = createStore({ now });
  const faults = createFaults({ now });

  const configure = (patch: Partial<EmulatorConfig>): EmulatorConfig => {
    assertValid(configProblems(patch));
    config = { ...config, ...patch };
    return { ...config };
  };
  const expire = (sid?: string): string[] | undefined => {
    const targets = sid === undefined ? store.all().filter((s) => s.closed === 'open') : [store.get(sid)];
    if (targets.some((session) => session === undefined)) return undefined;
    return targets.map((session) => {
      if (session!.closed !== 'ended') {
        close(session!, 'expired', `Session ${session!.sid} expired (forced by /__emulator/expire).`);
      }
      return session!.sid;
    });
  };
  const reset = (): void => {
    store.clear();
    faults.clear();
    config = initialConfig(settings);
  };
  const sessions = () => store.sessions(config);
  const report = () => store.report(config);

  const api = createApi({ store, now, config: () => config });
  const edge = createEdgeApi({ store, now, config: () => config, orgId: edgeOrgId });
  const control = createControl({
    sessions,
    report,
    faults,
    config: () => ({ ...config }),
    configure,
    expire,
    reset,
    produced: (log) => store.produced(log),
    audit: () => store.audit(config),
  });

  return {
    handle: createHandler({ api, edge, control, faults, store }),
    reset,
    report,
    sessions,
    get config() {
      return { ...config };
    },
    configure,
    addFault(spec) {
      assertValid(faultProblems(spec));
      return faults.add(spec);
    },
    clearFaults: faults.clear,
    expire,
  };
}

function assertValid(problems: string[]): void {
  if (problems.length > 0) throw new TypeError(problems.join(' '));
}
