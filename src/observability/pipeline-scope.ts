import { AsyncLocalStorage } from 'node:async_hooks';

/** The pipeline-running field a pipeline runs for: its family and its response path. */
export interface PipelineField {
  family: string;
  /** The field's path in the response, e.g. `groupedCalls` or `_entities.3.callAnalytics`. */
  path: string;
}

/**
 * The field a pipeline runs for. The GraphQL layer knows which field asked; the store only
 * sees a pipeline. Carrying the field in async context lets the store's instrumentation label
 * pipeline time by family, and explain name the field, without widening the `CallStore` port
 * for every caller.
 */
const scope = new AsyncLocalStorage<PipelineField>();

/** Runs `fn` with `field` as the field of every pipeline it starts. */
export function runInField<T>(field: PipelineField, fn: () => T): T {
  return scope.run(field, fn);
}

/** The family of the pipeline being started, or `"other"` outside any field (scripts, tests). */
export function currentFamily(): string {
  return scope.getStore()?.family ?? 'other';
}

/** The response path of the field the pipeline being started runs for, if any. */
export function currentFieldPath(): string | undefined {
  return scope.getStore()?.path;
}
