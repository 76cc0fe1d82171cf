import type { DeliveryContext, LaneIo } from './context';
import { exchange, messageOf } from './exchange';
import { byteLength } from './keepalive-budget';
import { mayShip } from './lane';
import type { Protocol, ProtocolRequest } from './protocol';
import type { QueuedEvent, SessionMeta } from './queue';
import { settleEvent } from './settle';

interface FinalRequest {
  lane: LaneIo;
  session: string;
  sid: string;
  item: QueuedEvent;
  request: ProtocolRequest;
  bytes: number;
}

/**
 * Last chance on final page hide (docs/delivery.md#page-hide-and-keepalive): for each live session with a
 * sid, send its queued events now, in order, all at once with keepalive, as far as the 64 KiB budget allows —
 * including those whose write to the outbox is still committing (this page has no later).
 * Synchronous: a closing Firefox tab runs no microtask queued in its pagehide (measured), so every
 * request starts, and every mark is written, in the pagehide task itself.
 * Answers are applied if the page is still there to get them; what is unsent stays queued.
 *
 * With a durable queue (the outbox) the next page sends whatever this one leaves, so a session ships
 * only when what it ships will all but surely arrive and nothing unsent comes before it: the browser
 * is online, its collector answered the last request, and its request in flight, if any, outlives
 * the page (keepalive). What ships is marked shipped first; a next page counts it as delivered
 * (`unconfirmed`) instead of sending it twice. Otherwise all of it stays for the next page, in order.
 * Without a durable queue this is the only chance, so whatever fits is sent.
 */
export function sendFinal(ctx: DeliveryContext, laneOf: (session: string) => LaneIo): void {
  ship(ctx, laneOf);
  // Last, with this task's events and shipped marks: a write begun here may never commit
  // (docs/outbox.md#the-closing-journal).
  ctx.queue.keep?.();
}

/**
 * Whether a final page hide would ship this session now. Offline the requests would fail; without its
 * protocol (still loading) none can be rendered: either way everything stays queued for the next page.
 */
export function wouldShip(
  ctx: DeliveryContext,
  lane: LaneIo,
  meta: SessionMeta,
): meta is SessionMeta & { sid: string } {
  const { protocol } = ctx;
  if (!ctx.online() || protocol instanceof Promise) return false;
  if (meta.sid === undefined || meta.closed !== undefined || meta.api !== protocol.api) return false;
  return mayShip(lane.state, ctx.queue.durable());
}

function ship(ctx: DeliveryContext, laneOf: (session: string) => LaneIo): void {
  const { protocol } = ctx;
  if (protocol instanceof Promise) return;
  const requests: FinalRequest[] = [];
  const shipped: number[] = [];
  for (const { meta, items } of ctx.queue.peekAll()) {
    const lane = laneOf(meta.session);
    if (!wouldShip(ctx, lane, meta)) continue;
    const { session, sid } = meta;
    // A provisional close still kept (this session could not ship when it was made): what it stands
    // for, sent now, could arrive twice (docs/outbox.md#the-provisional-close). The next page sends it.
    if (ctx.queue.hasProvisional?.(session)) continue;
    const { inFlight, finals } = lane.state;
    const ids: number[] = [];
    for (const item of items) {
      if (inFlight.includes(item.id) || finals.includes(item.id)) continue;
      const request = protocol.event(meta, item.event);
      const bytes = byteLength(request.body);
      if (!ctx.budget.reserve(bytes)) break; // in order: nothing jumps over an event left behind
      ids.push(item.id);
      requests.push({ lane, session, sid, item, request, bytes });
    }
    shipped.push(...inFlight, ...ids);
    void lane.apply({ type: 'finalShip', ids });
  }
  if (shipped.length === 0) return;
  ctx.queue.setShipped(shipped, true).catch((error: unknown) => {
    ctx.report({ type: 'queueError', session: undefined, message: messageOf(error) });
  });
  for (const request of requests) fire(ctx, protocol, request);
}

function fire(ctx: DeliveryContext, protocol: Protocol, final: FinalRequest) {
  const { lane, session, sid, item, request, bytes } = final;
  const { path, body } = request;
  const wire = { url: ctx.endpoint + path, body, keepalive: true };
  void exchange(protocol.transport ?? ctx.transport, wire, ctx.now)
    .then(async (answer) => {
      await lane.apply({ type: 'finalAnswered', id: item.id, retry: answer.verdict === 'retry' });
      if (answer.verdict !== 'retry') await settleEvent(ctx, lane, sid, item, answer);
    })
    .catch((error: unknown) => ctx.report({ type: 'queueError', session, message: messageOf(error) }))
    .finally(() => {
      ctx.budget.release(bytes);
      void lane.apply({ type: 'finalSettled', id: item.id });
    });
}
