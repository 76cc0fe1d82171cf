// Per-request validation of Media Edge bodies, pure: the envelope (one event per /va request), the
// path ↔ `xdm.eventType` match, then the schema of the endpoint. Returns every problem with its JSONPath.
import { EDGE_EVENT_TYPES, type EdgeEventType } from '../edge/types.ts';
import { isPlainObject } from '../mc/json-types.ts';
import { type EdgeIssue, schemaIssues } from './edge-check.ts';
import { DOWNLOADED_XDM, mediaCollectionSchema, xdmSchema } from './edge-schema.ts';

export interface EventCheck {
  issues: EdgeIssue[];
  /**
   * The Edge answers a path/payload mismatch with a sentence in `report.details` instead of a list
   * (https://developer.adobe.com/cja-apis/docs/endpoints/media-edge/troubleshooting/).
   */
  mismatch?: string;
}

// Media Edge: statesUpdate with both lists empty is refused with this sentence (OpenAPI document).
const EMPTY_STATES =
  'Empty statesUpdate event. At least one of statesStart or statesEnd list should be non-empty';

export const isEdgeEventType = (value: unknown): value is EdgeEventType =>
  typeof value === 'string' && (EDGE_EVENT_TYPES as readonly string[]).includes(value);

/** The `events` list of a body, or the problem with the envelope. */
export function envelopeIssues(body: unknown, exactlyOne: boolean): EdgeIssue[] {
  if (!isPlainObject(body))
    return [{ name: '$', reason: 'The body should be a JSON object with an events list' }];
  const { events } = body;
  if (!Array.isArray(events) || events.length === 0)
    return [{ name: '$.events', reason: 'Missing required field' }];
  if (exactlyOne && events.length !== 1) {
    return [{ name: '$.events', reason: 'The Media Edge API takes exactly one event per request' }];
  }
  return events.flatMap((event, index) =>
    isPlainObject(event) && isPlainObject(event.xdm)
      ? []
      : [{ name: `$.events[${index}].xdm`, reason: 'Missing required field' }],
  );
}

function statesIssues(media: unknown, path: string): EdgeIssue[] {
  if (!isPlainObject(media)) return [];
  const filled = (list: unknown) => Array.isArray(list) && list.length > 0;
  return filled(media.statesStart) || filled(media.statesEnd) ? [] : [{ name: path, reason: EMPTY_STATES }];
}

/** One event object (`{ xdm }`) against the endpoint `event`; `prefix` is its JSONPath. */
export function eventIssues(
  event: Record<string, unknown>,
  endpoint: EdgeEventType,
  prefix: string,
): EventCheck {
  const xdm = event.xdm as Record<string, unknown>;
  const expected = `media.${endpoint}`;
  if (typeof xdm.eventType === 'string' && xdm.eventType !== expected) {
    const given = xdm.eventType.replace(/^media\./, '');
    return {
      issues: [],
      mismatch: `The payload eventType ${given} was different from the path eventType ${endpoint}`,
    };
  }
  const path = `${prefix}.xdm`;
  const issues = schemaIssues(xdm, xdmSchema(mediaCollectionSchema(endpoint, true)), path);
  if (endpoint === 'statesUpdate')
    issues.push(...statesIssues(xdm.mediaCollection, `${path}.mediaCollection`));
  return { issues };
}

/** `POST /ee/va/v1/downloaded`: one session, sessionStart first, each event against its endpoint's schema. */
export function downloadedIssues(body: unknown): EdgeIssue[] {
  const envelope = envelopeIssues(body, true);
  if (envelope.length > 0) return envelope;
  const xdm = (body as { events: { xdm: Record<string, unknown> }[] }).events[0].xdm;
  const path = '$.events[0].xdm';
  const issues = schemaIssues(xdm, DOWNLOADED_XDM, path);
  if (xdm.eventType !== 'media.downloaded') {
    issues.push({ name: `${path}.eventType`, reason: 'Value should be media.downloaded' });
  }
  const list = Array.isArray(xdm.mediaDownloadedEvents) ? xdm.mediaDownloadedEvents : [];
  list.forEach((item: unknown, index) => {
    if (!isPlainObject(item)) return;
    const at = `${path}.mediaDownloadedEvents[${index}]`;
    const type = typeof item.mediaEventType === 'string' ? item.mediaEventType.replace(/^media\./, '') : '';
    if (!isEdgeEventType(type) || item.mediaEventType !== `media.${type}`) {
      issues.push({
        name: `${at}.mediaEventType`,
        reason: 'Value should be a media event type such as media.play',
      });
      return;
    }
    if (index === 0 && type !== 'sessionStart') {
      issues.push({
        name: `${at}.mediaEventType`,
        reason: 'A downloaded session should begin with media.sessionStart',
      });
    }
    issues.push(
      ...schemaIssues(item.mediaCollection, mediaCollectionSchema(type, false), `${at}.mediaCollection`),
    );
    if (type === 'statesUpdate') issues.push(...statesIssues(item.mediaCollection, `${at}.mediaCollection`));
  });
  return issues;
}
