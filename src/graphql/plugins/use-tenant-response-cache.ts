import { randomUUID } from 'node:crypto';
import { createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import { authenticate, keyLookup } from '../../auth/authenticate.ts';
import type { ApiKeyLookup } from '../../contract/api-key-record.ts';
import type { Principal } from '../../contract/principal.ts';
import { responseCacheLookups } from '../../observability/metrics.ts';
import { EXPLAIN_HEADER } from './use-explain.ts';

/** Options of {@link useTenantResponseCache}. */
export interface TenantResponseCacheOptions {
  /** Where key records are looked up (the call store). */
  keys: ApiKeyLookup;
  /** How long an answer is served from the cache, in milliseconds. */
  ttlMs: number;
  /** Entries kept at most (least recently used go first). @default 1000 */
  maxEntries?: number;
  /** The clock revocation dates are compared with, as the auth plugin's. @default () => new Date() */
  now?: () => Date;
}

/**
 * Repeated dashboard queries answered from memory (`@graphql-yoga/plugin-response-cache`).
 * An entry's key is the document, variables and operation name plus a session that is the
 * whole principal (tenant, role, user binding, email): two tenants, or a user-bound key and
 * its account, never share an entry. Only error-free answers are stored.
 *
 * Yoga's cache looks entries up in `onParams`, before `useApiKeyAuth` runs, so the session
 * resolves the key itself (the same `authenticate`): an unknown or revoked key gets a session
 * nothing is stored under, misses, and is then refused by the auth plugin as always.
 * A hit skips validation, limits and execution: it is the very answer an identical
 * request of the same principal got within the TTL.
 */
export function useTenantResponseCache(options: TenantResponseCacheOptions): Plugin {
  const findKey = keyLookup(options.keys);
  const now = options.now ?? (() => new Date());
  const inner = createInMemoryCache({ max: options.maxEntries ?? 1000 });
  const cache: typeof inner = {
    ...inner,
    get: async (key) => {
      const found = await inner.get(key);
      responseCacheLookups.inc({ result: found ? 'hit' : 'miss' });
      return found;
    },
    set: (...args) => inner.set(...args),
    invalidate: (...args) => inner.invalidate(...args),
  };
  return useResponseCache({
    ttl: options.ttlMs,
    cache,
    session: async (request) => {
      try {
        return sessionOf(await authenticate(request.headers.get('authorization'), findKey, now()));
      } catch {
        // No principal: a session of its own that no entry can have.
        return `unauthenticated:${randomUUID()}`;
      }
    },
    // The gateway serves queries only; nothing invalidates by mutation.
    invalidateViaMutation: false,
    // An explained request must run its pipelines (a hit ran none), and its answer, which
    // carries the explain entries, must not become the answer of a later plain request.
    enabled: (request) => request.headers.get(EXPLAIN_HEADER) !== '1',
  });
}

/** Every field of the principal: whatever can change an answer separates entries. */
function sessionOf(principal: Principal): string {
  return JSON.stringify([principal.tenantId, principal.role, principal.userId ?? null, principal.allUsers ?? false, principal.userEmail]);
}
