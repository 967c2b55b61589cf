import type { Consumer, Row, StagePlan } from './pipeline-types.ts';
import type { SliceClock } from './slice-clock.ts';

/** The end of every chain: keeps the rows that reach it. */
export class Collector implements Consumer {
  private readonly rows: Row[] = [];

  accept(row: Row): boolean {
    this.rows.push(row);
    return true;
  }

  end(): Row[] {
    return this.rows;
  }
}

/** Each chain's consumers, first to last, by its head (for `settleChain`). */
const chains = new WeakMap<Consumer, readonly Consumer[]>();

/** Fresh run-time consumers for the stages, wired first to last, ending in a collector. */
export function buildChain(stages: readonly StagePlan[]): Consumer {
  let next: Consumer = new Collector();
  const consumers: Consumer[] = [next];
  for (let i = stages.length - 1; i >= 0; i--) consumers.push((next = stages[i].create(next)));
  chains.set(next, consumers.reverse());
  return next;
}

/**
 * Once the scan has ended: lets each stage of the chain that has long work after its input
 * (`Consumer.settle`) do it in slices, first to last, so each one settles after everything
 * before it has forwarded its rows. `end` then only passes the rows on.
 */
export async function settleChain(head: Consumer, clock: SliceClock): Promise<void> {
  for (const consumer of chains.get(head) ?? []) {
    if (consumer.settle) await consumer.settle(clock);
    // A stage that holds its rows until `end` without settling: what follows it gets them
    // only then, so it cannot settle now (it does its work in `end`, unsliced).
    else if (!consumer.streaming) return;
  }
}
