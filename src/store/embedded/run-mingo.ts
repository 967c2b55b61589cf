import { Aggregator, ProcessingMode } from 'mingo';
import type { Pipeline } from '../../contract/pipeline.ts';
import type { ScanSource } from './scan-source.ts';

/** Options of {@link runMingo}. */
export interface RunMingoOptions {
  readonly pipeline: Pipeline;
  /** The (narrowed) documents, pulled one by one. */
  readonly source: ScanSource;
  /**
   * Run on deep copies of the documents, because a stage may write into its input (see
   * `describeInputMutation`); slower, and only then. @default false
   */
  readonly copyInput?: boolean;
}

/**
 * Runs a pipeline with mingo over frozen stored documents and returns fresh rows.
 *
 * Output is always deep-copied (mingo's `CLONE_OUTPUT`): rows that are, or contain, stored
 * documents (a `$match`-only pipeline, `$push: '$tags'`) would otherwise hand the caller
 * frozen objects shared with the store, unlike the MongoDB adapter's fresh ones. Results
 * are small after grouping or paging, so this is cheap. Input is copied too (`CLONE_INPUT`)
 * only when asked to (`copyInput`).
 */
export function runMingo<T>(options: RunMingoOptions): T[] {
  const { pipeline, source, copyInput = false } = options;
  const processingMode = copyInput ? ProcessingMode.CLONE_ALL : ProcessingMode.CLONE_OUTPUT;
  return new Aggregator(pipeline, { processingMode }).run(source) as T[];
}
