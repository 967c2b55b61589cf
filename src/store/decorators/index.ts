/**
 * Store decorators: each is `withX(store, options): CallStore`, so they compose by nesting
 * (`withInstrumentation(withDeadline(store, …), …)`) and every layer above sees one port.
 */
export { decorate } from './decorate.ts';
export { withDeadline, type DeadlineOptions } from './with-deadline.ts';
export { withInstrumentation, type InstrumentationOptions, type StoreCall } from './with-instrumentation.ts';
