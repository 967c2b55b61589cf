import type { Plugin } from 'graphql-yoga';
import type { StoreHealth } from '../../store/decorators/with-circuit-breaker.ts';
import { serviceUnavailableError } from '../errors.ts';

/**
 * While the store's circuit is open (or probing), a GraphQL request is answered
 * SERVICE_UNAVAILABLE (503, Retry-After) before its body is parsed, its document validated or
 * its key looked up: nothing could be answered anyway, and under a burst the work skipped is
 * most of each request's cost. REST routes run their operation through the same endpoint and
 * get the same 503. `/health`, `/ready`, `/metrics` and the pages are not GraphQL requests.
 */
export function useStoreDownFastPath(health: StoreHealth): Plugin {
  return {
    onRequestParse() {
      if (health.state !== 'up') throw serviceUnavailableError();
    },
  };
}
