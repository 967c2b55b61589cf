import type { JsonSchema } from '../route.ts';

/**
 * Spellings shared by the seed routes: their dates and the conversions between the seeds'
 * snake_case / lower-case names and GraphQL's camelCase / SCREAMING_SNAKE ones.
 */

/** A date, or a date and time with or without seconds and offset (seeds 000–002). */
const INSTANT = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export const instantSchema = (description: string): JsonSchema => ({
  type: 'string',
  pattern: INSTANT.source,
  description: `${description} ISO 8601; a plain date (YYYY-MM-DD) or a time without an offset is taken as UTC.`,
});

export const dateSchema = (description: string): JsonSchema => ({
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: `${description} (YYYY-MM-DD).`,
});

/**
 * A seed instant as a GraphQL `DateTime`: an offset-less time is UTC; a plain date is the
 * first millisecond of that UTC day as a start and its last as an end (the ranges are
 * inclusive), so `end_date=2025-01-31` covers January 31st. The value was checked against
 * `instantSchema` already.
 */
export function toDateTime(value: unknown, side: 'start' | 'end'): string | undefined {
  if (typeof value !== 'string') return undefined;
  const [, day, hourMinute, seconds, offset] = INSTANT.exec(value) ?? [];
  if (!day) return value;
  if (!hourMinute) return side === 'start' ? `${day}T00:00:00.000Z` : `${day}T23:59:59.999Z`;
  return `${day}T${hourMinute}${seconds ?? ':00'}${offset ?? 'Z'}`;
}

/** `avgDurationMinutes` → `avg_duration_minutes`. */
export const snake = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** `avg_duration` → `avgDuration`. */
export const camel = (name: string): string => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `no-answer` / `inbound_answered` → `NO_ANSWER` / `INBOUND_ANSWERED`. */
export const screaming = (name: string): string => name.replace(/-/g, '_').toUpperCase();

/** An object whose keys are snake_case copies of `row`'s, values unchanged. */
export function snakeKeys(row: Record<string, unknown>, omit: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in row) if (!omit.includes(key)) out[snake(key)] = row[key];
  return out;
}

export const nullable = (type: string | string[]): string[] => [...(Array.isArray(type) ? type : [type]), 'null'];

/** An object schema with every listed property required and no others. */
export const closedObject = (properties: Record<string, JsonSchema>, required = Object.keys(properties)): JsonSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
