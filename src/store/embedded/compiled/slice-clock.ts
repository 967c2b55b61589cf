import { QueryTimeoutError } from '../../errors.ts';

/**
 * The clock of the work a pipeline does after its scan (flushing a huge group map into rows,
 * sorting them), which the scan's slices (`scanInSlices`) do not cover. That work is written
 * as generators that call `tick()` once per unit (a row, a comparison step) and `yield` when it
 * answers true; {@link runSliced} then yields to the event loop, and {@link runNow} runs the
 * same generator straight through. Past the deadline `tick()` throws `QueryTimeoutError`.
 */
export interface SliceClock {
  /** `units` of work done (default one: a row, a comparison); true when the slice is over (the caller yields). */
  tick(units?: number): boolean;
  /** Yields to the event loop and starts a new slice; throws past the deadline. */
  pause(): Promise<void>;
}

/** Units of post-scan work between two looks at the clock (about a millisecond of sorting). */
const CHECK_EVERY = 1024;

/** The next event-loop turn: the pause of a run that has no scheduler. */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A clock for one run: `deadline` as `performance.now()`, none when absent; a slice lasts
 * `sliceMs`; `wait` waits for the run's next turn (the store's `SliceScheduler`; by default the
 * next event-loop turn).
 */
export function sliceClock(options: { deadline?: number; maxTimeMS?: number; sliceMs: number; wait?: () => Promise<void> }): SliceClock {
  const { deadline, maxTimeMS, sliceMs } = options;
  const wait = options.wait ?? nextTurn;
  let untilCheck = CHECK_EVERY;
  let sliceEnd = performance.now() + sliceMs;
  const checkDeadline = (now: number) => {
    if (deadline !== undefined && now > deadline) throw new QueryTimeoutError(`embedded query exceeded its time budget of ${maxTimeMS} ms`);
  };
  return {
    tick(units = 1) {
      if ((untilCheck -= units) > 0) return false;
      untilCheck = CHECK_EVERY;
      const now = performance.now();
      checkDeadline(now);
      return now >= sliceEnd;
    },
    async pause() {
      await wait();
      const now = performance.now();
      checkDeadline(now);
      sliceEnd = now + sliceMs;
    },
  };
}

/** Never ends a slice and has no deadline: for work run synchronously (`runNow`). */
export const UNSLICED: SliceClock = { tick: () => false, pause: async () => {} };

/** Sliced work: yields (nothing) where it wants the event loop, returns its result at the end. */
export type SlicedWork<T = void> = Generator<void, T, void>;

/** Runs sliced work to its end without yielding. */
export function runNow<T>(work: SlicedWork<T>): T {
  let step = work.next();
  while (!step.done) step = work.next();
  return step.value;
}

/** Runs sliced work, giving the event loop a turn (and checking the deadline) at each of its yields. */
export async function runSliced<T>(work: SlicedWork<T>, clock: SliceClock): Promise<T> {
  let step = work.next();
  while (!step.done) {
    await clock.pause();
    step = work.next();
  }
  return step.value;
}
