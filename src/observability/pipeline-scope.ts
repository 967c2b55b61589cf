/** The pipeline-running field a pipeline runs for: its family and its response path. */
export interface PipelineField {
  family: string;
  /** The field's path in the response, e.g. `groupedCalls` or `_entities.3.callAnalytics`. */
  path: string;
}

/**
 * The field whose resolver is running right now, synchronously. The GraphQL layer knows which
 * field asked; the store only sees a pipeline. A field's resolver starts its pipelines in its
 * synchronous part (`context.run` captures the field there and keeps it for the operation's
 * later steps; the entity loader captures it at `load`), so a plain variable set around that
 * part is enough.
 *
 * Not `AsyncLocalStorage`: on Node 20 it turns on V8's promise hooks for the whole process,
 * which made every promise of every request (Yoga's and the executor's) pay a hook call —
 * measured as about a tenth of what GraphQL adds to a request (docs/decisions.md).
 */
let current: PipelineField | undefined;

/** Runs `fn` with `field` as the current field during its synchronous part. */
export function runInField<T>(field: PipelineField | undefined, fn: () => T): T {
  const outer = current;
  current = field;
  try {
    return fn();
  } finally {
    current = outer;
  }
}

/** The field whose resolver is running synchronously now, if any. */
export function currentField(): PipelineField | undefined {
  return current;
}

/** The response path of the field the pipeline being started runs for, if any. */
export function currentFieldPath(): string | undefined {
  return current?.path;
}
