import { types } from 'node:util';
import type { CallDocument } from '../../contract/call-document.ts';
import { compareCodeUnits } from '../../shared/compare-code-units.ts';
import { deepFreeze } from './deep-freeze.ts';
import { createDocumentColumns, type DocumentColumns } from './document-columns.ts';
import type { NarrowedScope, TimeBound } from './narrow-scope.ts';

/** A run of consecutive documents of one partition: `docs[start]` up to, not including, `docs[end]`. */
export interface CallSegment {
  readonly docs: readonly CallDocument[];
  readonly start: number;
  readonly end: number;
  /** Cached field columns of the whole partition, indexed like `docs`. */
  readonly columns: DocumentColumns;
}

/** The store's documents, one partition per tenant, each sorted by `started_at` then `_id`. */
export interface CallPartitions {
  /** Number of documents over all partitions. */
  readonly size: number;
  /** Tenant ids in code-unit order. */
  readonly tenants: readonly string[];
  /**
   * The segments that hold exactly the documents of the scope's tenants (all when absent)
   * inside its time bounds: tenant-id order, then `started_at`, then `_id`. Empty segments
   * are left out. O(tenants × log n); no document is copied.
   */
  select(scope: Pick<NarrowedScope, 'tenants' | 'from' | 'to'>): CallSegment[];
}

interface Partition {
  readonly docs: readonly CallDocument[];
  /** `started_at` in epoch ms, parallel to `docs`: binary search without a method call per probe. */
  readonly times: Float64Array;
  readonly columns: DocumentColumns;
}

/**
 * Freezes every document (deeply: `tags`, `payload` and anything nested) in place and sorts
 * the documents into per-tenant partitions. Throws a `TypeError` naming the index of a
 * document without a string `tenant_id` or a valid `started_at` Date, because narrowing
 * relies on both.
 */
export function createCallPartitions(calls: readonly CallDocument[]): CallPartitions {
  // Check everything before freezing anything, so a rejected list is left as it was.
  calls.forEach(checkScopeFields);
  const byTenant = new Map<string, CallDocument[]>();
  for (const call of calls) {
    const docs = byTenant.get(call.tenant_id);
    if (docs) docs.push(deepFreeze(call));
    else byTenant.set(call.tenant_id, [deepFreeze(call)]);
  }

  const tenants = [...byTenant.keys()].sort(compareCodeUnits);
  const partitions = new Map<string, Partition>();
  for (const tenant of tenants) {
    const docs = sortByStart(byTenant.get(tenant) ?? []);
    const times = Float64Array.from(docs, (d) => d.started_at.getTime());
    partitions.set(tenant, { docs: Object.freeze(docs), times, columns: createDocumentColumns({ docs, times }) });
  }

  return {
    size: calls.length,
    tenants,
    select(scope) {
      const segments: CallSegment[] = [];
      const wanted = scope.tenants ? [...new Set(scope.tenants)].sort(compareCodeUnits) : tenants;
      for (const tenant of wanted) {
        const partition = partitions.get(tenant);
        if (!partition) continue;
        const start = scope.from ? lowerIndex(partition.times, scope.from) : 0;
        const end = scope.to ? upperIndex(partition.times, scope.to) : partition.docs.length;
        if (start < end) segments.push({ docs: partition.docs, start, end, columns: partition.columns });
      }
      return segments;
    },
  };
}

function checkScopeFields(call: CallDocument, index: number): void {
  if (typeof call !== 'object' || call === null) throw new TypeError(`calls[${index}] is not an object`);
  if (typeof call.tenant_id !== 'string') throw new TypeError(`calls[${index}]: tenant_id is not a string`);
  if (!types.isDate(call.started_at) || Number.isNaN(call.started_at.getTime())) {
    throw new TypeError(`calls[${index}]: started_at is not a valid Date`);
  }
}

function sortByStart(docs: CallDocument[]): CallDocument[] {
  // Times are read once up front; ids only on (rare) ties.
  const keyed = docs.map((doc) => ({ doc, at: doc.started_at.getTime() }));
  keyed.sort((a, b) => a.at - b.at || compareCodeUnits(String(a.doc._id), String(b.doc._id)));
  return keyed.map((k) => k.doc);
}

/** First index whose time is inside the lower bound. */
function lowerIndex(times: Float64Array, bound: TimeBound): number {
  return partitionPoint(times, (t) => (bound.inclusive ? t < bound.at : t <= bound.at));
}

/** First index past the upper bound. */
function upperIndex(times: Float64Array, bound: TimeBound): number {
  return partitionPoint(times, (t) => (bound.inclusive ? t <= bound.at : t < bound.at));
}

/** Index of the first element for which `before` is false; `times` is sorted so `before` flips once. */
function partitionPoint(times: Float64Array, before: (t: number) => boolean): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(times[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
