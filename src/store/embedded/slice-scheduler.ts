/**
 * Who runs the next slice. Every pipeline of the embedded engine asks for a turn before its
 * first slice and after each one; the scheduler grants one turn per event-loop turn, round-robin
 * over lanes (a lane is the tenant a pipeline reads), oldest waiting run first within a lane.
 *
 * Why not a bare `setImmediate` per slice (as before): Node runs every immediate queued before
 * the check phase in that phase, so each pipeline in flight ran a whole slice per loop turn.
 * One request of 20 aliases (20 pipelines) made each loop turn 20 slices long, and another
 * tenant's cheap request, which needs a few loop turns (read the socket, its own pipeline,
 * write the answer), waited that long at each of them. Here a loop turn holds at most one slice,
 * and a lane that just had a turn yields to any other lane that waits: a cheap pipeline of
 * another tenant runs after at most about one slice of a heavy one, however many pipelines the
 * heavy tenant has in flight.
 */
export interface SliceScheduler {
  /** Resolves when a run of `lane` may do one slice: at the earliest on the next loop turn. */
  turn(lane: string): Promise<void>;
  /** Runs waiting for a turn, over all lanes. */
  readonly waiting: number;
}

/** Options of {@link createSliceScheduler}. */
export interface SliceSchedulerOptions {
  /** Runs the callback on a later event-loop turn. @default setImmediate */
  readonly defer?: (callback: () => void) => void;
}

export function createSliceScheduler(options: SliceSchedulerOptions = {}): SliceScheduler {
  const defer = options.defer ?? ((callback: () => void) => void setImmediate(callback));
  // Lanes with waiting runs, in round-robin order (a Map keeps insertion order); each lane's
  // runs first in, first out.
  const lanes = new Map<string, (() => void)[]>();
  let waiting = 0;
  let scheduled = false;
  let lastLane: string | undefined;

  const grantOne = () => {
    scheduled = false;
    const lane = nextLane();
    if (lane === undefined) return;
    const queue = lanes.get(lane) as (() => void)[];
    const grant = queue.shift() as () => void;
    // To the back of the ring (or out of it when empty).
    lanes.delete(lane);
    if (queue.length) lanes.set(lane, queue);
    waiting -= 1;
    lastLane = lane;
    if (waiting > 0) schedule();
    // The run continues in a microtask after this callback, still inside this loop turn; its
    // next `turn()` waits for a later one.
    grant();
  };

  /** The first lane in ring order that did not have the last turn; that one only when alone. */
  const nextLane = (): string | undefined => {
    let fallback: string | undefined;
    for (const lane of lanes.keys()) {
      if (lane !== lastLane) return lane;
      fallback = lane;
    }
    return fallback;
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    defer(grantOne);
  };

  return {
    turn(lane) {
      return new Promise<void>((resolve) => {
        const queue = lanes.get(lane);
        if (queue) queue.push(resolve);
        else lanes.set(lane, [resolve]);
        waiting += 1;
        schedule();
      });
    },
    get waiting() {
      return waiting;
    },
  };
}
