import { parseSessionId } from '../mc/location';
import { DOWNLOADED_PATH, eventsPath, type McEvent, SESSIONS_PATH } from '../mc/types';
import { backoffDelay } from './backoff';
import type { DeliveryContext, Lane } from './context';
import { buildDownloadedBatch } from './downloaded-batch';
import { type Answer, exchange } from './exchange';
import { byteLength } from './keepalive-budget';
import type { QueuedEvent, SessionMeta } from './queue';
import { forgetIfEnded, rejectSession, settleEvent } from './settle';

/** 'next': look at the queue again; 'idle': nothing to send now; otherwise wait, then look again. */
export type StepResult = 'next' | 'idle' | { retryInMs: number };

/** Sends the one request a session's queue head calls for and applies its answer. */
export async function step(ctx: DeliveryContext, session: string, lane: Lane): Promise<StepResult> {
  const [meta, queued] = await Promise.all([ctx.queue.session(session), ctx.queue.pending(session)]);
  const head = queued[0];
  // flushFinal fired part of this queue without waiting: resume only once all of it has answered.
  if (head === undefined || lane.finals.size > 0) return 'idle';
  if (meta?.closed === 'rejected') {
    await rejectSession(ctx, session);
    return 'next';
  }
  // Gone (the lane knows before the stored meta may say so), or no sid and no sessionStart to get
  // one: the events can only travel as a downloaded batch.
  const gone = meta?.closed === 'gone' || lane.goneReported;
  if (gone || (meta?.sid === undefined && head.event.eventType !== 'sessionStart')) {
    return sendDownloaded(ctx, lane, meta, queued);
  }
  if (meta?.sid === undefined) return sendStart(ctx, lane, head);
  const answer = await post(ctx, lane, eventsPath(meta.sid), JSON.stringify(head.event), [head.id]);
  if (answer.verdict === 'retry') return retry(ctx, lane, head, answer);
  await settleEvent(ctx, lane, meta.sid, head, answer);
  return 'next';
}

// MC API §5.3: queue everything until the sid arrives; PRODUCT §4: one request in flight per session.
async function sendStart(ctx: DeliveryContext, lane: Lane, head: QueuedEvent): Promise<StepResult> {
  const { session, event } = head;
  const answer = await post(ctx, lane, SESSIONS_PATH, JSON.stringify(event), [head.id]);
  if (answer.verdict === 'retry') return retry(ctx, lane, head, answer);
  lane.attempt = 0;
  const { status } = answer;
  const sid = answer.verdict === 'delivered' ? parseSessionId(answer.location, ctx.endpoint) : undefined;
  if (sid === undefined) {
    // A refused sessionStart can never become a session; a 201 we cannot read the sid from
    // (MC API §9.1: Access-Control-Expose-Headers) leaves its events nowhere to go either.
    const message =
      answer.verdict === 'delivered'
        ? 'The collector created a session but its Location header could not be read; expose it with Access-Control-Expose-Headers: Location.'
        : answer.message;
    const dropped = await rejectSession(ctx, session);
    ctx.report({ type: 'sessionRejected', session, event, status, message, count: dropped.length });
    return 'next';
  }
  // The sid is stored before the item leaves, so a crash in between never loses the session.
  await ctx.queue.updateSession(session, { sid, lastSentAt: ctx.now() });
  await ctx.remove([head.id]);
  ctx.report({ type: 'sessionCreated', session, sid });
  ctx.report({ type: 'delivered', session, event, status });
  return 'next';
}

async function sendDownloaded(
  ctx: DeliveryContext,
  lane: Lane,
  meta: SessionMeta | undefined,
  queued: QueuedEvent[],
): Promise<StepResult> {
  const head = queued[0]!;
  const { session } = head;
  const batch = buildDownloadedBatch(meta?.sessionStart, queued.map(eventOf));
  if (batch === undefined) {
    const message = 'No sessionStart is known for this session, so its events cannot be sent.';
    const dropped = await rejectSession(ctx, session);
    ctx.report({
      type: 'sessionRejected',
      session,
      event: head.event,
      status: 0,
      message,
      count: dropped.length,
    });
    return 'next';
  }
  const ids = queued.map((item) => item.id);
  const answer = await post(ctx, lane, DOWNLOADED_PATH, JSON.stringify(batch), ids);
  if (answer.verdict === 'retry') return retry(ctx, lane, head, answer);
  lane.attempt = 0;
  // MC API §6: 201 accepts the whole batch; 400 discards all of it (no partial acceptance).
  await ctx.remove(ids);
  const { status, message } = answer;
  const count = queued.length;
  ctx.report(
    answer.verdict === 'delivered'
      ? { type: 'downloaded', session, count, status }
      : { type: 'downloadRejected', session, count, status, message },
  );
  await forgetIfEnded(ctx, session, queued);
  return 'next';
}

async function post(ctx: DeliveryContext, lane: Lane, path: string, body: string, ids: number[]) {
  const bytes = byteLength(body);
  // Reliability §4.2: keepalive only within the shared 64 KiB; a larger body goes as a normal request.
  const keepalive = ctx.keepaliveWanted() && ctx.budget.reserve(bytes);
  lane.current = ids;
  try {
    return await exchange(ctx.transport, { url: ctx.endpoint + path, body, keepalive }, ctx.now);
  } finally {
    lane.current = [];
    if (keepalive) ctx.budget.release(bytes);
  }
}

function retry(ctx: DeliveryContext, lane: Lane, head: QueuedEvent, answer: Answer): StepResult {
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

const eventOf = (item: QueuedEvent): McEvent => item.event;
