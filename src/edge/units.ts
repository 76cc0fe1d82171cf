// Value conversions between the Media Collection form the core produces and the Media Edge form, in both
// directions (the emulator translates Edge requests back to run the same sequence rules on them).
import { BITRATE_UNIT, FULLSCREEN_STATE, POD_POSITION_BASE, TIME_TO_START_UNIT } from './choices.ts';
import type { FieldKind, FieldMap } from './fields.ts';

/**
 * Media Edge: playhead, lengths, offsets, indexes and QoE values are integers (OpenAPI document). Rounded
 * to the nearest, as Adobe's Web SDK does with the playhead; anything not finite becomes 0.
 */
export const toInteger = (value: number): number => (Number.isFinite(value) ? Math.round(value) : 0);

/** Media Edge `xdm.timestamp`: ISO 8601 in UTC with milliseconds, e.g. 2026-05-19T19:31:02.234Z. */
export const isoTimestamp = (epochMs: number): string => new Date(epochMs).toISOString();

function convert(kind: FieldKind, value: unknown): unknown {
  if (kind === 'integer' && typeof value === 'number') return toInteger(value);
  if (kind === 'string' && typeof value !== 'string') return String(value);
  return value;
}

/** The Edge fields of one details object, from the Media Collection keys present in `source`. */
export function toEdgeFields(source: Record<string, unknown>, table: readonly FieldMap[]) {
  const out: Record<string, unknown> = {};
  for (const { mc, edge, kind } of table) {
    if (source[mc] !== undefined) out[edge] = convert(kind, source[mc]);
  }
  return out;
}

/** The reverse: Media Collection keys from one Edge details object (unknown fields are left out). */
export function fromEdgeFields(source: Record<string, unknown>, table: readonly FieldMap[]) {
  const out: Record<string, unknown> = {};
  for (const { mc, edge } of table) {
    if (source[edge] !== undefined) out[mc] = source[edge];
  }
  return out;
}

// The core counts ad positions from 1 (Media Collection API); the Edge base is a choice (choices.ts).
export const podPositionToEdge = (position: number): number => position - 1 + POD_POSITION_BASE;
export const podPositionFromEdge = (position: number): number => position + 1 - POD_POSITION_BASE;

/** Core bitrate is bits per second. */
export const bitrateToEdge = (bps: number): number => toInteger(BITRATE_UNIT === 'kbps' ? bps / 1000 : bps);
export const bitrateFromEdge = (value: number): number => (BITRATE_UNIT === 'kbps' ? value * 1000 : value);

/** Core time to start is milliseconds. */
export const timeToStartToEdge = (ms: number): number =>
  toInteger(TIME_TO_START_UNIT === 's' ? ms / 1000 : ms);
export const timeToStartFromEdge = (value: number): number =>
  TIME_TO_START_UNIT === 's' ? value * 1000 : value;

/** Core state names are the Media Collection ones; only full screen is spelled two ways. */
export const stateToEdge = (name: string): string => (name === 'fullscreen' ? FULLSCREEN_STATE : name);
export const stateFromEdge = (name: string): string =>
  name.toLowerCase() === 'fullscreen' ? 'fullscreen' : name;
