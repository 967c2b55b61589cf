import type { CallDocument } from '../../contract/call-document.ts';
import type { VocabularyEntry } from '../../contract/vocabulary-entry.ts';
import { compareCodeUnits } from '../../shared/compare-code-units.ts';
import type { CallPartitions, CallSegment } from './call-partitions.ts';
import { deepFreeze } from './deep-freeze.ts';
import { createDocumentColumns } from './document-columns.ts';

/**
 * The account vocabularies (`call_vocabularies`, DESIGN 2.4) as partitions of the same shape
 * the calls have, one per tenant, so a vocabulary pipeline runs through the very path a calls
 * pipeline takes (scope narrowing, the compiled executor, mingo as its reference). Entries
 * have no time: each partition is in `kind`, `value` order and every time reads as 0, so only
 * the tenant narrows (no vocabulary pipeline bounds `started_at`).
 *
 * The segments' documents are typed `CallDocument` because that is what the executor's
 * segments carry; it reads them as plain records by field name and never by that type.
 */
export function createVocabularyPartitions(entries: readonly VocabularyEntry[]): CallPartitions {
  entries.forEach(checkTenant);
  const byTenant = new Map<string, VocabularyEntry[]>();
  for (const entry of entries) {
    const docs = byTenant.get(entry.tenant_id);
    if (docs) docs.push(deepFreeze(entry));
    else byTenant.set(entry.tenant_id, [deepFreeze(entry)]);
  }
  const tenants = [...byTenant.keys()].sort(compareCodeUnits);
  const segments = new Map<string, CallSegment>();
  for (const tenant of tenants) {
    const sorted = (byTenant.get(tenant) ?? []).sort((a, b) => compareCodeUnits(a.kind, b.kind) || compareCodeUnits(a.value, b.value));
    const docs = Object.freeze(sorted) as unknown as readonly CallDocument[];
    const times = new Float64Array(docs.length);
    segments.set(tenant, { docs, start: 0, end: docs.length, columns: createDocumentColumns({ docs, times }) });
  }
  return {
    size: entries.length,
    tenants,
    select(scope) {
      const wanted = scope.tenants ? [...new Set(scope.tenants)].sort(compareCodeUnits) : tenants;
      return wanted.flatMap((tenant) => segments.get(tenant) ?? []);
    },
  };
}

function checkTenant(entry: VocabularyEntry, index: number): void {
  if (typeof entry !== 'object' || entry === null) throw new TypeError(`vocabularies[${index}] is not an object`);
  if (typeof entry.tenant_id !== 'string') throw new TypeError(`vocabularies[${index}]: tenant_id is not a string`);
}
