import type { CallStore } from '../call-store.ts';

/**
 * A `CallStore` that is `store` with its `aggregate` replaced: the shape every `withX`
 * decorator returns. The other members are forwarded explicitly (not spread), so an adapter's
 * getters and extra members never leak into, or go stale in, the decorated port.
 */
export function decorate(store: CallStore, aggregate: CallStore['aggregate']): CallStore {
  return {
    engine: store.engine,
    aggregate,
    findApiKeys: (keyHashes) => store.findApiKeys(keyHashes),
    close: () => store.close(),
    ...(store.ping ? { ping: store.ping.bind(store) } : {}),
    ...(store.explain ? { explain: store.explain.bind(store) } : {}),
  };
}
