import type { DeliveryContext, LaneIo } from './context';
import type { Answer } from './exchange';
import type { QueuedEvent } from './queue';

/** Applies a non-retry answer to one event sent on the events path. */
export async function settleEvent(
  ctx: DeliveryContext,
  lane: LaneIo,
  sid: string,
  item: QueuedEvent,
  answer: Answer,
): Promise<void> {
  const { session, event } = item;
  const { status } = answer;
  switch (answer.verdict) {
    case 'sessionGone':
      // docs/delivery.md#gone-sessions: the item stays queued; the drain loop sends it with the rest to
      // /downloaded.
      return lane.apply({ type: 'gone', sid, status });
    case 'delivered':
      await ctx.queue.updateSession(session, { lastSentAt: ctx.now() });
      await ctx.remove([item.id]);
      ctx.report({ type: 'delivered', session, event, status });
      return forgetIfEnded(ctx, session, [item]);
    case 'invalid':
    case 'fatal':
      // docs/delivery.md#answers: 400 → drop that event, report it with the server's message, go on.
      await ctx.remove([item.id]);
      ctx.report({ type: 'dropped', session, event, status, message: answer.message });
      return forgetIfEnded(ctx, session, [item]);
    case 'retry':
      return; // the caller decides when to try again
  }
}

/** Closes a session for good: every item still queued for it is dropped now, later ones on arrival. */
export async function rejectSession(ctx: DeliveryContext, session: string): Promise<QueuedEvent[]> {
  await ctx.queue.updateSession(session, { closed: 'rejected' });
  const items = await ctx.queue.pending(session);
  await ctx.remove(items.map((item) => item.id));
  await forgetIfEnded(ctx, session, items);
  return items;
}

/**
 * Once the tracker's own sessionEnd has left the queue and nothing else waits, nothing more will
 * come for that local session (the tracker opens a new key for a new session): forget its metadata.
 */
export async function forgetIfEnded(ctx: DeliveryContext, session: string, removed: readonly QueuedEvent[]) {
  if (!removed.some((item) => item.event.eventType === 'sessionEnd')) return;
  if ((await ctx.queue.pending(session)).length === 0) await ctx.queue.dropSession(session);
}

/**
 * Events an earlier page shipped with keepalive as it went away (final-flush.ts: only while its
 * collector answered, nothing unsent before them): they count as delivered, never sent twice.
 */
export async function dropUnconfirmed(ctx: DeliveryContext, session: string, queued: QueuedEvent[]) {
  const shipped = queued.filter((item) => item.shipped);
  if (shipped.length === 0) return queued;
  await ctx.remove(shipped.map((item) => item.id));
  ctx.report({ type: 'unconfirmed', session, count: shipped.length });
  const rest = queued.filter((item) => !item.shipped);
  if (rest.length === 0) await forgetIfEnded(ctx, session, shipped);
  return rest;
}
