// Ping-grid analysis of one recorded session (pure, Node side): the grid is anchored at the
// sessionStart ts and steps by the ping interval (docs/mapping.md#pings).
import type { EmulatedSession } from '../../support/collector';

export interface GridReport {
  pings: number;
  /** Grid slots between the first and the last ping with no ping on them. */
  missing: number;
  /** |ts − grid slot| per ping, ms (the 1 ms ordering rule may add a millisecond). */
  tsErrors: number[];
  /** Arrival at the collector − ts, per ping, ms: timer lateness plus delivery. */
  arrivalLags: number[];
  /** Events whose ts is not above the previous one's, in arrival order. */
  outOfOrder: number;
}

export function gridReport(session: EmulatedSession, intervalMs: number): GridReport {
  const events = session.events;
  const start = events.find((e) => e.event.eventType === 'sessionStart');
  if (!start) throw new Error(`session ${session.sid} has no sessionStart`);
  const t0 = start.event.playerTime.ts;
  const pings = events.filter((e) => e.event.eventType === 'ping');
  const slots = pings.map((p) => Math.round((p.event.playerTime.ts - t0) / intervalMs));
  const lastSlot = slots.length > 0 ? Math.max(...slots) : 0;
  let outOfOrder = 0;
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.event.playerTime.ts <= events[i - 1]!.event.playerTime.ts) outOfOrder += 1;
  }
  return {
    pings: pings.length,
    missing: lastSlot - new Set(slots).size,
    tsErrors: pings.map((p, i) => Math.abs(p.event.playerTime.ts - (t0 + slots[i]! * intervalMs))),
    arrivalLags: pings.map((p) => p.receivedAt - p.event.playerTime.ts),
    outOfOrder,
  };
}
