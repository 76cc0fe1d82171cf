import { backoffDelay } from './backoff';
import type { DeliveryContext, Lane } from './context';
import { type Answer, exchange } from './exchange';
import { byteLength } from './keepalive-budget';
import type { QueuedEvent } from './queue';

/** 'next': look at the queue again; 'idle': nothing to send now; otherwise wait, then look again. */
export type StepResult = 'next' | 'idle' | { retryInMs: number };

/** One request of a session's drain loop; `ids` are the queued items it carries. */
export async function post(ctx: DeliveryContext, lane: Lane, path: string, body: string, ids: number[]) {
  const bytes = byteLength(body);
  // docs/browsers.md#keepalive-and-sendbeacon: keepalive only within the shared 64 KiB; a larger body goes as
  // a normal request.
  const keepalive = ctx.keepaliveWanted() && ctx.budget.reserve(bytes);
  lane.current = ids;
  lane.currentKeepalive = keepalive;
  try {
    const answer = await exchange(ctx.transport, { url: ctx.endpoint + path, body, keepalive }, ctx.now);
    lane.heard = answer.status !== 0;
    await answered(ctx, lane, ids);
    return answer;
  } finally {
    lane.current = [];
    if (keepalive) ctx.budget.release(bytes);
  }
}

/** This page saw how these requests ended: whatever it marked shipped is known again (and unmarked). */
export async function answered(ctx: DeliveryContext, lane: Lane, ids: readonly number[]): Promise<void> {
  const seen = ids.filter((id) => lane.shipped.delete(id));
  if (seen.length > 0) await ctx.queue.setShipped(seen, false);
}

export function retry(ctx: DeliveryContext, lane: Lane, head: QueuedEvent, answer: Answer): StepResult {
  lane.attempt += 1;
  const { attempt } = lane;
  const delayMs = backoffDelay({ attempt, random: ctx.random, retryAfterMs: answer.retryAfterMs });
  const { reason, status, message } = answer;
  ctx.report({
    type: 'retrying',
    session: head.session,
    event: head.event,
    attempt,
    delayMs,
    reason,
    status,
    message,
  });
  return { retryInMs: delayMs };
}
