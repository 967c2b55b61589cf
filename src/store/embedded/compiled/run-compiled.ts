import type { CallSegment } from '../call-partitions.ts';
import { DEFAULT_SLICE_MS, scanInSlices, type ScanSlicing } from '../scan-source.ts';
import { cloneValue } from './bson-values.ts';
import type { CompiledPipeline } from './compile-pipeline.ts';
import { buildChain, settleChain } from './consumer-chain.ts';
import type { Row } from './pipeline-types.ts';
import { sliceClock } from './slice-clock.ts';

/** Options of {@link runCompiled}. */
export interface RunCompiledOptions {
  readonly pipeline: CompiledPipeline;
  /** The narrowed documents (see `narrowScope` and `CallPartitions.select`). */
  readonly segments: readonly CallSegment[];
  /** `performance.now()` deadline of the scan, as for mingo; none when absent. */
  readonly deadline?: number;
  /** Only for the timeout message. */
  readonly maxTimeMS?: number;
  /** How often the scan looks at the clock and how long a slice runs before it yields. */
  readonly slicing?: ScanSlicing;
}

/**
 * Runs a compiled pipeline over the narrowed segments in tight loops (the stored, frozen
 * documents are read in place, never copied), in slices that yield to the event loop (see
 * `scanInSlices`), and returns fresh rows: the output is deep-copied like mingo's, so nothing
 * handed out is shared with the store. Throws `CompiledBailout` when the data needs mingo,
 * and `QueryTimeoutError` past the deadline. The work after the scan (group maps into rows,
 * sorts) is sliced the same way (`settleChain`): it checks the deadline and yields too. The
 * chain and the cursor belong to this run alone, so other runs may interleave with it between
 * slices.
 */
export async function runCompiled<T>(options: RunCompiledOptions): Promise<T[]> {
  const { stages, cursor } = options.pipeline;
  const head = buildChain(stages);
  try {
    await scanInSlices({
      segments: options.segments,
      deadline: options.deadline,
      maxTimeMS: options.maxTimeMS,
      slicing: options.slicing,
      enter: (segment) => cursor.enter(segment.columns),
      visit: (doc, index) => {
        cursor.moveTo(index);
        return head.accept(doc as unknown as Row);
      },
    });
  } finally {
    cursor.finish();
  }
  await settleChain(head, sliceClock({ deadline: options.deadline, maxTimeMS: options.maxTimeMS, sliceMs: options.slicing?.sliceMs ?? DEFAULT_SLICE_MS }));
  return head.end().map((row) => cloneValue(row) as T);
}
