import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallDocument } from '../../src/contract/call-document.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { QueryTimeoutError } from '../../src/store/errors.ts';
import type { Pipeline, Stage } from '../../src/contract/pipeline.ts';
import { call, calls } from '../support/calls.ts';

/**
 * The work after the scan (a group map of many groups into rows, sorting them) is sliced like
 * the scan: it yields to the event loop and checks the deadline. The scan itself is kept from
 * ever looking at the clock here (`checkEvery` past the document count), so every yield and
 * every timeout below comes from the post-scan work. Orderings and a stepped clock only.
 */
const HEAVY = 12_000;
function fixture(): CallDocument[] {
  const heavy = Array.from({ length: HEAVY }, (_, i) =>
    call({ tenant_id: 'heavy', started_at: new Date(Date.UTC(2026, 0, 1) + i * 1000), duration_sec: (i * 7919) % 1000, status: i % 3 ? 'completed' : 'busy' }),
  );
  return [...heavy, ...calls(5, { tenant_id: 'cheap', started_at: '2026-01-01T00:00:00Z' })];
}

/** One group per call, then a sort of all of them: nearly all the work is after the scan. */
const groupsSorted = (tenant: string, more: Stage[] = []): Pipeline => [
  { $match: { tenant_id: tenant } },
  { $group: { _id: '$started_at', d: { $sum: '$duration_sec' }, s: { $first: '$status' } } },
  { $sort: { d: -1, s: 1, _id: 1 } },
  ...more,
];
const NEVER = 1 << 30;

afterEach(() => vi.restoreAllMocks());

describe('post-scan work in slices', () => {
  it('lets a cheap pipeline finish while a heavy one is still grouping and sorting', async () => {
    const order = await finishingOrder(0);
    expect(order).toEqual(['cheap', 'heavy']);
  });

  it('(control) without a slice boundary the heavy sort holds the thread to its end', async () => {
    expect(await finishingOrder(Number.POSITIVE_INFINITY)).toEqual(['heavy', 'cheap']);
  });

  it('gives the same rows as the unsliced run and as a plain sort (merged runs, top-k, a $facet)', async () => {
    const docs = fixture();
    const whole = createEmbeddedStore({ calls: docs, slicing: { checkEvery: NEVER, sliceMs: Number.POSITIVE_INFINITY } });
    const sliced = createEmbeddedStore({ calls: docs, slicing: { checkEvery: NEVER, sliceMs: 0 } });
    const all = await sliced.aggregate<{ _id: Date; d: number; s: string }>(groupsSorted('heavy'));
    expect(all).toEqual(await whole.aggregate(groupsSorted('heavy')));
    expect(all).toHaveLength(HEAVY);
    const expected = [...all].sort((a, b) => b.d - a.d || a.s.localeCompare(b.s) || a._id.getTime() - b._id.getTime());
    expect(all).toEqual(expected);
    const top = [{ $limit: 25 }];
    expect(await sliced.aggregate(groupsSorted('heavy', top))).toEqual(all.slice(0, 25));
    const facet: Pipeline = [{ $match: { tenant_id: 'heavy' } }, { $group: { _id: '$started_at', d: { $sum: '$duration_sec' } } }, { $facet: { rows: [{ $sort: { d: 1, _id: -1 } }, { $limit: 3 }], n: [{ $count: 'n' }] } }];
    expect(await sliced.aggregate(facet)).toEqual(await whole.aggregate(facet));
    expect(sliced.engineRuns.mingo).toBe(0);
  });

  it('checks the deadline during the post-scan work', async () => {
    const store = createEmbeddedStore({ calls: fixture(), slicing: { checkEvery: NEVER, sliceMs: Number.POSITIVE_INFINITY } });
    expect(await store.aggregate(groupsSorted('heavy'), { maxTimeMS: 1000 })).toHaveLength(HEAVY);
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 50));
    await expect(store.aggregate(groupsSorted('heavy'), { maxTimeMS: 1000 })).rejects.toThrow(QueryTimeoutError);
    expect(store.engineRuns).toEqual({ mingo: 0, compiled: 2 });
  });
});

async function finishingOrder(sliceMs: number): Promise<string[]> {
  const store = createEmbeddedStore({ calls: fixture(), slicing: { checkEvery: NEVER, sliceMs } });
  const order: string[] = [];
  const heavy = store.aggregate(groupsSorted('heavy')).then(() => order.push('heavy'));
  const cheap = store.aggregate(groupsSorted('cheap')).then(() => order.push('cheap'));
  await Promise.all([heavy, cheap]);
  expect(store.engineRuns).toEqual({ mingo: 0, compiled: 2 });
  return order;
}
