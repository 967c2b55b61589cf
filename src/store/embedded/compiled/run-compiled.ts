import type { CallSegment } from '../call-partitions.ts';
import { DEFAULT_SLICE_MS, scanInSlices, type ScanSlicing } from '../scan-source.ts';
import { cloneValue } from './bson-values.ts';
import type { CompiledPipeline } from './compile-pipeline.ts';
import { buildChain, settleChain } from './consumer-chain.ts';
import type { Row } from './pipeline-types.ts';
import { runSliced, sliceClock } from './slice-clock.ts';

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
  /** Waits for the run's next turn between slices (the store's `SliceScheduler`). @default the next event-loop turn */
  readonly pause?: () => Promise<void>;
}

/**
 * Runs a compiled pipeline over the narrowed segments in tight loops (the stored, frozen
 * documents are read in place, never copied), in slices that yield to the event loop (see
 * `scanInSlices`), and returns fresh rows: the output is deep-copied like mingo's, so nothing
 * handed out is shared with the store. Throws `CompiledBailout` when the data needs mingo,
 * and `QueryTimeoutError` past the deadline. The work after the scan (group maps into rows,
 * sorts) is sliced the same way (`settleChain`), and so is building a partition's cold columns
 * before the scan: each checks the deadline and waits for its turn too. The
 * chain and the cursor belong to this run alone, so other runs may interleave with it between
 * slices.
 */
export async function runCompiled<T>(options: RunCompiledOptions): Promise<T[]> {
  const { stages, cursor } = options.pipeline;
  const head = buildChain(stages);
  const clock = () => sliceClock({ deadline: options.deadline, maxTimeMS: options.maxTimeMS, sliceMs: options.slicing?.sliceMs ?? DEFAULT_SLICE_MS, wait: options.pause });
  // Cold columns (a partition's first read of a field) are built in slices before the scan.
  const fields = cursor.fieldNames();
  if (fields.length) {
    const preparing = clock();
    for (const segment of options.segments) await runSliced(segment.columns.prepare(fields, preparing), preparing);
  }
  try {
    await scanInSlices({
      segments: options.segments,
      deadline: options.deadline,
      maxTimeMS: options.maxTimeMS,
      slicing: options.slicing,
      pause: options.pause,
      enter: (segment) => cursor.enter(segment.columns),
      visit: (doc, index) => {
        cursor.moveTo(index);
        return head.accept(doc as unknown as Row);
      },
    });
  } finally {
    cursor.finish();
  }
  await settleChain(head, clock());
  return head.end().map((row) => cloneValue(row) as T);
}
