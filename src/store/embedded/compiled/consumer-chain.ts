import type { Consumer, Row, StagePlan } from './pipeline-types.ts';

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

/** Fresh run-time consumers for the stages, wired first to last, ending in a collector. */
export function buildChain(stages: readonly StagePlan[]): Consumer {
  let next: Consumer = new Collector();
  for (let i = stages.length - 1; i >= 0; i--) next = stages[i].create(next);
  return next;
}
