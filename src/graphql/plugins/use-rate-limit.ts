import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { countRefusal } from '../../observability/metrics.ts';
import { hashApiKey } from '../../contract/hash-api-key.ts';
import type { GraphQLContext } from '../context.ts';
import { rateLimitedError } from './rate-limited-error.ts';

/** A token bucket per API key: `perSecond` tokens refill, at most `burst` are kept. */
export interface RateLimitOptions {
  perSecond: number;
  burst: number;
  /** The clock, in ms; tests pin it. @default performance.now */
  now?: () => number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perSecond: 20, burst: 40 };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Each request of a key takes one token from that key's bucket; an empty bucket answers HTTP
 * 429 `RATE_LIMITED` with `Retry-After` (when the next token is due), before anything runs.
 * Runs in `onContextBuilding`, after `useApiKeyAuth`, so only valid keys have buckets; they
 * are kept by key hash in a bounded LRU (a key unseen for long starts full again). Hand-written:
 * `@envelop/rate-limiter` limits per field and directive, not per request and key.
 */
export function useRateLimit(options: RateLimitOptions = DEFAULT_RATE_LIMIT): Plugin<GraphQLContext> {
  const { perSecond, burst } = options;
  const now = options.now ?? (() => performance.now());
  const buckets = new LRUCache<string, Bucket>({ max: 100_000 });
  return {
    onContextBuilding({ context }) {
      const header = context.request.headers.get('authorization') ?? '';
      const key = hashApiKey(header.replace(/^Bearer\s+/i, '').trim());
      const at = now();
      const bucket = buckets.get(key) ?? { tokens: burst, at };
      bucket.tokens = Math.min(burst, bucket.tokens + ((at - bucket.at) / 1000) * perSecond);
      bucket.at = at;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) {
        countRefusal('rate_limit');
        throw rateLimitedError(`This key is over its request rate (${perSecond}/s, bursts of ${burst}); retry later.`, (1 - bucket.tokens) / perSecond);
      }
      bucket.tokens -= 1;
    },
  };
}
