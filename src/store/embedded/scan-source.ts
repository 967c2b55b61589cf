import type { CallDocument } from '../../contract/call-document.ts';
import { QueryTimeoutError } from '../errors.ts';
import type { CallSegment } from './call-partitions.ts';
import { nextTurn } from './compiled/slice-clock.ts';

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
 * spent. (mingo's stages after the scan are not interrupted; the compiled executor's are
 * sliced on a `SliceClock`.)
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

/** How the compiled executor's scan is cut into slices (see {@link scanInSlices}). */
export interface ScanSlicing {
  /** Documents between two looks at the clock. @default 4096 */
  readonly checkEvery?: number;
  /** A slice ends at the first look at the clock this long after it began. @default 10 */
  readonly sliceMs?: number;
}

/** Options of {@link scanInSlices}. */
export interface SegmentScanOptions extends ScanSourceOptions {
  /** Called before the documents of each segment. */
  readonly enter?: (segment: CallSegment) => void;
  /** Receives each document in order with its index in `segment.docs`; false ends the scan. */
  readonly visit: (doc: CallDocument, index: number) => boolean;
  readonly slicing?: ScanSlicing;
  /**
   * Waits for the run's next turn between two slices (the store's `SliceScheduler`).
   * @default the next event-loop turn (`setImmediate`)
   */
  readonly pause?: () => Promise<void>;
}

export const DEFAULT_SLICE_MS = 10;

/**
 * The compiled executor's scan: the same documents in the same order as `createScanSource`,
 * as a plain loop that pushes each document to `visit` (no step object per document), cut
 * into slices. Every `checkEvery` documents it reads the clock: past the deadline it throws
 * `QueryTimeoutError`; once the slice has run `sliceMs` it waits for its next turn (`pause`:
 * the store's round-robin `SliceScheduler`), so other requests' I/O and pipelines run between
 * two slices of a heavy one. A scan that fits in one slice never yields, so cheap pipelines
 * pay nothing.
 */
export async function scanInSlices(options: SegmentScanOptions): Promise<void> {
  const { deadline, maxTimeMS } = options;
  const checkEvery = options.slicing?.checkEvery ?? CLOCK_CHECK_EVERY;
  const sliceMs = options.slicing?.sliceMs ?? DEFAULT_SLICE_MS;
  const pause = options.pause ?? nextTurn;
  const state: SliceState = { segment: 0, position: options.segments[0]?.start ?? 0, entered: false };
  for (;;) {
    const sliceEnd = performance.now() + sliceMs;
    const outcome = runSlice(options, state, checkEvery, sliceEnd);
    if (outcome === 'done') return;
    await pause();
    if (deadline !== undefined) checkDeadline(deadline, maxTimeMS);
  }
}

interface SliceState {
  segment: number;
  position: number;
  /** Whether `enter` ran for the current segment. */
  entered: boolean;
}

/**
 * One slice, synchronous (the hot loop stays a plain loop): until the scan ends ('done') or
 * a clock check finds the slice over ('yield'). The deadline is checked at each clock check.
 */
function runSlice(options: SegmentScanOptions, state: SliceState, checkEvery: number, sliceEnd: number): 'done' | 'yield' {
  const { segments, deadline, maxTimeMS, enter, visit } = options;
  let untilClockCheck = checkEvery;
  for (; state.segment < segments.length; state.segment++) {
    const segment = segments[state.segment];
    if (!state.entered) {
      enter?.(segment);
      state.entered = true;
      state.position = segment.start;
    }
    const { docs, end } = segment;
    for (let i = state.position; i < end; i++) {
      if (--untilClockCheck === 0) {
        untilClockCheck = checkEvery;
        const now = performance.now();
        if (deadline !== undefined && now > deadline) timeout(maxTimeMS);
        if (now >= sliceEnd) {
          state.position = i;
          return 'yield';
        }
      }
      if (!visit(docs[i], i)) return 'done';
    }
    state.entered = false;
  }
  return 'done';
}

function checkDeadline(deadline: number, maxTimeMS: number | undefined): void {
  if (performance.now() > deadline) timeout(maxTimeMS);
}

function timeout(maxTimeMS: number | undefined): never {
  throw new QueryTimeoutError(`embedded query exceeded its time budget of ${maxTimeMS} ms`);
}
