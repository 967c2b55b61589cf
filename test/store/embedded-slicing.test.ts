import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallDocument } from '../../src/contract/call-document.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { QueryTimeoutError } from '../../src/store/errors.ts';
import { call, calls, KEYS } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';

/**
 * The compiled executor scans in slices and yields between them: a cheap pipeline started
 * after a heavy one finishes first. Orderings and a stepped clock only, no timings.
 */
function fixture(): CallDocument[] {
  const heavy = Array.from({ length: 20_000 }, (_, i) =>
    call({ tenant_id: 'heavy', started_at: new Date(Date.UTC(2026, 0, 1) + i * 1000), status: i % 2 ? 'completed' : 'busy' }),
  );
  return [...heavy, ...calls(5, { tenant_id: 'cheap', started_at: '2026-01-01T00:00:00Z' })];
}

const byStatus = (tenant: string) => [{ $match: { tenant_id: tenant } }, { $group: { _id: '$status', n: { $sum: 1 } } }];

async function finishingOrder(slicing: { checkEvery: number; sliceMs: number }): Promise<string[]> {
  const store = createEmbeddedStore({ calls: fixture(), slicing });
  const order: string[] = [];
  const heavy = store.aggregate(byStatus('heavy')).then((rows) => order.push(`heavy:${rows.length}`));
  const cheap = store.aggregate(byStatus('cheap')).then((rows) => order.push(`cheap:${rows.length}`));
  await Promise.all([heavy, cheap]);
  expect(store.engineRuns).toEqual({ mingo: 0, compiled: 2 });
  return order;
}

afterEach(() => vi.restoreAllMocks());

describe('compiled executor slices', () => {
  it('lets a cheap pipeline finish while a heavy one is still scanning', async () => {
    expect(await finishingOrder({ checkEvery: 256, sliceMs: 0 })).toEqual(['cheap:1', 'heavy:2']);
  });

  it('(control) without a slice boundary the heavy scan holds the thread to its end', async () => {
    expect(await finishingOrder({ checkEvery: 256, sliceMs: Number.POSITIVE_INFINITY })).toEqual(['heavy:2', 'cheap:1']);
  });

  it('gives the same rows however small the slices are', async () => {
    const docs = fixture();
    const whole = createEmbeddedStore({ calls: docs, slicing: { checkEvery: 1 << 30, sliceMs: Number.POSITIVE_INFINITY } });
    const sliced = createEmbeddedStore({ calls: docs, slicing: { checkEvery: 7, sliceMs: 0 } });
    const pipeline = [{ $match: { tenant_id: 'heavy' } }, { $sort: { started_at: -1 } }, { $limit: 3 }, { $project: { _id: 1 } }];
    expect(await sliced.aggregate(pipeline)).toEqual(await whole.aggregate(pipeline));
    expect(await sliced.aggregate(byStatus('heavy'))).toEqual(await whole.aggregate(byStatus('heavy')));
  });

  it('checks the deadline after a yield', async () => {
    const store = createEmbeddedStore({ calls: fixture(), slicing: { checkEvery: 256, sliceMs: 0 } });
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 10));
    await expect(store.aggregate(byStatus('heavy'), { maxTimeMS: 1000 })).rejects.toThrow(QueryTimeoutError);
    expect(store.engineRuns).toEqual({ mingo: 0, compiled: 1 });
  });
});

describe('time budget through the gateway', () => {
  it('answers QUERY_TIMEOUT with HTTP 504 when a pipeline runs over --max-time-ms and no data comes back', async () => {
    const gateway = testGateway({
      calls: Array.from({ length: 20_000 }, (_, i) => call({ started_at: new Date(Date.UTC(2026, 0, 1) + i * 1000) })),
      now: '2026-01-10T00:00:00Z',
      config: { maxTimeMS: 50 },
    });
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 100));
    const response = await gateway.query(
      '{ groupedCalls(groupBy: [DATE], filter: { startDate: "2026-01-01", endDate: "2026-01-09" }) { count } }',
      {},
      KEYS.t1,
    );
    expect(response.status).toBe(504);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('QUERY_TIMEOUT');
    expect(response.body.data).toBeNull();
  });

  it('hands every pipeline the configured budget', async () => {
    const seen: (number | undefined)[] = [];
    const inner = createEmbeddedStore({ calls: calls(3, { started_at: '2026-01-05T00:00:00Z' }) });
    const gateway = testGateway({
      calls: [],
      now: '2026-01-10T00:00:00Z',
      config: { maxTimeMS: 1234 },
      store: { ...inner, engine: 'embedded', aggregate: (pipeline, options) => (seen.push(options?.maxTimeMS), inner.aggregate(pipeline, options)), findApiKeys: async () => (await import('../support/calls.ts')).testKeys(), close: async () => {} },
    });
    const response = await gateway.query(
      `{ a: groupedCalls { count }
         b: analyticsQuery(input: { queryType: CALL_COUNT }) { total }
         c: callsByPhoneNumber { totalCalls }
         d: calls(search: { dayFrom: "2026-01-01", dayTo: "2026-01-09" }) { totalItems }
         e: callStats(search: { dayFrom: "2026-01-01", dayTo: "2026-01-09" }) { tagsSuccess } }`,
      {},
      KEYS.t1,
    );
    expect(response.body.errors).toBeUndefined();
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(new Set(seen)).toEqual(new Set([1234]));
  });
});
