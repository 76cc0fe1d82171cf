// The site's sessionStart params, resolved outside the core: the core gets them as data and keeps what
// its ads need in the session's state, so no site code runs inside it (and never mid-ad).
import type { ErrorDetail } from './error-codes';
import type { McParams } from './mc/types';
import { type ResolvedOptions, sessionParamsProblems } from './options';

/** What a session starts with when the site's function gave nothing usable. */
const FALLBACK: McParams = { 'media.playerName': 'video.js' };

/**
 * The params for a new session of `src`. Runs the site's `params` (a function is called here, once per
 * call; `resolveOptions` has already merged its answer over the defaults). A function that throws is
 * reported and the session goes on with the defaults, so the collector's answer says what it misses
 * (docs/delivery.md#answers); params the collector would refuse are reported and sent as they are.
 */
export function createSessionParams(
  params: ResolvedOptions['params'],
  report: (detail: ErrorDetail) => void,
  edge = false,
): (src: string) => McParams {
  return (src) => {
    let resolved: McParams;
    try {
      resolved = params(src);
    } catch (error) {
      report({ code: 'MC_PARAMS_FAILED', error });
      return FALLBACK;
    }
    const problems = sessionParamsProblems(resolved, edge);
    if (problems.length > 0) report({ code: 'MC_INVALID_PARAMS', problems });
    return resolved;
  };
}
