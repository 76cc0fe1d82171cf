// Ping cadence (docs/adobe-api.md#pings, docs/mapping.md#pings): pings every mainPingIntervalMs in content
// and every adPingIntervalMs in an ad break, and never a silent gap longer than the current interval between
// sessionStart and sessionComplete/sessionEnd. Each gap is judged with the interval of the context it
// lies in (the break state between the two events), so a gap never mixes content and break.
import type { McEvent } from '../mc/types.ts';
import { type Cadence, type Issue, inBreak, type PingState, type SequenceState } from './sequence-types.ts';

export function checkPings(
  state: SequenceState,
  event: McEvent,
  cadence: Cadence,
): { pings: PingState; issues: Issue[] } {
  const { lastEventTs, lastPingTs } = state.pings;
  const { eventType } = event;
  const ts = event.playerTime.ts;
  const issues: Issue[] = [];

  if (!state.completed) {
    const breakOpen = inBreak(state);
    const interval = breakOpen ? cadence.adPingIntervalMs : cadence.mainPingIntervalMs;
    const limit = interval + cadence.pingToleranceMs;
    const where = breakOpen ? 'in an ad break' : 'in content';
    const rule = `the ${interval} ms ping interval + ${cadence.pingToleranceMs} ms tolerance`;
    // One finding per gap: a silent gap also covers the pings around it.
    if (lastEventTs !== undefined && ts - lastEventTs > limit) {
      issues.push({
        rule: 'ping-cadence',
        message: `Silent gap: no event for ${ts - lastEventTs} ms ${where} before this ${eventType}, longer than ${rule}.`,
      });
    } else if (eventType === 'ping' && lastPingTs !== undefined && ts - lastPingTs > limit) {
      issues.push({
        rule: 'ping-cadence',
        message: `${ts - lastPingTs} ms between consecutive pings ${where}, longer than ${rule}.`,
      });
    }
  }

  const boundary = eventType === 'adBreakStart' || eventType === 'adBreakComplete';
  return {
    pings: {
      lastEventTs: lastEventTs === undefined ? ts : Math.max(lastEventTs, ts),
      lastPingTs: boundary ? undefined : eventType === 'ping' ? ts : lastPingTs,
    },
    issues,
  };
}
