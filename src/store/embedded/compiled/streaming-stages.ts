import { isPlainObject } from './bson-values.ts';
import { UnsupportedPipelineError } from './compiled-errors.ts';
import { compileExpressionPath } from './field-path.ts';
import type { Consumer, Predicate, Row, StageContext, StagePlan } from './pipeline-types.ts';

/** `$match`, `$skip`, `$limit`, `$count` and `$unwind`: stages that pass rows along one by one. */

export function matchStage(spec: unknown, context: StageContext): StagePlan {
  const test = context.query(spec);
  return { create: (next) => new MatchConsumer(test, next) };
}

class MatchConsumer implements Consumer {
  readonly streaming = true;
  constructor(
    private readonly test: Predicate,
    private readonly next: Consumer,
  ) {}

  accept(row: Row): boolean {
    return this.test(row) ? this.next.accept(row) : true;
  }

  end(): Row[] {
    return this.next.end();
  }
}

/** A non-negative whole number, as `$skip`/`$limit` need (MongoDB rejects the rest; mingo may not). */
function count(name: string, spec: unknown, min: number): number {
  if (typeof spec !== 'number' || !Number.isSafeInteger(spec) || spec < min) {
    throw new UnsupportedPipelineError(`${name} ${JSON.stringify(spec)}`);
  }
  return spec;
}

export function skipStage(spec: unknown): StagePlan {
  const n = count('$skip', spec, 0);
  return { create: (next) => new SkipConsumer(n, next) };
}

class SkipConsumer implements Consumer {
  readonly streaming = true;
  private skipped = 0;

  constructor(
    private readonly n: number,
    private readonly next: Consumer,
  ) {}

  accept(row: Row): boolean {
    if (this.skipped < this.n) {
      this.skipped += 1;
      return true;
    }
    return this.next.accept(row);
  }

  end(): Row[] {
    return this.next.end();
  }
}

export function limitStage(spec: unknown): StagePlan {
  const n = count('$limit', spec, 1);
  return { create: (next) => new LimitConsumer(n, next) };
}

/** Tells the stage before it to stop once full, so `$match` + `$limit` reads no further. */
class LimitConsumer implements Consumer {
  readonly streaming = true;
  private taken = 0;

  constructor(
    private readonly n: number,
    private readonly next: Consumer,
  ) {}

  accept(row: Row): boolean {
    if (this.taken >= this.n) return false;
    this.taken += 1;
    return this.next.accept(row) && this.taken < this.n;
  }

  end(): Row[] {
    return this.next.end();
  }
}

/**
 * `$count` as a `$facet` branch (where dialgraph emits it). Like MongoDB, no input gives no
 * row; mingo gives `{ n: 0 }`, and `readFacets` reads both as 0. A top-level `$count` stays
 * on mingo, whose answer existing callers and tests rely on.
 */
export function countStage(spec: unknown, context: StageContext): StagePlan {
  if (!context.inFacet) throw new UnsupportedPipelineError('$count outside $facet');
  if (typeof spec !== 'string' || spec === '' || spec.startsWith('$') || spec.includes('.') || spec === '_id') {
    throw new UnsupportedPipelineError(`$count ${JSON.stringify(spec)}`);
  }
  return { create: (next) => new CountConsumer(spec, next) };
}

class CountConsumer implements Consumer {
  private n = 0;

  constructor(
    private readonly field: string,
    private readonly next: Consumer,
  ) {}

  accept(): boolean {
    this.n += 1;
    return true;
  }

  private flushed = false;

  /** Passes the count on at once, so the stages after it can settle too. */
  async settle(): Promise<void> {
    this.flush();
  }

  end(): Row[] {
    this.flush();
    return this.next.end();
  }

  private flush(): void {
    if (this.flushed) return;
    this.flushed = true;
    if (this.n > 0) this.next.accept({ [this.field]: this.n });
  }
}

/**
 * `$unwind` of a top-level field without options: one row per array element (a shallow copy
 * of the row with the element in place of the array), a non-array value passes as it is,
 * null, missing and empty arrays drop the row.
 */
export function unwindStage(spec: unknown): StagePlan {
  const path = isPlainObject(spec) && Object.keys(spec).length === 1 ? spec.path : spec;
  if (typeof path !== 'string' || !path.startsWith('$') || path.includes('.')) {
    throw new UnsupportedPipelineError(`$unwind ${JSON.stringify(spec)}`);
  }
  const field = path.slice(1);
  const read = compileExpressionPath(field);
  return { create: (next) => new UnwindConsumer(field, read, next) };
}

class UnwindConsumer implements Consumer {
  readonly streaming = true;
  constructor(
    private readonly field: string,
    private readonly read: (row: Row) => unknown,
    private readonly next: Consumer,
  ) {}

  accept(row: Row): boolean {
    const value = this.read(row);
    if (value === null || value === undefined) return true;
    if (!Array.isArray(value)) return this.next.accept(row);
    for (const item of value) {
      if (!this.next.accept({ ...row, [this.field]: item })) return false;
    }
    return true;
  }

  end(): Row[] {
    return this.next.end();
  }
}
