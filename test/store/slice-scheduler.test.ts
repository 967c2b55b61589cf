import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallDocument } from '../../src/contract/call-document.ts';
import type { Pipeline } from '../../src/contract/pipeline.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { createSliceScheduler, type SliceScheduler } from '../../src/store/embedded/slice-scheduler.ts';
import { QueryTimeoutError } from '../../src/store/errors.ts';
import { call, calls } from '../support/calls.ts';

/**
 * The embedded engine's slices are handed out one per event-loop turn, round-robin by tenant:
 * a cheap pipeline of tenant B waits for at most about one slice of tenant A, however many
 * pipelines A has in flight. Orderings and counts of slices only, no timings.
 */
const HEAVY = 20_000;
function fixture(): CallDocument[] {
  const heavy = Array.from({ length: HEAVY }, (_, i) =>
    call({ tenant_id: 'a', started_at: new Date(Date.UTC(2026, 0, 1) + i * 1000), status: i % 2 ? 'completed' : 'busy', duration_sec: i % 97 }),
  );
  return [...heavy, ...calls(5, { tenant_id: 'b', started_at: '2026-01-01T00:00:00Z' })];
}
const byStatus = (tenant: string, field = 'status'): Pipeline => [{ $match: { tenant_id: tenant } }, { $group: { _id: `$${field}`, n: { $sum: 1 } } }];
const NEVER = 1 << 30;

/** Records which lane each granted turn went to (in grant order). */
function logged(inner: SliceScheduler, log: string[]): SliceScheduler {
  return {
    turn: (lane) => inner.turn(lane).then(() => void log.push(lane)),
    get waiting() {
      return inner.waiting;
    },
  };
}

/** The scheduling before this one: every run took a slice on every loop turn. */
const everyRunEachTurn: SliceScheduler = { turn: () => new Promise<void>((resolve) => setImmediate(resolve)), waiting: 0 };

/**
 * Four heavy pipelines of tenant a in flight (tiny slices), then one cheap pipeline of b: how
 * many slices of a ran between b's start and its answer.
 */
async function slicesOfABeforeB(scheduler: SliceScheduler): Promise<number> {
  const log: string[] = [];
  const store = createEmbeddedStore({ calls: fixture(), slicing: { checkEvery: 64, sliceMs: 0 }, scheduler: logged(scheduler, log) });
  const heavy = Array.from({ length: 4 }, () => store.aggregate(byStatus('a')));
  while (log.length < 12) await new Promise((resolve) => setImmediate(resolve));
  const from = log.length;
  let heavyDone = 0;
  for (const run of heavy) void run.then(() => (heavyDone += 1));
  await store.aggregate(byStatus('b'));
  const during = log.slice(from).filter((lane) => lane === 'a').length;
  expect(heavyDone).toBe(0);
  await Promise.all(heavy);
  expect(store.engineRuns).toEqual({ mingo: 0, compiled: 5 });
  return during;
}

afterEach(() => vi.restoreAllMocks());

describe('slice scheduler', () => {
  it('grants one turn per loop turn, round-robin over lanes, first in first out within a lane', async () => {
    const deferred: (() => void)[] = [];
    const scheduler = createSliceScheduler({ defer: (callback) => deferred.push(callback) });
    const order: string[] = [];
    for (const [lane, run] of [['a', 'a1'], ['a', 'a2'], ['a', 'a3'], ['b', 'b1'], ['c', 'c1'], ['b', 'b2']]) {
      void scheduler.turn(lane).then(() => order.push(run));
    }
    expect(scheduler.waiting).toBe(6);
    for (let turn = 0; deferred.length; turn++) {
      deferred.shift()!();
      await Promise.resolve();
      expect(order).toHaveLength(turn + 1); // exactly one run per loop turn
    }
    expect(order).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
    expect(scheduler.waiting).toBe(0);
  });

  it('gives the next turn to another waiting lane before the lane that just had one', async () => {
    const deferred: (() => void)[] = [];
    const scheduler = createSliceScheduler({ defer: (callback) => deferred.push(callback) });
    const order: string[] = [];
    void scheduler.turn('a').then(() => order.push('a1'));
    deferred.shift()!();
    await Promise.resolve();
    // a, back for its next slice, queues before b arrives; b still goes first.
    void scheduler.turn('a').then(() => order.push('a2'));
    void scheduler.turn('b').then(() => order.push('b1'));
    while (deferred.length) {
      deferred.shift()!();
      await Promise.resolve();
    }
    expect(order).toEqual(['a1', 'b1', 'a2']);
  });

  it('lets a cheap pipeline of tenant b through after at most one slice of tenant a, with four of a in flight', async () => {
    expect(await slicesOfABeforeB(createSliceScheduler())).toBeLessThanOrEqual(1);
  });

  it('(control) when every run takes a slice on every loop turn, b waits for all four of a', async () => {
    expect(await slicesOfABeforeB(everyRunEachTurn)).toBeGreaterThanOrEqual(4);
  });
});

describe('cold columns are built in slices', () => {
  // The scan never looks at the clock here and two groups leave no post-scan work, so every
  // yield and timeout below comes from building the partition's `status` column.
  it('lets another tenant finish while a cold column is being built', async () => {
    const store = createEmbeddedStore({ calls: fixture(), slicing: { checkEvery: NEVER, sliceMs: 0 } });
    const order: string[] = [];
    await Promise.all([store.aggregate(byStatus('a')).then(() => order.push('a')), store.aggregate(byStatus('b')).then(() => order.push('b'))]);
    expect(order).toEqual(['b', 'a']);
    // Built once: the same answer from the cached column.
    expect(await store.aggregate(byStatus('a'))).toEqual(await store.aggregate(byStatus('a')));
  });

  it('reads only own fields into a column, even names that Object.prototype has', async () => {
    const docs = [
      call({ tenant_id: 'p', started_at: '2026-01-01T00:00:00Z' }),
      call({ tenant_id: 'p', started_at: '2026-01-01T00:01:00Z', ...({ constructor: 'own', toString: 3 } as object) }),
    ];
    const pipeline: Pipeline = [{ $match: { tenant_id: 'p' } }, { $group: { _id: { c: '$constructor', t: '$toString', s: '$status' }, n: { $sum: 1 } } }];
    const compiled = createEmbeddedStore({ calls: docs });
    const rows = await compiled.aggregate(pipeline);
    expect(compiled.engineRuns).toEqual({ mingo: 0, compiled: 1 });
    expect(rows).toEqual(await createEmbeddedStore({ calls: docs, executor: 'mingo' }).aggregate(pipeline));
    expect(rows).toEqual([
      { _id: { s: 'completed' }, n: 1 },
      { _id: { c: 'own', t: 3, s: 'completed' }, n: 1 },
    ]);
  });

  it('(control) a slice that never ends builds the column in one go', async () => {
    const store = createEmbeddedStore({ calls: fixture(), slicing: { checkEvery: NEVER, sliceMs: Number.POSITIVE_INFINITY } });
    const order: string[] = [];
    await Promise.all([store.aggregate(byStatus('a')).then(() => order.push('a')), store.aggregate(byStatus('b')).then(() => order.push('b'))]);
    expect(order).toEqual(['a', 'b']);
  });

  it('checks the deadline while building a cold column', async () => {
    const store = createEmbeddedStore({ calls: fixture(), slicing: { checkEvery: NEVER, sliceMs: Number.POSITIVE_INFINITY } });
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 50));
    await expect(store.aggregate(byStatus('a', 'duration_sec'), { maxTimeMS: 300 })).rejects.toThrow(QueryTimeoutError);
    vi.restoreAllMocks();
    expect((await store.aggregate(byStatus('a', 'duration_sec'))).length).toBe(97);
    // (control) with the column built, the same clock and budget let the run finish.
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 50));
    expect((await store.aggregate(byStatus('a', 'duration_sec'), { maxTimeMS: 300 })).length).toBe(97);
    expect(store.engineRuns).toEqual({ mingo: 0, compiled: 3 });
  });
});
