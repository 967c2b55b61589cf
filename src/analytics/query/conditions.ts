import type { CallDocument } from '../../contract/call-document.ts';
import type { Condition, Expression } from './expression.ts';

/**
 * Builders for query-language conditions on call documents. Field names come only from the
 * `CallDocument` contract (or a validated payload key); user values only ever become values,
 * never field paths or `$` keys.
 */
export type CallField = Exclude<keyof CallDocument, 'payload'>;

type Scalar = string | number | boolean | null;

export function equals(field: CallField, value: Scalar): Condition {
  return { [field]: value };
}

export function oneOf(field: CallField, values: readonly Scalar[]): Condition {
  return { [field]: { $in: [...values] } };
}

/** Inclusive bounds; an absent bound is open. Documents without the field never match. */
export function between(field: CallField, bounds: { min?: number | null; max?: number | null }): Condition | null {
  const range: Record<string, number> = {};
  if (bounds.min != null) range.$gte = bounds.min;
  if (bounds.max != null) range.$lte = bounds.max;
  return Object.keys(range).length ? { [field]: range } : null;
}

/**
 * Inclusive bounds on a field where a missing or null value counts as 0 (durations, dialer
 * timings): when 0 lies inside the bounds, calls without the field are kept as well. Query
 * language `{ field: null }` matches missing and null alike on both engines.
 */
export function betweenCountingMissingAsZero(field: CallField, bounds: { min?: number | null; max?: number | null }): Condition | null {
  const range = between(field, bounds);
  if (!range) return null;
  const containsZero = (bounds.min == null || bounds.min <= 0) && (bounds.max == null || bounds.max >= 0);
  return containsZero ? { $or: [range, { [field]: null }] } : range;
}

/** `false` means "not true": missing and null count as not qualified, as a person expects. */
export function isTrue(field: CallField, wanted: boolean): Condition {
  return wanted ? { [field]: true } : { [field]: { $ne: true } };
}

/** A payload field equals a value; `key` must already be validated (see payload-filters.ts). */
export function payloadEquals(key: string, value: Scalar): Condition {
  return { [`payload.${key}`]: value };
}

/** Case-insensitive literal substring on any of the fields: the text is escaped, never a pattern. */
export function containsText(fields: readonly CallField[], text: string): Condition {
  const pattern = escapeRegExp(text);
  return { $or: fields.map((field) => ({ [field]: { $regex: pattern, $options: 'i' } })) };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * AND-s conditions into one `$match` body. Keys are merged while they do not collide (so the
 * engines can use indexes and the embedded store can narrow on top-level keys); colliding
 * conditions go under `$and`.
 */
export function combineConditions(conditions: readonly (Condition | null | undefined)[]): Record<string, Expression> {
  const merged: Record<string, Expression> = {};
  const overflow: Condition[] = [];
  for (const condition of conditions) {
    if (!condition) continue;
    for (const [key, value] of Object.entries(condition)) {
      if (key in merged || key === '$and') overflow.push({ [key]: value });
      else merged[key] = value;
    }
  }
  if (overflow.length) merged.$and = overflow;
  return merged;
}

export type { Expression };
