// `params` validation for one event (docs/adobe-api.md#parameter-types): required keys, JSON types, no
// unknown keys, and no params at all on the event types that take none (ping above all,
// docs/adobe-api.md#pings).

import { hasJsonType, isPlainObject, keyPath, typeLabel } from './json-types.ts';
import { PARAMS_SPECS } from './params-spec.ts';
import type { McEventType } from './types.ts';

// Custom state names follow the SDKs' validation regex (docs/adobe-api.md#player-states).
const STATE_NAME = /^[A-Za-z0-9_.]{1,64}$/;

export function paramsProblems(eventType: McEventType, params: unknown): string[] {
  const spec = PARAMS_SPECS[eventType];
  if (!spec) {
    if (params === undefined) return [];
    // MC API: ping is eventType + playerTime only, "must not include params" (docs/adobe-api.md#pings).
    return eventType === 'ping'
      ? ['ping must not carry params: a ping is only eventType and playerTime (and optional qoeData).']
      : [`${eventType} takes no params: remove the params object.`];
  }
  if (params === undefined) return [`params is required on ${eventType}.`];
  if (!isPlainObject(params)) return ['params must be a JSON object.'];

  // Every missing key in one line: a first try with empty params reads as the list to fill in.
  const missing = Object.keys(spec.required).filter((key) => params[key] === undefined);
  const problems =
    missing.length > 0 ? [`params need ${missing.join(', ')} (required on ${eventType}).`] : [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const type = spec.required[key] ?? spec.optional[key];
    if (!type) {
      // MC API schema: params additionalProperties:false (docs/adobe-api.md#validation).
      problems.push(
        `${keyPath('params', key)} is not a ${eventType} parameter (unknown params keys are rejected).`,
      );
    } else if (!hasJsonType(value, type)) {
      problems.push(`${keyPath('params', key)} must be ${typeLabel(type)}.`);
    } else {
      problems.push(...valueProblems(key, value));
    }
  }
  return problems;
}

function valueProblems(key: string, value: unknown): string[] {
  if (key === 'media.state.name' && !STATE_NAME.test(value as string)) {
    return [`${keyPath('params', key)} must be 1–64 characters of A–Z, a–z, 0–9, "_" or ".".`];
  }
  if (key === 'visitor.customerIDs') return customerIdProblems(value as Record<string, unknown>);
  return [];
}

// MC API: visitor.customerIDs maps an id type to {"id": string, "authState": 0|1|2}
// (docs/adobe-api.md#parameter-types).
function customerIdProblems(ids: Record<string, unknown>): string[] {
  return Object.entries(ids)
    .filter(([, entry]) => !isCustomerId(entry))
    .map(
      ([idType]) =>
        `${keyPath('params["visitor.customerIDs"]', idType)} must be {"id": string, "authState": 0, 1 or 2}.`,
    );
}

function isCustomerId(entry: unknown): boolean {
  if (!isPlainObject(entry) || typeof entry.id !== 'string') return false;
  const keysOk = Object.keys(entry).every((key) => key === 'id' || key === 'authState');
  return keysOk && (entry.authState === undefined || [0, 1, 2].includes(entry.authState as number));
}
