import { CompiledBailout } from './compiled-errors.ts';
import { compareCodePoints } from '../../../shared/compare-code-points.ts';

/**
 * MongoDB's value semantics for the JavaScript values a call document can hold: BSON type
 * ranks, comparison order, equality, truthiness and a canonical key for grouping. `undefined`
 * stands for a missing field throughout the compiled executor.
 */

/**
 * Canonical BSON type ranks, in MongoDB's comparison order. Missing sorts below null in
 * expression comparisons (`$lt: ['$missing', null]` is true on MongoDB); sorts and `$min`/
 * `$max` treat the two alike, which callers arrange by mapping missing to null first.
 */
export const RANK = {
  MISSING: 0,
  NULL: 5,
  NUMBER: 10,
  STRING: 15,
  OBJECT: 20,
  ARRAY: 25,
  OBJECT_ID: 35,
  BOOLEAN: 40,
  DATE: 45,
} as const;

/** A plain object (a document or sub-document), not a Date, array or class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A bson `ObjectId` (by its `_bsontype` tag, so any copy of the bson package counts). */
function isObjectId(value: object): value is { toHexString(): string } {
  return (value as { _bsontype?: unknown })._bsontype === 'ObjectId' && typeof (value as { toHexString?: unknown }).toHexString === 'function';
}

/** The BSON rank of a value; anything the executor does not model bails out to mingo. */
export function rankOf(value: unknown): number {
  switch (typeof value) {
    case 'number':
      return RANK.NUMBER;
    case 'string':
      return RANK.STRING;
    case 'boolean':
      return RANK.BOOLEAN;
    case 'undefined':
      return RANK.MISSING;
    case 'object':
      if (value === null) return RANK.NULL;
      if (Array.isArray(value)) return RANK.ARRAY;
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) break;
        return RANK.DATE;
      }
      if (isPlainObject(value)) return RANK.OBJECT;
      if (isObjectId(value)) return RANK.OBJECT_ID;
      break;
  }
  throw new CompiledBailout(`a value the compiled executor does not model (${describe(value)})`);
}

function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  return value.constructor?.name ?? 'object';
}

/** MongoDB string order (code points); see src/shared/compare-code-points.ts. */
export const compareStrings = compareCodePoints;

/** Numbers in MongoDB order: NaN below every other number and equal to itself. */
export function compareNumbers(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  const aNaN = Number.isNaN(a);
  const bNaN = Number.isNaN(b);
  return aNaN === bNaN ? 0 : aNaN ? -1 : 1;
}

/**
 * Total order over the modelled values, as MongoDB compares them: by canonical type rank
 * first (missing < null < numbers < strings < objects < arrays < ObjectIds < booleans <
 * dates), then by value. Objects compare field by field in stored order (type rank, then
 * field name, then value); arrays element by element; the shorter prefix sorts first.
 */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  const ra = rankOf(a);
  const rb = rankOf(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case RANK.NUMBER:
      return compareNumbers(a as number, b as number);
    case RANK.STRING:
      return compareStrings(a as string, b as string);
    case RANK.BOOLEAN:
      return a === b ? 0 : a ? 1 : -1;
    case RANK.DATE:
      return compareNumbers((a as Date).getTime(), (b as Date).getTime());
    case RANK.OBJECT_ID:
      return compareStrings((a as { toHexString(): string }).toHexString(), (b as { toHexString(): string }).toHexString());
    case RANK.OBJECT:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>);
    case RANK.ARRAY:
      return compareArrays(a as unknown[], b as unknown[]);
    default:
      return 0; // null, missing
  }
}

function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const va = a[ka[i]];
    const vb = b[kb[i]];
    const byType = rankOf(va) - rankOf(vb);
    if (byType !== 0) return byType < 0 ? -1 : 1;
    const byName = compareStrings(ka[i], kb[i]);
    if (byName !== 0) return byName;
    const byValue = compareValues(va, vb);
    if (byValue !== 0) return byValue;
  }
  return ka.length === kb.length ? 0 : ka.length < kb.length ? -1 : 1;
}

function compareArrays(a: readonly unknown[], b: readonly unknown[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    // Inside arrays a missing element cannot occur; holes read as null.
    const c = compareValues(a[i] ?? null, b[i] ?? null);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** MongoDB equality of two present values (1 equals 1.0, Dates by instant, objects in key order). */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return compareValues(a, b) === 0;
}

/**
 * MongoDB's truthiness in `$cond`, `$switch` and `$not`: false, null, missing and numeric
 * zero are false; everything else (the empty string, NaN, empty arrays) is true. mingo
 * treats NaN as false.
 */
export function truthy(value: unknown): boolean {
  return value !== false && value !== null && value !== undefined && value !== 0;
}

/**
 * A string that two values share exactly when MongoDB groups them together: numbers by
 * value (1 and 1.0, 0 and -0 alike), Dates by instant, objects by fields in order, arrays by
 * elements. Missing and null get distinct keys; callers decide whether they merge.
 */
export function canonicalKey(value: unknown): string {
  switch (rankOf(value)) {
    case RANK.MISSING:
      return 'm';
    case RANK.NULL:
      return 'z';
    case RANK.NUMBER:
      return Object.is(value, -0) ? 'n0' : `n${value as number}`;
    case RANK.STRING:
      return `s${JSON.stringify(value)}`;
    case RANK.BOOLEAN:
      return value ? 't' : 'f';
    case RANK.DATE:
      return `d${(value as Date).getTime()}`;
    case RANK.OBJECT_ID:
      return `o${(value as { toHexString(): string }).toHexString()}`;
    case RANK.ARRAY:
      return `[${(value as unknown[]).map((item) => canonicalKey(item ?? null)).join(',')}]`;
    default: {
      const object = value as Record<string, unknown>;
      return `{${Object.keys(object).map((key) => `${JSON.stringify(key)}:${canonicalKey(object[key])}`).join(',')}}`;
    }
  }
}

/**
 * A fresh, unfrozen copy of an output value: plain objects and arrays are rebuilt, Dates
 * copied; ObjectIds and other class instances are shared, as mingo's output cloning does.
 */
export function cloneValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const copy = new Array(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = cloneValue(value[i]);
    return copy;
  }
  if (value instanceof Date) return new Date(value.getTime());
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) setField(copy, key, cloneValue(value[key]));
  return copy;
}

/** `target[key] = value`, also for a key named `__proto__` (which `=` would turn into a prototype change). */
export function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
