import { isPlainObject, setField } from './bson-values.ts';
import { UnsupportedPipelineError } from './compiled-errors.ts';
import { buildChain, settleChain } from './consumer-chain.ts';
import type { Consumer, Row, StageContext, StagePlan } from './pipeline-types.ts';
import type { SliceClock } from './slice-clock.ts';

/**
 * `$facet`: every branch sees every input row, in one pass (no copy of the input is kept),
 * and the stage emits one row holding each branch's output. Branches never write into the
 * rows they share. A `$facet` inside a branch is a MongoDB error, left to mingo.
 */
export function facetStage(spec: unknown, context: StageContext): StagePlan {
  if (context.inFacet) throw new UnsupportedPipelineError('$facet inside $facet');
  if (!isPlainObject(spec) || Object.keys(spec).length === 0) throw new UnsupportedPipelineError('$facet without branches');
  const names = Object.keys(spec);
  for (const name of names) {
    if (name === '' || name.startsWith('$') || name.includes('.')) throw new UnsupportedPipelineError(`$facet branch "${name}"`);
  }
  return facetOf(names, names.map((name) => context.pipeline(spec[name])));
}

/** A `$facet` of compiled branches (also the fused grouping levels' form, fused-group-stage.ts). */
export function facetOf(names: readonly string[], branches: readonly (readonly StagePlan[])[]): StagePlan {
  return { create: (next) => new FacetConsumer(names, branches.map(buildChain), next) };
}

class FacetConsumer implements Consumer {
  private readonly live: boolean[];

  constructor(
    private readonly names: readonly string[],
    private readonly heads: readonly Consumer[],
    private readonly next: Consumer,
  ) {
    this.live = heads.map(() => true);
  }

  accept(row: Row): boolean {
    let any = false;
    for (let i = 0; i < this.heads.length; i++) {
      if (this.live[i]) this.live[i] = this.heads[i].accept(row);
      any ||= this.live[i];
    }
    return any;
  }

  private flushed = false;

  /** Each branch settles in turn (its sorts and groups in slices); then the one row goes on. */
  async settle(clock: SliceClock): Promise<void> {
    for (const head of this.heads) await settleChain(head, clock);
    this.flush();
  }

  end(): Row[] {
    this.flush();
    return this.next.end();
  }

  private flush(): void {
    if (this.flushed) return;
    this.flushed = true;
    const out: Row = {};
    for (let i = 0; i < this.heads.length; i++) setField(out, this.names[i], this.heads[i].end());
    this.next.accept(out);
  }
}
