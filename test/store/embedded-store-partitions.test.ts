import { describe, expect, it } from 'vitest';
import type { CallDocument } from '../../src/contract/call-document.ts';
import { type CallSegment, createCallPartitions } from '../../src/store/embedded/call-partitions.ts';
import type { NarrowedScope } from '../../src/store/embedded/narrow-scope.ts';
import { createScanSource } from '../../src/store/embedded/scan-source.ts';

const at = (hour: number) => Date.UTC(2024, 2, 1, hour);
const call = (id: string, tenant: string, hour: number): CallDocument => ({
  _id: id,
  tenant_id: tenant,
  user_email: `${tenant}@example.test`,
  started_at: new Date(at(hour)),
  channel: 'phone',
  direction: 'inbound',
  status: 'completed',
});

// Out of order on purpose; t-b has a tie at hour 2 broken by _id.
const CALLS = [
  call('b3', 't-b', 5), call('a1', 't-a', 1), call('b2', 't-b', 2), call('a3', 't-a', 3),
  call('b1', 't-b', 2), call('a2', 't-a', 2), call('c1', 't-c', 0), call('a4', 't-a', 4),
];

function ids(segments: CallSegment[]): string[] {
  return segments.flatMap((s) => s.docs.slice(s.start, s.end).map((d) => d._id as string));
}

describe('createCallPartitions().select', () => {
  const partitions = createCallPartitions(CALLS);
  const inc = (hour: number) => ({ at: at(hour), inclusive: true });
  const exc = (hour: number) => ({ at: at(hour), inclusive: false });

  it.each<{ name: string; scope: Pick<NarrowedScope, 'tenants' | 'from' | 'to'>; expected: string[] }>([
    { name: 'everything, tenant-id order, time order inside', scope: {}, expected: ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'c1'] },
    { name: 'one tenant', scope: { tenants: ['t-b'] }, expected: ['b1', 'b2', 'b3'] },
    { name: 'inclusive bounds on exact times', scope: { tenants: ['t-a'], from: inc(2), to: inc(3) }, expected: ['a2', 'a3'] },
    { name: 'exclusive bounds on exact times', scope: { tenants: ['t-a'], from: exc(1), to: exc(4) }, expected: ['a2', 'a3'] },
    { name: 'ties are all kept at a bound', scope: { from: inc(2), to: inc(2) }, expected: ['a2', 'b1', 'b2'] },
    { name: 'lower bound only, across tenants', scope: { from: exc(3) }, expected: ['a4', 'b3'] },
    { name: 'unknown tenant', scope: { tenants: ['t-z'] }, expected: [] },
    { name: 'listed tenants only', scope: { tenants: ['t-a', 't-c'], to: inc(1) }, expected: ['a1', 'c1'] },
    { name: 'reversed range', scope: { from: inc(4), to: inc(1) }, expected: [] },
  ])('$name', ({ scope, expected }) => {
    expect(ids(partitions.select(scope))).toEqual(expected);
  });

  it('counts documents and lists tenants', () => {
    expect(partitions.size).toBe(8);
    expect(partitions.tenants).toEqual(['t-a', 't-b', 't-c']);
  });
});

describe('createScanSource', () => {
  it('pulls the segments in order, then stays done', () => {
    const partitions = createCallPartitions(CALLS.map((c) => ({ ...c })));
    const pull = createScanSource({ segments: partitions.select({ tenants: ['t-b', 't-a'], from: { at: at(1), inclusive: false } }) });
    const seen: string[] = [];
    for (let step = pull(); !step.done; step = pull()) seen.push(step.value?._id as string);
    expect(seen).toEqual(['a2', 'a3', 'a4', 'b1', 'b2', 'b3']);
    expect(pull().done).toBe(true);
  });

  it('pulls nothing from no segments', () => {
    expect(createScanSource({ segments: [] })().done).toBe(true);
  });
});
