// The Media Edge API rendering, a separate entry: nothing here is imported by the Media Collection path,
// so a page that uses the Media Collection API never downloads it. Pure: no I/O, no timers.
// docs/edge.md describes the API as this project renders it.

export {
  describeProblem,
  type EdgeAnswer,
  type EdgeErrorDetail,
  type EdgeProblem,
  type LocationHint,
  readEdgeAnswer,
  readProblem,
} from './answer.ts';
export {
  AD_PING_INTERVAL_S,
  BITRATE_UNIT,
  FULLSCREEN_STATE,
  POD_POSITION_BASE,
  TIME_TO_START_UNIT,
} from './choices.ts';
export { type EventContext, edgeEventType, renderEdgeEvent, renderMediaCollection } from './render-event.ts';
export {
  EDGE_DOMAIN,
  type EdgeTarget,
  edgePath,
  identityFromParams,
  renderDownloadedRequest,
  renderEdgeRequest,
} from './request.ts';
export * from './types.ts';
