import { echoValue } from '../../../shared/echo-value.ts';
import { UserInputError } from '../../errors.ts';
import { payloadEquals } from '../../query/conditions.ts';
import type { Condition } from '../../query/expression.ts';

/** Letters, digits, `_` and `-` only: a key can never start with `$` or walk a path with `.`. */
const PAYLOAD_KEY = /^[\p{L}\p{Nd}_-]+$/u;

type PayloadValue = string | number | boolean | null;

/**
 * Names that walk an object's prototype in JavaScript: the embedded engine refuses to read
 * them (mingo), and they are never payload fields anyone meant, so both engines refuse them.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Validates `payloadFilters` (flat equality on `payload.<key>`, DESIGN 5.2) and returns one
 * condition per key. Everything is checked before any condition is built, so a bad filter
 * never reaches a pipeline: keys that could become operators or paths, values that could
 * become operator documents (objects), arrays, and non-finite numbers are refused.
 */
export function payloadFilterConditions(filters: unknown, argument: string): Condition[] {
  if (filters == null) return [];
  if (typeof filters !== 'object' || Array.isArray(filters)) {
    throw new UserInputError(argument, `${argument} must be an object of payload field → value`);
  }
  const entries = Object.entries(filters as Record<string, unknown>);
  for (const [key, value] of entries) {
    if (!PAYLOAD_KEY.test(key)) {
      throw new UserInputError(
        argument,
        `${argument}: key ${echoValue(key)} is not a payload field name (letters, digits, _ and - only; no $ or .)`,
      );
    }
    if (PROTOTYPE_KEYS.has(key)) {
      throw new UserInputError(argument, `${argument}: key ${echoValue(key)} is reserved (__proto__, constructor and prototype are never filters)`);
    }
    if (!isPayloadValue(value)) {
      throw new UserInputError(
        argument,
        `${argument}.${key} must be a string, number, boolean or null (objects and arrays are not filters), got ${echoValue(value)}`,
      );
    }
  }
  return entries.map(([key, value]) => payloadEquals(key, value as PayloadValue));
}

function isPayloadValue(value: unknown): value is PayloadValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  return typeof value === 'number' && Number.isFinite(value);
}
