import { CircuitBreakerPolicy, CircuitState, ConsecutiveBreaker, circuitBreaker, handleType } from 'cockatiel';
import type { CallStore } from '../call-store.ts';
import { StoreCircuitOpenError, StoreUnavailableError } from '../errors.ts';

/** Consecutive `StoreUnavailableError`s that open the circuit. */
export const DEFAULT_BREAKER_FAILURES = 3;
/** How long the circuit stays open before the store is probed again (ms). */
export const DEFAULT_BREAKER_PROBE_MS = 2_000;

/** Options of {@link withCircuitBreaker}. */
export interface CircuitBreakerOptions {
  /** Consecutive "store unavailable" failures that open the circuit. @default DEFAULT_BREAKER_FAILURES */
  failures?: number;
  /** While open, the store is probed (`ping`) once every this many ms. @default DEFAULT_BREAKER_PROBE_MS */
  probeMs?: number;
  /** Told of every change (for logs and the `dialgraph_store_up` gauge); must not throw. */
  onStateChange?(state: StoreState, reason: string | undefined): void;
}

/** `up`: closed circuit; `down`: open, calls fail at once; `probing`: one probe is running. */
export type StoreState = 'up' | 'down' | 'probing';

/**
 * The one view of the store's health that the breaker keeps and readiness (`/ready`) reads:
 * an open circuit is "not ready", and readiness's pings go through the same circuit, so a
 * failing ping counts towards opening it and a good probe closes it.
 */
export interface StoreHealth {
  readonly state: StoreState;
  /** Why the circuit last opened (the store error's message, which names no host), or undefined. */
  readonly lastFailure: string | undefined;
  /** Pings the store through the circuit: fails at once while it is open or probing. */
  ping(): Promise<void>;
}

/** A `CallStore` behind a circuit breaker, with the health view it keeps. */
export interface GuardedStore extends CallStore {
  readonly health: StoreHealth;
}

/**
 * Puts every store call (aggregations, key lookups, explain, ping) behind a circuit breaker
 * (cockatiel): after `failures` consecutive `StoreUnavailableError`s the circuit opens, and
 * every call then fails at once with `StoreUnavailableError` (SERVICE_UNAVAILABLE, 503 +
 * Retry-After; a `StoreCircuitOpenError`) instead of waiting out MongoDB's server selection. While open, the breaker
 * pings the store by itself every `probeMs`; the first good ping closes the circuit.
 *
 * Only the breaker's own timer probes. cockatiel would let the first request after the pause
 * be the probe and make every other request wait for it (up to the server-selection timeout):
 * here a request that meets an open or half-open circuit fails at once instead. Other errors
 * (timeouts, bad input, stored values) are not outages and never open the circuit.
 */
export function withCircuitBreaker(store: CallStore, options: CircuitBreakerOptions = {}): GuardedStore {
  const failures = options.failures ?? DEFAULT_BREAKER_FAILURES;
  const probeMs = options.probeMs ?? DEFAULT_BREAKER_PROBE_MS;
  if (!Number.isInteger(failures) || failures < 1) throw new RangeError(`withCircuitBreaker: failures must be a positive integer, got ${String(failures)}`);
  if (!Number.isInteger(probeMs) || probeMs < 1) throw new RangeError(`withCircuitBreaker: probeMs must be a positive integer, got ${String(probeMs)}`);

  const policy: CircuitBreakerPolicy = circuitBreaker(handleType(StoreUnavailableError), {
    halfOpenAfter: probeMs,
    breaker: new ConsecutiveBreaker(failures),
  });
  const ping = store.ping ? () => store.ping!() : () => Promise.resolve();
  let lastFailure: string | undefined;
  let probeTimer: NodeJS.Timeout | undefined;
  let closed = false;

  const stateOf = (state: CircuitState): StoreState => (state === CircuitState.Closed ? 'up' : state === CircuitState.HalfOpen ? 'probing' : 'down');

  policy.onBreak((reason) => {
    lastFailure = 'error' in reason && reason.error instanceof Error ? reason.error.message : 'the store failed';
    scheduleProbe();
  });
  policy.onStateChange((state) => options.onStateChange?.(stateOf(state), state === CircuitState.Closed ? undefined : lastFailure));

  function scheduleProbe(): void {
    if (closed) return;
    clearTimeout(probeTimer);
    // A millisecond past the pause, so cockatiel lets this call through as the half-open test.
    probeTimer = setTimeout(() => {
      probeTimer = undefined;
      // A failed probe reopens the circuit, whose onBreak schedules the next one.
      policy.execute(ping).catch(() => undefined);
    }, probeMs + 1);
    // A down store must not keep a finished process alive.
    probeTimer.unref();
  }

  function guard<T>(call: () => Promise<T>): Promise<T> {
    if (policy.state !== CircuitState.Closed) {
      const why = lastFailure ? ` (${lastFailure})` : '';
      return Promise.reject(new StoreCircuitOpenError(`The store is unavailable: the circuit is open after ${failures} consecutive failures${why}; it is probed every ${probeMs} ms.`));
    }
    return policy.execute(() => call());
  }

  const health: StoreHealth = {
    get state() {
      return stateOf(policy.state);
    },
    get lastFailure() {
      return policy.state === CircuitState.Closed ? undefined : lastFailure;
    },
    ping: () => guard(ping),
  };

  const explain = store.explain;
  return {
    engine: store.engine,
    health,
    aggregate: <T,>(...args: Parameters<CallStore['aggregate']>) => guard(() => store.aggregate<T>(...args)),
    findApiKeys: (keyHashes) => guard(() => store.findApiKeys(keyHashes)),
    ping: health.ping,
    close: () => {
      closed = true;
      clearTimeout(probeTimer);
      return store.close();
    },
    ...(explain ? { explain: (pipeline) => guard(() => explain.call(store, pipeline)) } : {}),
  };
}
