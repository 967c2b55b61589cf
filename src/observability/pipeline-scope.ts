import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The field family a pipeline runs for. The GraphQL layer knows which field asked; the store
 * only sees a pipeline. Carrying the family in async context lets the store's instrumentation
 * label pipeline time by family without widening the `CallStore` port for every caller.
 */
const scope = new AsyncLocalStorage<string>();

/** Runs `fn` with `family` as the family of every pipeline it starts. */
export function runInFamily<T>(family: string, fn: () => T): T {
  return scope.run(family, fn);
}

/** The family of the pipeline being started, or `"other"` outside any field (scripts, tests). */
export function currentFamily(): string {
  return scope.getStore() ?? 'other';
}
