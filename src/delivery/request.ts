import type { DeliveryContext, LaneIo } from './context';
import { type Answer, exchange } from './exchange';
import { byteLength } from './keepalive-budget';
import type { RetryCause } from './lane';
import type { Protocol, ProtocolRequest } from './protocol';
import type { QueuedEvent } from './queue';

/**
 * 'next': look at the queue again; 'idle': nothing to send now; `retry`: the head must be tried
 * again (the lane decides when).
 */
export type StepResult = 'next' | 'idle' | { retry: { head: QueuedEvent; cause: RetryCause } };

/** One request of a session's drain loop; `ids` are the queued items it carries. */
export async function post(
  ctx: DeliveryContext,
  protocol: Protocol,
  lane: LaneIo,
  { path, body }: ProtocolRequest,
  ids: number[],
  replay = false,
): Promise<Answer> {
  const bytes = byteLength(body);
  // docs/browsers.md#keepalive-and-sendbeacon: keepalive only within the shared 64 KiB; a larger body goes as
  // a normal request.
  const keepalive = ctx.keepaliveWanted() && ctx.budget.reserve(bytes);
  await lane.apply({ type: 'sent', ids, keepalive, replay, at: ctx.now() });
  try {
    const request = { url: ctx.endpoint + path, body, keepalive };
    const answer = await exchange(protocol.transport ?? ctx.transport, request, ctx.now);
    await lane.apply({ type: 'answered', ids, status: answer.status, retry: answer.verdict === 'retry' });
    return answer;
  } finally {
    if (keepalive) ctx.budget.release(bytes);
  }
}

export const retry = (head: QueuedEvent, cause: RetryCause): StepResult => ({ retry: { head, cause } });
