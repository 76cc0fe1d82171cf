import type { McEvent } from '../mc/types';

const CLOSING = new Set(['sessionEnd', 'sessionComplete']);

/**
 * The `/api/v1/downloaded` body for what is left of a session whose collector session is gone
 * (docs/delivery.md#gone-sessions): one JSON array, original events in order with their original `ts`.
 * - It must begin with a sessionStart: the pending one if it is still queued, else a copy of the
 *   session's own with `media.resume: true` placed 1 ms before the first pending event (consecutive
 *   ts ≥ 1 ms apart: docs/adobe-api.md#timestamps-and-ordering) at that event's playhead. The copy
 *   leaves out `qoeData`: the time-to-start it may carry belongs to the original start, not to this
 *   resumption.
 * - It ends with a sessionEnd 1 ms after the last event, unless that already closes the session
 *   (Adobe's SDKs append one the same way).
 * Undefined when the batch cannot begin with a sessionStart.
 */
export function buildDownloadedBatch(
  sessionStart: McEvent | undefined,
  pending: readonly McEvent[],
): McEvent[] | undefined {
  const first = pending[0];
  const last = pending.at(-1);
  if (first === undefined || last === undefined) return undefined;
  const head = first.eventType === 'sessionStart' ? [] : resumeCopy(sessionStart, first);
  if (head === undefined) return undefined;
  const tail: McEvent[] = CLOSING.has(last.eventType)
    ? []
    : [
        {
          eventType: 'sessionEnd',
          playerTime: { playhead: last.playerTime.playhead, ts: last.playerTime.ts + 1 },
        },
      ];
  return [...head, ...pending, ...tail];
}

function resumeCopy(sessionStart: McEvent | undefined, first: McEvent): McEvent[] | undefined {
  if (sessionStart === undefined) return undefined;
  const { qoeData: _timeToStartOfTheOriginal, ...start } = sessionStart;
  return [
    {
      ...start,
      params: { ...start.params, 'media.resume': true },
      playerTime: { playhead: first.playerTime.playhead, ts: first.playerTime.ts - 1 },
    },
  ];
}
