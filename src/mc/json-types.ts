// JSON type checks shared by the validators; "integer" follows JSON Schema draft-04
// (docs/adobe-api.md#validation).
import type { JsonType } from './params-spec.ts';

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function hasJsonType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return isPlainObject(value);
    default: {
      const unknownType: never = type;
      return unknownType;
    }
  }
}

const LABELS: Record<JsonType, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean (true/false, not a string)',
  object: 'a JSON object',
};

export const typeLabel = (type: JsonType): string => LABELS[type];

/** `params["media.id"]`: how messages name a dotted key so the dots do not read as nesting. */
export const keyPath = (container: string, key: string): string => `${container}[${JSON.stringify(key)}]`;
