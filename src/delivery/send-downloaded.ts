import type { McEvent } from '../mc/types';
import { DOWNLOADED_PATH } from '../mc/types';
import type { DeliveryContext, LaneIo } from './context';
import { buildDownloadedBatch } from './downloaded-batch';
import type { QueuedEvent, SessionMeta } from './queue';
import { post, retry, type StepResult } from './request';
import { forgetIfEnded, rejectSession } from './settle';

/**
 * What is left of a session whose collector session is gone goes whole to /downloaded
 * (docs/delivery.md#gone-sessions).
 */
export async function sendDownloaded(
  ctx: DeliveryContext,
  lane: LaneIo,
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
  const answer = await post(ctx, lane, DOWNLOADED_PATH, JSON.stringify(batch), ids, true);
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
