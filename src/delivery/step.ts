import type { DeliveryContext, LaneIo } from './context';
import { heldOffline, type RetryCause } from './lane';
import type { Protocol } from './protocol';
import type { QueuedEvent, SessionMeta } from './queue';
import { post, retry, type StepResult } from './request';
import { dropUnconfirmed, forgetIfEnded, rejectSession, settleEvent } from './settle';

export type { StepResult } from './request';

/** Sends the one request a session's queue head calls for and applies its answer. */
export async function step(ctx: DeliveryContext, session: string, lane: LaneIo): Promise<StepResult> {
  const [meta, stored] = await Promise.all([ctx.queue.session(session), ctx.queue.pending(session)]);
  // flushFinal fired part of this queue without waiting: resume only once all of it has answered.
  if (stored.length === 0 || lane.state.finals.length > 0) return 'idle';
  const queued = await dropUnconfirmed(ctx, session, stored);
  const head = queued[0];
  if (head === undefined) return 'next';
  if (meta?.closed === 'rejected') {
    await rejectSession(ctx, session);
    return 'next';
  }
  // docs/browsers.md#connectivity: `navigator.onLine === false` is reliable, so no request now; the backoff
  // wait ends in a probe, and `online` cuts it short. A probe that got an answer proves onLine wrong.
  if (heldOffline(lane.state, ctx.online())) return retry(head, OFFLINE);
  const protocol = await ctx.protocol;
  if (meta?.closed === undefined && outOfReach(ctx, protocol, meta, head))
    await lane.apply({ type: 'gone', sid: meta?.sid, status: 0 });
  // Gone (the lane knows before the stored meta may say so), or no sid and no sessionStart to get
  // one: the events can only travel as a downloaded batch.
  const gone = meta?.closed === 'gone' || lane.state.gone;
  if (gone || (meta?.sid === undefined && head.event.eventType !== 'sessionStart')) {
    // A chunk of its own (docs/delivery.md#gone-sessions): only a page that finds a gone session needs
    // it. Failing to load, it fails this step like a storage error would: reported, tried again later.
    const { sendDownloaded } = await import('./send-downloaded');
    return sendDownloaded({ post, retry, rejectSession, forgetIfEnded }, ctx, protocol, lane, meta, queued);
  }
  if (meta?.sid === undefined) return sendStart(ctx, protocol, lane, head);
  const answer = await post(ctx, protocol, lane, protocol.event(meta, head.event), [head.id]);
  if (answer.verdict === 'retry') return retry(head, answer);
  await settleEvent(ctx, lane, meta.sid, head, answer);
  return 'next';
}

// docs/delivery.md#requests: queue everything until the sid arrives, then one request in flight per session.
async function sendStart(
  ctx: DeliveryContext,
  protocol: Protocol,
  lane: LaneIo,
  head: QueuedEvent,
): Promise<StepResult> {
  const { session, event } = head;
  const answer = await post(ctx, protocol, lane, protocol.start(event), [head.id]);
  if (answer.verdict === 'retry') return retry(head, answer);
  const { status } = answer;
  const started = answer.verdict === 'delivered' ? protocol.started(answer, ctx.endpoint) : answer;
  if (!('sid' in started)) {
    // A refused sessionStart can never become a session; a 2xx we cannot read the sid from (MC: an
    // unexposed Location, docs/adobe-api.md#cors; Edge: a 207 without one) leaves its events nowhere to go.
    const dropped = await rejectSession(ctx, session);
    const { message } = started;
    ctx.report({ type: 'sessionRejected', session, event, status, message, count: dropped.length });
    return 'next';
  }
  const { sid } = started;
  // The sid is stored before the item leaves, so a crash in between never loses the session.
  await ctx.queue.updateSession(session, { ...started, lastSentAt: ctx.now() });
  await ctx.remove([head.id]);
  ctx.report({ type: 'sessionCreated', session, sid });
  ctx.report({ type: 'delivered', session, event, status });
  return 'next';
}

/** docs/adobe-api.md#session-timeouts: the collector closes a session 10 min after its last event. */
export const SERVER_IDLE_MS = 600_000;

/**
 * docs/outbox.md#replay: whether a session can no longer be sent live. With a sid: its
 * collector session got no event for 10 min (sending would only earn a 410), or the sid is another API's. Without one: it was
 * left by a page that is gone, so nobody plays it any more, or its sessionStart is 10 min old (held
 * for consent, or offline since): a live session would have expired by now. Otherwise the page
 * still playing it starts it late, with its real ts. Such a session goes whole to /downloaded; a
 * page's own live view goes on in a new session (the tracker hears `sessionGone`).
 */
function outOfReach(
  ctx: DeliveryContext,
  protocol: Protocol,
  meta: SessionMeta | undefined,
  head: QueuedEvent,
): boolean {
  const { eventType, playerTime } = head.event;
  if (meta?.sid === undefined)
    return (
      eventType === 'sessionStart' && (meta?.adopted === true || ctx.now() - playerTime.ts >= SERVER_IDLE_MS)
    );
  // A sid the other API gave (a page switched API with a session queued) names no session here.
  if (meta.api !== protocol.api) return true;
  return meta.lastSentAt !== undefined && ctx.now() - meta.lastSentAt >= SERVER_IDLE_MS;
}

const OFFLINE: RetryCause = {
  status: 0,
  reason: 'offline',
  message: 'The browser is offline; the next try is a probe.',
};
