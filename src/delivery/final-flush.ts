import { eventsPath } from '../mc/types';
import type { DeliveryContext, Lane } from './context';
import { exchange, messageOf } from './exchange';
import { byteLength } from './keepalive-budget';
import { settleEvent } from './settle';

/**
 * Last chance on final page hide (reliability §4.1–§4.2): for each live session with a sid, send its
 * queued events now, in order, all at once with keepalive, as far as the 64 KiB budget allows.
 * Answers are applied if the page is still there to get them; whatever is unsent or unanswered
 * stays queued (write-ahead) for the next page. Sessions without a sid, gone or rejected, wait too.
 * The request the drain loop already has in flight is not sent twice; that session's loop pauses
 * until every final request has answered, then resumes (`resume`) with whatever is left.
 */
export async function sendFinal(
  ctx: DeliveryContext,
  laneOf: (session: string) => Lane,
  resume: (session: string) => void,
): Promise<void> {
  for (const meta of await ctx.queue.sessions()) {
    const { session, sid } = meta;
    if (sid === undefined || meta.closed !== undefined) continue;
    const lane = laneOf(session);
    const queued = await ctx.queue.pending(session);
    lane.wait?.unsubscribe(); // no backoff now: there is no later on this page
    lane.wait = undefined;
    for (const item of queued) {
      if (lane.current.includes(item.id) || lane.finals.has(item.id)) continue;
      const body = JSON.stringify(item.event);
      const bytes = byteLength(body);
      if (!ctx.budget.reserve(bytes)) break; // in order: nothing jumps over an event left behind
      lane.finals.add(item.id);
      const request = { url: ctx.endpoint + eventsPath(sid), body, keepalive: true };
      void exchange(ctx.transport, request, ctx.now)
        .then((answer) =>
          answer.verdict === 'retry' ? undefined : settleEvent(ctx, lane, sid, item, answer),
        )
        .catch((error: unknown) => ctx.report({ type: 'queueError', session, message: messageOf(error) }))
        .finally(() => {
          ctx.budget.release(bytes);
          lane.finals.delete(item.id);
          if (lane.finals.size === 0) resume(session);
        });
    }
    if (lane.finals.size === 0) resume(session);
  }
}
