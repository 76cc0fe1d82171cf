// videojs-media-collection/emulator: a stand-in for Adobe's Media Collection API collector
// (docs/emulator.md) and for the Media Edge API routes (docs/edge.md#the-emulators-edge-mode), for the
// demo and the tests. Node only.
//
// Recording contract (GET /__emulator/sessions, /__emulator/report):
// - A session's `events` holds every well-formed event that reached it, in arrival order, with the
//   status answered: 201 (its sessionStart, or a downloaded batch), 204 accepted, 410 refused because
//   the session was ended or expired. Sequence `findings` index into `events`.
// - Events for a known session answered 400 go to that session's `rejected` list (never `events`),
//   and every 400 of any API route is also in the report's `validationErrors` with all its problems.
// - 404s (unknown sid) are in the report's `notFound`; injected faults in its `faulted`.

export type { AuditReport, DuplicateRecord, ProducedLog } from './audit.ts';
export { DEFAULT_CONFIG, type EmulatorConfig, type EmulatorOptions } from './config.ts';
export type { EdgeIssue } from './edge-check.ts';
export { EDGE_ECID, EDGE_LOCATION_HINT, EDGE_ORG_ID } from './edge-replies.ts';
export { createEmulator, type Emulator } from './emulator.ts';
export type { ApiRoute, Fault, FaultMatch, FaultSpec } from './faults.ts';
export { sequenceFindings } from './sequence.ts';
export { type Finding, SEQUENCE_RULES, type SequenceRule } from './sequence-types.ts';
export { type EmulatorServer, type EmulatorServerOptions, startEmulatorServer } from './server.ts';
export type { RecordedEvent, RecordedSession, SessionApi, SessionClosed } from './session-record.ts';
export type {
  EdgeRequestRecord,
  EmulatorReport,
  FaultedRecord,
  NotFoundRecord,
  ValidationErrorRecord,
} from './store.ts';
export { batchProblems, eventProblems } from './validate.ts';
export {
  type EmulatorPluginOptions,
  type EmulatorVitePlugin,
  type HostServer,
  mediaCollectionEmulator,
} from './vite-plugin.ts';
