import type { CallDocument } from '../../contract/call-document.ts';
import { QueryTimeoutError } from '../errors.ts';
import type { CallSegment } from './call-partitions.ts';

/** Checking the clock every document would cost more than the check is worth. */
const CLOCK_CHECK_EVERY = 4096;

/** Options of {@link createScanSource}. */
export interface ScanSourceOptions {
  readonly segments: readonly CallSegment[];
  /** `performance.now()` value after which the scan throws `QueryTimeoutError`; none when absent. */
  readonly deadline?: number;
  /** Only for the error message. */
  readonly maxTimeMS?: number;
}

/** One pull: a document, or `done` at the end. */
export interface ScanStep {
  readonly done: boolean;
  readonly value?: CallDocument;
}

/** Pulls the next document (mingo accepts such a function as its source). */
export type ScanSource = () => ScanStep;

/**
 * A pull function over the selected segments, in order, without concatenating them into a new
 * array. It is also where the embedded engine's time budget lives: engines pull documents
 * from it throughout the scan (where nearly all the time of a pipeline goes), so it checks
 * the clock every few thousand documents and throws `QueryTimeoutError` when the budget is
 * spent. Stages that run after the scan (a final sort of grouped rows, say) are not
 * interrupted.
 */
export function createScanSource(options: ScanSourceOptions): ScanSource {
  const { segments, deadline, maxTimeMS } = options;
  let segmentIndex = 0;
  let docs: readonly CallDocument[] = segments[0]?.docs ?? [];
  let position = segments[0]?.start ?? 0;
  let end = segments[0]?.end ?? 0;
  let untilClockCheck = CLOCK_CHECK_EVERY;

  return () => {
    while (position >= end) {
      segmentIndex += 1;
      const segment = segments[segmentIndex];
      if (segment === undefined) return { done: true, value: undefined };
      ({ docs, start: position, end } = segment);
    }
    if (deadline !== undefined && --untilClockCheck === 0) {
      untilClockCheck = CLOCK_CHECK_EVERY;
      checkDeadline(deadline, maxTimeMS);
    }
    const value = docs[position];
    position += 1;
    return { done: false, value };
  };
}

/** Options of {@link scanSegments}. */
export interface SegmentScanOptions extends ScanSourceOptions {
  /** Called before the documents of each segment. */
  readonly enter?: (segment: CallSegment) => void;
  /** Receives each document in order with its index in `segment.docs`; false ends the scan. */
  readonly visit: (doc: CallDocument, index: number) => boolean;
}

/**
 * The compiled executor's scan: the same documents in the same order as `createScanSource`,
 * with the same time budget, but as a plain loop that pushes each document to `visit`
 * (no step object per document).
 */
export function scanSegments(options: SegmentScanOptions): void {
  const { segments, deadline, maxTimeMS, enter, visit } = options;
  let untilClockCheck = CLOCK_CHECK_EVERY;
  for (const segment of segments) {
    enter?.(segment);
    const { docs, start, end } = segment;
    for (let i = start; i < end; i++) {
      if (deadline !== undefined && --untilClockCheck === 0) {
        untilClockCheck = CLOCK_CHECK_EVERY;
        checkDeadline(deadline, maxTimeMS);
      }
      if (!visit(docs[i], i)) return;
    }
  }
}

function checkDeadline(deadline: number, maxTimeMS: number | undefined): void {
  if (performance.now() > deadline) {
    throw new QueryTimeoutError(`embedded query exceeded its time budget of ${maxTimeMS} ms`);
  }
}
