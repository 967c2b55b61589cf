import { types } from 'node:util';
import type { Pipeline } from '../../contract/pipeline.ts';
import { compareCodeUnits } from '../../shared/compare-code-units.ts';

/** One end of a `started_at` range, in epoch milliseconds. */
export interface TimeBound {
  readonly at: number;
  /** `$gte`/`$lte` are inclusive, `$gt`/`$lt` are not. */
  readonly inclusive: boolean;
}

/** What the leading `$match` says about tenant and time, and the pipeline still to run. */
export interface NarrowedScope {
  /** Tenant partitions to read, sorted and unique; `undefined` reads every partition. */
  readonly tenants?: readonly string[];
  /** Lowest `started_at` to read; `undefined` means unbounded. */
  readonly from?: TimeBound;
  /** Highest `started_at` to read; `undefined` means unbounded. */
  readonly to?: TimeBound;
  /**
   * The pipeline to run over the narrowed documents: the first `$match` without the keys the
   * narrowing already applied (dropped when nothing is left). The very input array when
   * nothing was narrowed; the input is never mutated.
   */
  readonly pipeline: Pipeline;
}

const LOWER_OPERATORS = { $gte: true, $gt: false } as const;
const UPPER_OPERATORS = { $lte: true, $lt: false } as const;

/**
 * Reads the tenant/time scope the compilers always put first
 * (`{ $match: { tenant_id, started_at: { $gte, $lte }, ...rest } }`) so the embedded store can
 * hand the engine only the matching partition slice instead of scanning every document.
 *
 * Correctness comes first: a key whose shape is not recognised exactly (`$and`, `$expr`,
 * regexes, non-Date bounds, extra operators…) is left in the `$match` and not narrowed, so
 * the engine still applies it. Top-level `$match` keys are ANDed, so narrowing one key never
 * changes the meaning of the others.
 */
export function narrowScope(pipeline: Pipeline): NarrowedScope {
  const match = leadingMatch(pipeline);
  if (match === undefined) return { pipeline };

  const tenants = 'tenant_id' in match ? parseTenants(match.tenant_id) : undefined;
  const range = 'started_at' in match ? parseRange(match.started_at) : undefined;
  if (tenants === undefined && range === undefined) return { pipeline };

  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(match)) {
    if (key === 'tenant_id' && tenants !== undefined) continue;
    if (key === 'started_at' && range !== undefined) continue;
    rest[key] = value;
  }
  // An empty $match passes everything; dropping it saves the engine one pass.
  const remaining = Object.keys(rest).length > 0 ? [{ $match: rest }, ...pipeline.slice(1)] : pipeline.slice(1);
  return { tenants, from: range?.from, to: range?.to, pipeline: remaining };
}

function leadingMatch(pipeline: Pipeline): Record<string, unknown> | undefined {
  const first = pipeline[0];
  if (!isPlainObject(first) || Object.keys(first).length !== 1) return undefined;
  const match = first.$match;
  return isPlainObject(match) ? match : undefined;
}

function parseTenants(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  if (keys[0] === '$eq' && typeof value.$eq === 'string') return [value.$eq];
  if (keys[0] === '$in' && Array.isArray(value.$in) && value.$in.every((v) => typeof v === 'string')) {
    return [...new Set(value.$in as string[])].sort(compareCodeUnits);
  }
  return undefined;
}

function parseRange(value: unknown): { from?: TimeBound; to?: TimeBound } | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length === 0) return undefined;
  let from: TimeBound | undefined;
  let to: TimeBound | undefined;
  for (const key of keys) {
    const at = epochMillis(value[key]);
    if (at === undefined) return undefined;
    if (Object.hasOwn(LOWER_OPERATORS, key) && from === undefined) {
      from = { at, inclusive: LOWER_OPERATORS[key as keyof typeof LOWER_OPERATORS] };
    } else if (Object.hasOwn(UPPER_OPERATORS, key) && to === undefined) {
      to = { at, inclusive: UPPER_OPERATORS[key as keyof typeof UPPER_OPERATORS] };
    } else {
      // Any other operator, or two bounds on one side: let the engine apply it as written.
      return undefined;
    }
  }
  return { from, to };
}

/** Only real, valid Dates narrow: MongoDB compares a Date field with strings or numbers as never equal. */
function epochMillis(value: unknown): number | undefined {
  if (!types.isDate(value)) return undefined;
  const at = value.getTime();
  return Number.isNaN(at) ? undefined : at;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
