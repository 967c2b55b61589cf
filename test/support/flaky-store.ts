import type { CallStore } from '../../src/store/call-store.ts';
import { StoreUnavailableError } from '../../src/store/errors.ts';
import { testKeys } from './calls.ts';

/** How long the fake store takes to fail while down: MongoDB's server-selection wait, shortened. */
export const SELECTION_WAIT_MS = 150;

/**
 * A store that can be switched down and up. While down every call fails with
 * `StoreUnavailableError` after `SELECTION_WAIT_MS` (as the driver does after server
 * selection); `reached` counts the calls that got to it. Up, it answers from `inner` (or a
 * fixed row and the test keys).
 */
export function flakyStore(inner?: CallStore) {
  const state = { down: false, reached: 0, pings: 0 };
  const answer = async <T>(value: () => Promise<T> | T): Promise<T> => {
    state.reached += 1;
    if (state.down) {
      await new Promise((resolve) => setTimeout(resolve, SELECTION_WAIT_MS));
      throw new StoreUnavailableError('MongoDB is unavailable: no server could be selected in time.');
    }
    return value();
  };
  const store: CallStore = {
    engine: 'mongodb',
    aggregate: <T>(...args: Parameters<CallStore['aggregate']>) => answer<T[]>(() => (inner ? inner.aggregate<T>(...args) : [{ n: 1 } as T])),
    findApiKeys: (hashes) => answer(() => (inner ? inner.findApiKeys(hashes) : testKeys().filter((key) => hashes.includes(key.key_hash)))),
    ping: () => {
      state.pings += 1;
      return answer(() => undefined);
    },
    close: async () => {},
  };
  return { store, state };
}

/** Polls `condition` every 10 ms until it holds (or throws after `ms`). */
export async function waitFor(condition: () => boolean | Promise<boolean>, ms = 5_000) {
  const until = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
