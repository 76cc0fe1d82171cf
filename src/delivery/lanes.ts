import type { SchedulerLike, Subscription } from 'rxjs';
import type { DeliveryContext, LaneIo } from './context';
import { messageOf } from './exchange';
import { createLaneState, type LaneAction, type LaneInput, type LaneState, transition } from './lane';
import { step } from './step';

export interface Lanes {
  laneOf(session: string): LaneIo;
  /** Feeds one input to a session's lane (created on first use). */
  apply(session: string, input: LaneInput): void;
  /** Feeds `input` to every session the queue holds now. */
  applyAll(input: LaneInput): Promise<void>;
  /** Every lane's state, for the delivery state a tracker shows. */
  states(): LaneState[];
  /** Cancels every wait; no loop starts again. */
  dispose(): void;
}

export interface LanesDeps {
  ctx: DeliveryContext;
  scheduler: SchedulerLike;
  /** Called after every transition (the delivery state may have changed). */
  changed?: (input: LaneInput) => void;
}

/**
 * Holds every session's lane state (docs/delivery.md#the-lane) and performs what its transitions ask
 * for: the one place lane state changes. One drain loop per local session is what keeps its
 * requests one in flight and in order.
 */
export function createLanes({ ctx, scheduler, changed }: LanesDeps): Lanes {
  const states = new Map<string, LaneState>();
  const timers = new Map<string, Subscription>();
  let disposed = false;

  const stateOf = (session: string): LaneState => states.get(session) ?? createLaneState(session);

  const cancelWait = (session: string) => {
    timers.get(session)?.unsubscribe();
    timers.delete(session);
  };

  /** Performs the actions in order; those touching the queue are awaited before the next one. */
  const perform = (session: string, actions: readonly LaneAction[]): Promise<void> => {
    for (const [index, action] of actions.entries()) {
      switch (action.type) {
        case 'step':
          if (!disposed) void loop(session);
          break;
        case 'wait':
          cancelWait(session);
          if (!disposed) {
            timers.set(
              session,
              scheduler.schedule(() => {
                timers.delete(session);
                apply(session, { type: 'timerFired' });
              }, action.ms),
            );
          }
          break;
        case 'cancelWait':
          cancelWait(session);
          break;
        case 'report':
          ctx.report(action.report);
          break;
        case 'unmark':
          return ctx.queue
            .setShipped(action.ids, false)
            .then(() => perform(session, actions.slice(index + 1)));
        case 'markGone':
          return ctx.queue
            .updateSession(session, { closed: 'gone' })
            .then(() => perform(session, actions.slice(index + 1)));
      }
    }
    return Promise.resolve();
  };

  const apply = (session: string, input: LaneInput): Promise<void> => {
    const { state, actions } = transition(stateOf(session), input);
    states.set(session, state);
    changed?.(input);
    return perform(session, actions);
  };

  const laneOf = (session: string): LaneIo => ({
    get state() {
      return stateOf(session);
    },
    apply: (input) => apply(session, input),
  });

  const loop = async (session: string): Promise<void> => {
    let input: LaneInput;
    try {
      const result = await step(ctx, session, laneOf(session));
      if (typeof result === 'string') input = { type: 'stepped', outcome: result };
      else {
        const { head, cause } = result.retry;
        input = { type: 'retry', event: head.event, cause, at: ctx.now(), jitter: ctx.random() };
      }
    } catch (error) {
      // The queue (storage) failed: nothing left it, so the same step is tried again later.
      input = { type: 'failed', message: messageOf(error), jitter: ctx.random() };
    }
    if (disposed && input.type !== 'failed') return;
    await apply(session, input);
  };

  return {
    laneOf,
    apply: (session, input) => void apply(session, input),
    async applyAll(input) {
      for (const { session } of await ctx.queue.sessions()) void apply(session, input);
    },
    states: () => [...states.values()],
    dispose() {
      disposed = true;
      for (const timer of timers.values()) timer.unsubscribe();
      timers.clear();
    },
  };
}
