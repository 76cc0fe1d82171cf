// customMetadata and qoeData validation for one event (docs/adobe-api.md#custommetadata,
// docs/adobe-api.md#qoe-and-errors).

import { hasJsonType, isPlainObject, keyPath, typeLabel } from './json-types.ts';
import { CUSTOM_METADATA_EVENTS, QOE_TYPES } from './params-spec.ts';
import type { McEventType } from './types.ts';

// MC API schema sample: customMetadata patternProperties ^[a-zA-Z0-9_\.]+$
// (docs/adobe-api.md#custommetadata).
const METADATA_KEY = /^[A-Za-z0-9_.]+$/;
const ERROR_SOURCES = ['player', 'external'];

export function customMetadataProblems(eventType: McEventType, metadata: unknown): string[] {
  if (metadata === undefined) return [];
  if (!CUSTOM_METADATA_EVENTS.includes(eventType)) {
    return [`customMetadata is not allowed on ${eventType}; only on sessionStart, adStart and chapterStart.`];
  }
  if (!isPlainObject(metadata)) return ['customMetadata must be a flat JSON object.'];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(metadata)) {
    const path = keyPath('customMetadata', key);
    if (!METADATA_KEY.test(key)) {
      problems.push(`${path}: keys may only use A–Z, a–z, 0–9, "_" and ".".`);
    } else if (key.startsWith('media.') || key.startsWith('a.')) {
      // MC API: "media." may overwrite standard fields and "a." is reserved
      // (docs/adobe-api.md#custommetadata).
      problems.push(`${path}: keys must not start with "media." or "a.".`);
    }
    if (typeof value !== 'string') {
      problems.push(`${path} must be a string (convert numbers and booleans).`);
    }
  }
  return problems;
}

export function qoeDataProblems(qoeData: unknown): string[] {
  if (qoeData === undefined) return [];
  if (!isPlainObject(qoeData)) return ['qoeData must be a JSON object.'];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(qoeData)) {
    const path = keyPath('qoeData', key);
    const type = QOE_TYPES[key];
    if (!type) {
      // MC API schema sample: qoeData additionalProperties:false (docs/adobe-api.md#validation).
      problems.push(
        `${path} is not a qoeData key; use media.qoe.bitrate, droppedFrames, framesPerSecond, timeToStart, errorID or errorSource.`,
      );
    } else if (!hasJsonType(value, type) || (type === 'integer' && (value as number) < 0)) {
      problems.push(`${path} must be ${type === 'integer' ? 'an integer ≥ 0' : typeLabel(type)}.`);
    } else if (key === 'media.qoe.errorSource' && !ERROR_SOURCES.includes(value as string)) {
      problems.push(`${path} must be "player" or "external".`);
    }
  }
  return problems;
}
