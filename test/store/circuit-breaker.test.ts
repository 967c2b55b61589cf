import { afterEach, describe, expect, it } from 'vitest';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import type { CallStore } from '../../src/store/call-store.ts';
import { type StoreState, withCircuitBreaker } from '../../src/store/decorators/index.ts';
import { QueryTimeoutError, StoreUnavailableError } from '../../src/store/errors.ts';
import { testKeys } from '../support/calls.ts';
import { SELECTION_WAIT_MS, flakyStore, waitFor } from '../support/flaky-store.ts';

const PIPELINE = compileCallQuery({ principal: { tenantId: 't1', userEmail: 'owner@t1.example', role: 'user' } });
const opened: CallStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

describe('withCircuitBreaker', () => {
  it('opens after consecutive outages, fails at once while open, probes by itself and recovers', async () => {
    const { store, state } = flakyStore();
    const changes: StoreState[] = [];
    const guarded = withCircuitBreaker(store, { failures: 3, probeMs: 100, onStateChange: (s) => changes.push(s) });
    opened.push(guarded);
    expect(guarded.health.state).toBe('up');
    expect(await guarded.aggregate(PIPELINE)).toEqual([{ n: 1 }]);

    // Down: the first three calls wait for the store and fail; they open the circuit.
    state.down = true;
    state.reached = 0;
    for (let i = 0; i < 3; i += 1) await expect(guarded.aggregate(PIPELINE)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(state.reached).toBe(3);
    expect(guarded.health.state).toBe('down');
    expect(guarded.health.lastFailure).toMatch(/no server could be selected/);

    // Open: 50 calls of every kind fail without reaching the store (a generous bound on time).
    const started = performance.now();
    const results = await Promise.allSettled([
      ...Array.from({ length: 40 }, () => guarded.aggregate(PIPELINE)),
      ...Array.from({ length: 10 }, () => guarded.findApiKeys(['x'])),
    ]);
    const elapsed = performance.now() - started;
    expect(results.every((r) => r.status === 'rejected' && r.reason instanceof StoreUnavailableError)).toBe(true);
    expect((results[0] as PromiseRejectedResult).reason.message).toMatch(/circuit is open after 3 consecutive failures/);
    expect(state.reached).toBe(3);
    expect(elapsed).toBeLessThan(SELECTION_WAIT_MS);

    // Still down: the breaker's own probes (pings) fail and keep it open; requests stay fast.
    await waitFor(() => state.pings >= 2);
    expect(guarded.health.state).not.toBe('up');
    const reachedBefore = state.reached;
    await expect(guarded.aggregate(PIPELINE)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(state.reached).toBe(reachedBefore);

    // Up again: the next probe closes the circuit with no request's help.
    state.down = false;
    await waitFor(() => guarded.health.state === 'up');
    expect(await guarded.aggregate(PIPELINE)).toEqual([{ n: 1 }]);
    expect(await guarded.findApiKeys([testKeys()[0].key_hash])).toHaveLength(1);
    expect(changes[0]).toBe('down');
    expect(changes).toContain('probing');
    expect(changes.at(-1)).toBe('up');
  });

  it('counts only outages: timeouts and other errors pass through and never open it', async () => {
    let error: Error = new QueryTimeoutError('over budget');
    const store: CallStore = {
      engine: 'mongodb',
      aggregate: () => Promise.reject(error),
      findApiKeys: async () => [],
      close: async () => {},
    };
    const guarded = withCircuitBreaker(store, { failures: 2, probeMs: 50 });
    opened.push(guarded);
    for (let i = 0; i < 5; i += 1) await expect(guarded.aggregate(PIPELINE)).rejects.toBe(error);
    error = new RangeError('a bug');
    for (let i = 0; i < 5; i += 1) await expect(guarded.aggregate(PIPELINE)).rejects.toBe(error);
    expect(guarded.health.state).toBe('up');
  });

  it('a success in between resets the count (consecutive failures only)', async () => {
    const { store, state } = flakyStore();
    const guarded = withCircuitBreaker(store, { failures: 2, probeMs: 50 });
    opened.push(guarded);
    state.down = true;
    await expect(guarded.aggregate(PIPELINE)).rejects.toBeInstanceOf(StoreUnavailableError);
    state.down = false;
    await guarded.aggregate(PIPELINE);
    state.down = true;
    await expect(guarded.aggregate(PIPELINE)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(guarded.health.state).toBe('up');
    await expect(guarded.aggregate(PIPELINE)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(guarded.health.state).toBe('down');
  });

  it('refuses nonsense settings and stops probing once closed', async () => {
    const { store, state } = flakyStore();
    expect(() => withCircuitBreaker(store, { failures: 0 })).toThrow(RangeError);
    expect(() => withCircuitBreaker(store, { probeMs: 1.5 })).toThrow(RangeError);
    const guarded = withCircuitBreaker(store, { failures: 1, probeMs: 30 });
    state.down = true;
    await expect(guarded.aggregate(PIPELINE)).rejects.toBeInstanceOf(StoreUnavailableError);
    await guarded.close();
    const pings = state.pings;
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(state.pings).toBe(pings);
  });
});
