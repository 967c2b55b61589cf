/**
 * Store decorators: each is `withX(store, options): CallStore`, so they compose by nesting
 * (`withInstrumentation(withDeadline(store, …), …)`) and every layer above sees one port.
 */
export { decorate } from './decorate.ts';
export { withDeadline, type DeadlineOptions } from './with-deadline.ts';
export { withInstrumentation, type InstrumentationOptions, type StoreCall } from './with-instrumentation.ts';
export {
  withCircuitBreaker,
  DEFAULT_BREAKER_FAILURES,
  DEFAULT_BREAKER_PROBE_MS,
  type CircuitBreakerOptions,
  type GuardedStore,
  type StoreHealth,
  type StoreState,
} from './with-circuit-breaker.ts';
