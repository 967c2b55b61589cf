import { describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/contract/pipeline.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import type { AggregateOptions, CallStore } from '../../src/store/call-store.ts';
import { type StoreCall, withDeadline, withInstrumentation } from '../../src/store/decorators/index.ts';
import { QueryTimeoutError } from '../../src/store/errors.ts';
import { testKeys } from '../support/calls.ts';

/** A store that records the options of every aggregate call and answers fixed rows. */
function recordingStore(answer: () => Promise<unknown[]>) {
  const seen: (AggregateOptions | undefined)[] = [];
  let closed = 0;
  const store: CallStore = {
    engine: 'embedded',
    aggregate: async <T>(_pipeline: Pipeline, options?: AggregateOptions) => {
      seen.push(options);
      return (await answer()) as T[];
    },
    findApiKeys: async (hashes) => testKeys().filter((key) => hashes.includes(key.key_hash)),
    close: async () => {
      closed += 1;
    },
  };
  return { store, seen, closed: () => closed };
}

const PIPELINE = compileCallQuery({ principal: { tenantId: 't1', userEmail: 'owner@t1.example', role: 'user' } });

describe('the CallStore port', () => {
  it('takes only the scoped pipeline compileCallQuery returns (a type error otherwise)', async () => {
    const { store, seen } = recordingStore(async () => []);
    const unscoped: Pipeline = [{ $match: {} }];
    // @ts-expect-error a hand-made pipeline has not been through the compiler's scope stage
    await store.aggregate(unscoped);
    await store.aggregate(PIPELINE);
    expect(PIPELINE).toEqual([{ $match: { tenant_id: 't1' } }]);
    expect(seen).toHaveLength(2);
  });
});

describe('withDeadline', () => {
  it('passes its maxTimeMS to calls that name none and keeps a call’s own', async () => {
    const { store, seen } = recordingStore(async () => []);
    const decorated = withDeadline(store, { maxTimeMS: 250 });
    await decorated.aggregate(PIPELINE);
    await decorated.aggregate(PIPELINE, { label: 'callsByPhoneNumber' });
    await decorated.aggregate(PIPELINE, { maxTimeMS: 40 });
    expect(seen).toEqual([{ maxTimeMS: 250 }, { label: 'callsByPhoneNumber', maxTimeMS: 250 }, { maxTimeMS: 40 }]);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses maxTimeMS %s', (maxTimeMS) => {
    const { store } = recordingStore(async () => []);
    expect(() => withDeadline(store, { maxTimeMS })).toThrow(/maxTimeMS must be a positive integer/);
  });
});

describe('withInstrumentation', () => {
  it('reports label, engine, rows and a time for each answered aggregation', async () => {
    const { store } = recordingStore(async () => [{ a: 1 }, { a: 2 }]);
    const observed: StoreCall[] = [];
    const decorated = withInstrumentation(store, { observe: (c) => observed.push(c) });
    expect(await decorated.aggregate(PIPELINE, { label: 'groupedCalls' })).toEqual([{ a: 1 }, { a: 2 }]);
    await decorated.aggregate(PIPELINE);
    expect(observed.map(({ ms, ...rest }) => rest)).toEqual([
      { pipeline: PIPELINE, label: 'groupedCalls', engine: 'embedded', rows: 2, error: undefined },
      { pipeline: PIPELINE, label: undefined, engine: 'embedded', rows: 2, error: undefined },
    ]);
    for (const { ms } of observed) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('reports a failed aggregation with its error and rethrows it unchanged', async () => {
    const failure = new QueryTimeoutError('over budget');
    const { store } = recordingStore(async () => {
      throw failure;
    });
    const observed: StoreCall[] = [];
    const decorated = withInstrumentation(store, { observe: (c) => observed.push(c) });
    await expect(decorated.aggregate(PIPELINE, { label: 'callStats' })).rejects.toBe(failure);
    expect(observed).toEqual([expect.objectContaining({ label: 'callStats', rows: 0, error: failure })]);
  });

  it('composes with withDeadline and forwards keys and close to the adapter', async () => {
    const { store, seen, closed } = recordingStore(async () => []);
    const observed: StoreCall[] = [];
    const decorated = withInstrumentation(withDeadline(store, { maxTimeMS: 99 }), { observe: (c) => observed.push(c) });
    expect(decorated.engine).toBe('embedded');
    await decorated.aggregate(PIPELINE, { label: 'x' });
    expect(seen).toEqual([{ label: 'x', maxTimeMS: 99 }]);
    expect(observed).toHaveLength(1);
    expect((await decorated.findApiKeys([testKeys()[0].key_hash])).map((k) => k.name)).toEqual(['t1']);
    await decorated.close();
    expect(closed()).toBe(1);
  });
});
