import type { McEvent } from '../mc/types';
import type { DeliveryContext, LaneIo } from './context';
import { buildDownloadedBatch } from './downloaded-batch';
import type { Protocol } from './protocol';
import type { QueuedEvent, SessionMeta } from './queue';
import type { post, retry, StepResult } from './request';
import type { forgetIfEnded, rejectSession } from './settle';

/**
 * The step's helpers, handed in: this module is a chunk of its own, and one that imported them would make
 * the package split them into a third chunk both load (measured: ~0.2 kB more on every page).
 */
export interface DownloadedDeps {
  post: typeof post;
  retry: typeof retry;
  rejectSession: typeof rejectSession;
  forgetIfEnded: typeof forgetIfEnded;
}

/**
 * What is left of a session whose collector session is gone goes whole to /downloaded
 * (docs/delivery.md#gone-sessions).
 */
export async function sendDownloaded(
  { post, retry, rejectSession, forgetIfEnded }: DownloadedDeps,
  ctx: DeliveryContext,
  protocol: Protocol,
  lane: LaneIo,
  meta: SessionMeta | undefined,
  queued: QueuedEvent[],
): Promise<StepResult> {
  const head = queued[0]!;
  const { session } = head;
  const batch = buildDownloadedBatch(meta?.sessionStart, queued.map(eventOf));
  const request = batch
    ? protocol.downloaded(batch)
    : { message: 'No sessionStart is known for this session, so its events cannot be sent.' };
  if ('message' in request) {
    const { message } = request;
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
  const answer = await post(ctx, protocol, lane, request, ids, true);
  if (answer.verdict === 'retry') return retry(head, answer);
  // docs/adobe-api.md#downloaded-content: 201 accepts the whole batch; 400 discards all of it (no partial
  // acceptance).
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

const eventOf = (item: QueuedEvent): McEvent => item.event;
