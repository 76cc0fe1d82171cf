// Per-request validation as the MC API does it: each event alone against its schema, never against the
// session's history (docs/adobe-api.md#validation: "session-level validation is not possible"). Pure; returns
// every problem as one sentence naming the field and the rule. The 400 message is the first problem.

import { isPlainObject } from '../mc/json-types.ts';
import { EVENT_TYPES, type McEventType } from '../mc/types.ts';
import { customMetadataProblems, qoeDataProblems } from '../mc/validate-metadata.ts';
import { paramsProblems } from '../mc/validate-params.ts';

/** Where an event arrived: the sessions URL takes only sessionStart, the events URL never does. */
export type EventSlot = 'sessionStart' | 'sessionEvent';

// MC API schema: top level additionalProperties:false (docs/adobe-api.md#validation).
const TOP_LEVEL_KEYS = ['eventType', 'playerTime', 'params', 'customMetadata', 'qoeData'];

export function eventProblems(body: unknown, slot: EventSlot): string[] {
  if (!isPlainObject(body)) return ['The body must be one JSON event object.'];
  const problems = [...eventTypeProblems(body.eventType, slot)];
  for (const key of Object.keys(body)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      problems.push(
        `"${key}" is not allowed at the top level of an event; use ${TOP_LEVEL_KEYS.join(', ')}.`,
      );
    }
  }
  problems.push(...playerTimeProblems(body.playerTime));
  if (!isEventType(body.eventType)) return problems;
  return [
    ...problems,
    ...paramsProblems(body.eventType, body.params),
    ...customMetadataProblems(body.eventType, body.customMetadata),
    ...qoeDataProblems(body.qoeData),
  ];
}

/**
 * `POST /api/v1/downloaded`: a non-empty array of one session's events, sessionStart first
 * (docs/adobe-api.md#downloaded-content).
 */
export function batchProblems(body: unknown): string[] {
  if (!Array.isArray(body) || body.length === 0) {
    return ['The downloaded body must be a non-empty JSON array of events that starts with sessionStart.'];
  }
  return body.flatMap((event, index) =>
    eventProblems(event, index === 0 ? 'sessionStart' : 'sessionEvent').map(
      (problem) => `Event [${index}]: ${problem}`,
    ),
  );
}

const isEventType = (value: unknown): value is McEventType =>
  typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);

function eventTypeProblems(eventType: unknown, slot: EventSlot): string[] {
  if (eventType === undefined) return ['eventType is required.'];
  if (!isEventType(eventType)) {
    return [
      `eventType ${JSON.stringify(eventType)} is not one of the ${EVENT_TYPES.length} MC API event types.`,
    ];
  }
  // MC API: sessionStart goes only to /api/v1/sessions, which takes nothing else
  // (docs/adobe-api.md#endpoints).
  if (slot === 'sessionStart' && eventType !== 'sessionStart') {
    return [`eventType must be sessionStart here (a session begins with sessionStart), not ${eventType}.`];
  }
  if (slot === 'sessionEvent' && eventType === 'sessionStart') {
    return [
      'eventType sessionStart is not accepted here: it only opens a session (POST /api/v1/sessions, or first in a downloaded batch).',
    ];
  }
  return [];
}

// MC API: playerTime {playhead: number of seconds, ts: integer epoch ms}, nothing else
// (docs/adobe-api.md#validation).
function playerTimeProblems(playerTime: unknown): string[] {
  if (playerTime === undefined) return ['playerTime is required.'];
  if (!isPlainObject(playerTime)) return ['playerTime must be a JSON object with playhead and ts.'];
  const problems = Object.keys(playerTime)
    .filter((key) => key !== 'playhead' && key !== 'ts')
    .map((key) => `playerTime.${key} is not allowed; playerTime holds only playhead and ts.`);
  const { playhead, ts } = playerTime;
  if (playhead === undefined) problems.push('playerTime.playhead is required.');
  else if (typeof playhead !== 'number' || !Number.isFinite(playhead) || playhead < 0) {
    problems.push('playerTime.playhead must be a number of seconds ≥ 0.');
  }
  if (ts === undefined) problems.push('playerTime.ts is required.');
  else if (!Number.isInteger(ts) || (ts as number) <= 0) {
    problems.push('playerTime.ts must be an integer of epoch milliseconds > 0.');
  }
  return problems;
}
