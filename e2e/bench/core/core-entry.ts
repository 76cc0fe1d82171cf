// What the Node throughput bench drives, bundled by core/build.mjs (Node 20 cannot import .ts).
// Only the core's public shape is used: reduce(config, state, signal, snapshot, now) and tracking().

export { asyncScheduler, Subject } from 'rxjs';
export { CORE_DEFAULTS } from '../../../src/core/config';
export { reduce } from '../../../src/core/reducer';
export { initialState } from '../../../src/core/state';
export { tracking } from '../../../src/streams/tracking';
