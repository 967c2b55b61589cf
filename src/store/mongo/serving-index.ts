import type { Pipeline } from '../../contract/pipeline.ts';
import type { IndexDefinition } from './indexes.ts';

/** How one declared index serves a pipeline's leading `$match` (and the `$sort` right after it). */
export interface ServingIndex {
  name: string;
  /** Equality fields of the match bound by the index's leading keys. */
  equality: string[];
  /** The sort right after the `$match`, read in index order (forwards or backwards); empty: none. */
  sort: string[];
  /** Range fields bounded by the index. */
  range: string[];
  /** Every field the `$match` reads is in the index, so a stage that reads no field needs no document. */
  covers: boolean;
}

/** The range every dialgraph query has, on the field the shard key and the indexes end with. */
const TIME_FIELD = 'started_at';

type Shape = { equality: Set<string>; range: Set<string>; fields: Set<string>; or: Record<string, unknown>[][] };

/**
 * A static plan check, in MongoDB's equality → sort → range (ESR) terms: the declared index
 * that bounds a pipeline's leading `$match` best (most equality fields, then the range) and,
 * when a `$sort` follows it directly (the calls list's page), returns the rows in that order,
 * or null when none does. A `$or` is served when each branch (with the conditions beside it)
 * is served by the same index. The MongoDB suite confirms the same with `explain`.
 */
export function servingIndex(pipeline: Pipeline, indexes: readonly IndexDefinition[]): ServingIndex | null {
  const first = pipeline[0] as { $match?: Record<string, unknown> } | undefined;
  if (!first?.$match) return null;
  const next = pipeline[1] as { $sort?: Record<string, 1 | -1> } | undefined;
  const sort = next?.$sort ? Object.entries(next.$sort) : [];
  const shape = shapeOf(first.$match);
  // The `$or` as a residual filter, or (when every branch is served by one index) as the bounds.
  const plain = best(shape, sort, indexes);
  const branched = shape.or.length ? orBranches(first.$match, sort, indexes) : null;
  if (branched && (!plain || score(branched) > score(plain))) return branched;
  return plain;
}

function orBranches(match: Record<string, unknown>, sort: [string, 1 | -1][], indexes: readonly IndexDefinition[]): ServingIndex | null {
  let common: ServingIndex | null = null;
  for (const branch of match.$or as Record<string, unknown>[]) {
    const served = best(shapeOf({ ...withoutOr(match), ...branch }), sort, indexes);
    if (!served || (common && served.name !== common.name)) return null;
    common = served;
  }
  return common;
}

function score(served: ServingIndex): number {
  return served.equality.length * 10 + served.range.length + (served.covers ? 0.5 : 0);
}

function withoutOr(match: Record<string, unknown>): Record<string, unknown> {
  const { $or: _or, ...rest } = match;
  return rest;
}

function shapeOf(match: Record<string, unknown>): Shape {
  const shape: Shape = { equality: new Set(), range: new Set(), fields: new Set(), or: [] };
  for (const [field, value] of Object.entries(match)) {
    if (field === '$or' && Array.isArray(value)) {
      shape.or.push(value as Record<string, unknown>[]);
      for (const branch of value as Record<string, unknown>[]) for (const key of Object.keys(branch)) shape.fields.add(key);
      continue;
    }
    if (field.startsWith('$')) {
      // $and and the like: only their fields count, for coverage.
      for (const key of JSON.stringify(value).match(/"([a-z_][a-z_.]*)"\s*:/g) ?? []) shape.fields.add(key.slice(1, key.indexOf('"', 1)));
      continue;
    }
    shape.fields.add(field);
    if (isEquality(value)) shape.equality.add(field);
    else if (isRange(value)) shape.range.add(field);
  }
  return shape;
}

function isEquality(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value !== null;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === '$eq' || (keys[0] === '$in' && Array.isArray((value as { $in: unknown }).$in)));
}

function isRange(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || value instanceof Date) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => ['$gte', '$gt', '$lte', '$lt'].includes(key));
}

function best(shape: Shape, sort: [string, 1 | -1][], indexes: readonly IndexDefinition[]): ServingIndex | null {
  let chosen: ServingIndex | null = null;
  let chosenScore = -1;
  for (const index of indexes) {
    const served = serves(index, shape, sort);
    if (!served) continue;
    if (score(served) > chosenScore) {
      chosen = served;
      chosenScore = score(served);
    }
  }
  return chosen;
}

function serves(index: IndexDefinition, shape: Shape, sort: [string, 1 | -1][]): ServingIndex | null {
  const keys = Object.entries(index.key);
  let at = 0;
  const equality: string[] = [];
  while (at < keys.length && shape.equality.has(keys[at][0])) equality.push(keys[at++][0]);
  // The first key must be bound (equality, or the range itself), or the scan is the whole index.
  if (equality.length === 0 && !shape.range.has(keys[0][0])) return null;
  // A tenant query must be bounded by its tenant.
  if (shape.equality.has('tenant_id') && !equality.includes('tenant_id')) return null;
  const sorted: string[] = [];
  let direction = 0;
  for (const [field, wanted] of sort) {
    if (shape.equality.has(field) && equality.includes(field)) continue;
    if (keys[at]?.[0] !== field) return null;
    const relative = keys[at][1] * wanted;
    if (direction !== 0 && relative !== direction) return null;
    direction = relative;
    sorted.push(field);
    at += 1;
  }
  // Ranges bound the keys after the sort: the sorted ones, then the next keys while they are ranges.
  const range = sorted.filter((field) => shape.range.has(field));
  while (at < keys.length && shape.range.has(keys[at][0])) range.push(keys[at++][0]);
  // The time range must bound the scan (it is what keeps a query small); other ranges may filter.
  if (shape.range.has(TIME_FIELD) && !range.includes(TIME_FIELD)) return null;
  const indexed = new Set(keys.map(([field]) => field));
  return { name: index.name, equality, sort: sorted, range, covers: [...shape.fields].every((field) => indexed.has(field)) };
}
