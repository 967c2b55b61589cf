import { type Plugin, useReadinessCheck } from 'graphql-yoga';
import type { StoreHealth } from '../../store/decorators/with-circuit-breaker.ts';

/** How long one ping's answer is reused: probes every second must not each cost a round trip. */
export const READY_PING_CACHE_MS = 1_000;
/** How long `/ready` waits for a ping; probes (Kubernetes: 1 s by default) should not time out instead. */
export const READY_PING_WAIT_MS = 1_000;

/** What `GET /ready` answers, as JSON (200 when `ready`, else 503). */
export interface ReadinessReport {
  ready: boolean;
  engine: 'mongodb' | 'embedded';
  /** The circuit breaker's view: `up`, `down` (open: calls fail at once) or `probing`. */
  store: StoreHealth['state'];
  /** Why not ready; absent when ready. Names the kind of failure, never a host or a key. */
  reason?: string;
}

export interface ReadinessOptions {
  health: StoreHealth;
  engine: ReadinessReport['engine'];
  /** False while the data is still loading. @default () => true */
  loaded?: () => boolean;
  /** True once shutdown has begun (in-flight requests draining). @default () => false */
  draining?: () => boolean;
  /** @default READY_PING_CACHE_MS */
  cacheMs?: number;
  /** @default READY_PING_WAIT_MS */
  pingWaitMs?: number;
}

/**
 * Readiness (DESIGN 7): ready only when the data is loaded, the circuit breaker holds the store
 * for up, and the store answered a ping (reused for `cacheMs`; concurrent probes share one).
 * The ping goes through the breaker, so a failing one counts towards opening the circuit and
 * an open circuit answers "not ready" without touching the store.
 */
export function createReadiness(options: ReadinessOptions): () => Promise<ReadinessReport> {
  const { health, engine, loaded = () => true, draining = () => false, cacheMs = READY_PING_CACHE_MS, pingWaitMs = READY_PING_WAIT_MS } = options;
  let last: { at: number; failure: string | undefined } | undefined;
  let inFlight: Promise<string | undefined> | undefined;

  /** Undefined when the store answered, else why not. */
  function pingOnce(): Promise<string | undefined> {
    if (last && performance.now() - last.at < cacheMs) return Promise.resolve(last.failure);
    inFlight ??= new Promise<string | undefined>((resolve) => {
      // The ping goes on after the wait (its outcome still feeds the breaker), the probe does not.
      const wait = setTimeout(() => resolve(`the store did not answer a ping within ${pingWaitMs} ms`), pingWaitMs);
      health.ping().then(
        () => resolve(undefined),
        (error: unknown) => resolve(`the store did not answer a ping: ${error instanceof Error ? error.message : String(error)}`),
      ).finally(() => clearTimeout(wait));
    }).then((failure) => {
      last = { at: performance.now(), failure };
      inFlight = undefined;
      return failure;
    });
    return inFlight;
  }

  return async () => {
    if (draining()) return { ready: false, engine, store: health.state, reason: 'shutting down' };
    if (!loaded()) return { ready: false, engine, store: health.state, reason: 'the data is still loading' };
    if (health.state !== 'up') {
      const why = health.lastFailure ? `: ${health.lastFailure}` : '';
      return { ready: false, engine, store: health.state, reason: `the store is unavailable (circuit ${health.state === 'down' ? 'open' : 'probing'})${why}` };
    }
    const failure = await pingOnce();
    return failure === undefined ? { ready: true, engine, store: health.state } : { ready: false, engine, store: health.state, reason: failure };
  };
}

/** `GET /ready` (no key): the report of {@link createReadiness} as JSON, 200 or 503. */
export function useReadiness(options: ReadinessOptions): Plugin {
  const check = createReadiness(options);
  const readiness = useReadinessCheck({
    endpoint: READY_PATH,
    check: async ({ fetchAPI }) => {
      const report = await check();
      return new fetchAPI.Response(JSON.stringify(report), {
        status: report.ready ? 200 : 503,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      });
    },
  });
  // Yoga's plugin tests every other request's URL against a URLPattern as well; a path
  // comparison first keeps that off the path of every GraphQL request.
  return {
    ...readiness,
    onRequest(payload) {
      if (payload.url.pathname === READY_PATH) return readiness.onRequest?.(payload);
    },
  };
}

const READY_PATH = '/ready';
