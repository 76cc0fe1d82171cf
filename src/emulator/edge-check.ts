// Checks a JSON value against one of the Media Edge schemas (edge-schema.ts), pure. Every problem is
// reported, as the Edge does ("cumulative": https://developer.adobe.com/cja-apis/docs/endpoints/media-edge/troubleshooting/),
// with the JSONPath of the field and a reason in the Edge's words where it has some.
import { isPlainObject } from '../mc/json-types.ts';
import type { Schema } from './edge-schema.ts';

export interface EdgeIssue {
  /** JSONPath, e.g. `$.xdm.mediaCollection.playhead`. */
  name: string;
  reason: string;
}

// The Edge's reason for a bad timestamp, with its own examples (troubleshooting guide above).
export const ISO_REASON =
  'Field should respect ISO 8601 standard for presenting date and time with offset to UTC (e.g. 2022-05-19T19:31:02Z, 2022-05-19T21:31:02+02:00, 2022-05-19T21:31:02.234+02:00)';
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export const isIsoTimestamp = (value: unknown): value is string =>
  typeof value === 'string' && ISO_8601.test(value) && !Number.isNaN(Date.parse(value));

const INT32_MAX = 2_147_483_647;
const issue = (name: string, reason: string): EdgeIssue[] => [{ name, reason }];

export function schemaIssues(value: unknown, schema: Schema, path: string): EdgeIssue[] {
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return issue(path, 'Field should be a string');
      if (schema.format === 'date-time' && !isIsoTimestamp(value)) return issue(path, ISO_REASON);
      if (schema.enum && !schema.enum.includes(value)) {
        return issue(path, `Value should be one of: ${schema.enum.join(', ')}`);
      }
      if (schema.pattern && !schema.pattern.test(value)) {
        return issue(path, `Value should match ${schema.pattern.source}`);
      }
      return [];
    case 'integer':
      if (!Number.isInteger(value) || Math.abs(value as number) > INT32_MAX) {
        return issue(path, 'Field should be an integer (int32)');
      }
      if (schema.min !== undefined && (value as number) < schema.min) {
        return issue(path, `Field should be ≥ ${schema.min}`);
      }
      return [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : issue(path, 'Field should be a boolean');
    case 'array': {
      if (!Array.isArray(value)) return issue(path, 'Field should be an array');
      if (schema.minItems !== undefined && value.length < schema.minItems) {
        return issue(path, `Field should have at least ${schema.minItems} item(s)`);
      }
      return value.flatMap((item, index) => schemaIssues(item, schema.items, `${path}[${index}]`));
    }
    case 'object':
      return objectIssues(value, schema, path);
    default: {
      const unknownSchema: never = schema;
      return unknownSchema;
    }
  }
}

function objectIssues(
  value: unknown,
  schema: Extract<Schema, { type: 'object' }>,
  path: string,
): EdgeIssue[] {
  if (!isPlainObject(value)) return issue(path, 'Field should be an object');
  const found: EdgeIssue[] = [];
  for (const key of schema.required ?? []) {
    if (value[key] === undefined || value[key] === null)
      found.push({ name: `${path}.${key}`, reason: 'Missing required field' });
  }
  for (const [key, field] of Object.entries(value)) {
    // An optional field sent as null reads as absent (Adobe's own Web SDK bridge sends `qoeDataDetails: null`).
    if (field === undefined || field === null) continue;
    const known = Object.hasOwn(schema.properties, key) ? schema.properties[key] : schema.values;
    if (known === undefined) {
      if (schema.closed) {
        const allowed = Object.keys(schema.properties).join(', ');
        found.push({ name: `${path}.${key}`, reason: `Unknown field; this object takes only ${allowed}` });
      }
      continue;
    }
    found.push(...schemaIssues(field, known, `${path}.${key}`));
  }
  return found;
}
