import type { SchedulerLike } from 'rxjs';
import { backoffDelay } from './backoff';
import { createLane, type DeliveryContext, type Lane } from './context';
import { messageOf } from './exchange';
import { step } from './step';

export interface Lanes {
  laneOf(session: string): Lane;
  /** Starts the session's drain loop unless it runs, waits out a backoff, or awaits final requests. */
  drain(session: string): void;
  /** Drains every session in the queue; `cutWaits` first cancels backoff waits (retry now). */
  drainAll(cutWaits: boolean): Promise<void>;
  /** Cancels every wait; no loop starts again. */
  dispose(): void;
}

export interface LanesDeps {
  ctx: DeliveryContext;
  scheduler: SchedulerLike;
}

/** One drain loop per local session: that is what keeps its requests one in flight and in order. */
export function createLanes({ ctx, scheduler }: LanesDeps): Lanes {
  const lanes = new Map<string, Lane>();
  let disposed = false;

  const laneOf = (session: string): Lane => {
    const lane = lanes.get(session) ?? createLane();
    lanes.set(session, lane);
    return lane;
  };

  const wait = (session: string, lane: Lane, delayMs: number) => {
    lane.wait = scheduler.schedule(() => {
      lane.wait = undefined;
      void run(session);
    }, delayMs);
  };

  const run = async (session: string): Promise<void> => {
    const lane = laneOf(session);
    if (disposed || lane.wait !== undefined || lane.finals.size > 0) return;
    if (lane.busy) {
      lane.again = true;
      return;
    }
    lane.busy = true;
    try {
      for (;;) {
        lane.again = false;
        const result = await step(ctx, session, lane);
        const retryNow = lane.retryNow;
        lane.retryNow = false;
        if (disposed) return;
        if (result === 'idle' && !(lane.again && lane.finals.size === 0)) return;
        // Back online while that request was failing: try again at once, not after the backoff.
        if (typeof result === 'object' && !retryNow) return wait(session, lane, result.retryInMs);
      }
    } catch (error) {
      // The queue (storage) failed: nothing left it, so the same step is tried again later.
      ctx.report({ type: 'queueError', session, message: messageOf(error) });
      lane.attempt += 1;
      if (!disposed) wait(session, lane, backoffDelay({ attempt: lane.attempt, random: ctx.random }));
    } finally {
      lane.busy = false;
    }
  };

  return {
    laneOf,
    drain: (session) => void run(session),
    async drainAll(cutWaits) {
      for (const { session } of await ctx.queue.sessions()) {
        const lane = laneOf(session);
        if (cutWaits && lane.wait !== undefined) {
          lane.wait.unsubscribe();
          lane.wait = undefined;
        }
        if (cutWaits && lane.busy) lane.retryNow = true;
        void run(session);
      }
    },
    dispose() {
      disposed = true;
      for (const lane of lanes.values()) lane.wait?.unsubscribe();
    },
  };
}
