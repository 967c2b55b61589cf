import type { AccumulatorPlan, AccumulatorState } from './accumulators.ts';
import { canonicalKey } from './bson-values.ts';
import type { Evaluate, Row } from './pipeline-types.ts';

/**
 * The distinct count of a fused grouping level (fused-groups.ts): per group, the distinct
 * tuples of some key parts' values, leaving out tuples whose counted value is null. Values
 * are told apart as `$group` tells keys apart (primitives by value, 1 and 1.0 alike; Dates,
 * arrays and objects by `canonicalKey`; missing apart from null). It is the executor's own
 * accumulator, never named in a pipeline. A one-part tuple (a distinct caller per group, the
 * usual case) is one `Set` per group; longer tuples nest one map per part.
 */

/** A missing value (apart from null, as in a key object). */
const MISSING = Symbol('missing');

/** Values seen at one position of the tuple: primitives as they are, the rest by canonical key. */
class ValueKeys<T> {
  readonly primitives = new Map<unknown, T>();
  compound: Map<string, T> | undefined;

  get(value: unknown): T | undefined {
    if (typeof value !== 'object' || value === null) return this.primitives.get(value === undefined ? MISSING : value);
    return this.compound?.get(canonicalKey(value));
  }

  set(value: unknown, entry: T): void {
    if (typeof value !== 'object' || value === null) this.primitives.set(value === undefined ? MISSING : value, entry);
    else (this.compound ??= new Map()).set(canonicalKey(value), entry);
  }
}

/** The last position of the tuple: a set, which says whether a value was new. */
class ValueSet {
  private readonly primitives = new Set<unknown>();
  private compound: Set<string> | undefined;

  /** Adds `value`; true when it was not there yet. */
  add(value: unknown): boolean {
    if (typeof value !== 'object' || value === null) {
      const set = this.primitives;
      const size = set.size;
      set.add(value === undefined ? MISSING : value);
      return set.size !== size;
    }
    const set = (this.compound ??= new Set());
    const size = set.size;
    set.add(canonicalKey(value));
    return set.size !== size;
  }
}

export function distinctTuplesPlan(parts: readonly Evaluate[], counted: number): AccumulatorPlan {
  // The counted value first: a null one is dropped before the others are read.
  const ordered = [parts[counted], ...parts.filter((_, i) => i !== counted)];
  if (ordered.length === 1) return { create: () => new DistinctValues(ordered[0]) };
  return { create: () => new DistinctTuples(ordered) };
}

class DistinctValues implements AccumulatorState {
  private readonly sets: ValueSet[] = [];
  private readonly counts: number[] = [];

  constructor(private readonly evaluate: Evaluate) {}

  addGroup(): void {
    this.sets.push(new ValueSet());
    this.counts.push(0);
  }

  update(group: number, row: Row): void {
    const value = this.evaluate(row);
    if (value !== null && this.sets[group].add(value)) this.counts[group] += 1;
  }

  result(group: number): unknown {
    return this.counts[group];
  }
}

type Trie = ValueKeys<Trie | ValueSet>;

class DistinctTuples implements AccumulatorState {
  private readonly roots: Trie[] = [];
  private readonly counts: number[] = [];

  constructor(private readonly parts: readonly Evaluate[]) {}

  addGroup(): void {
    this.roots.push(new ValueKeys());
    this.counts.push(0);
  }

  update(group: number, row: Row): void {
    const parts = this.parts;
    const head = parts[0](row);
    if (head === null) return;
    let level: Trie = this.roots[group];
    let value: unknown = head;
    const last = parts.length - 1;
    for (let i = 1; i < last; i++) {
      let child = level.get(value) as Trie | undefined;
      if (child === undefined) {
        child = new ValueKeys();
        level.set(value, child);
      }
      level = child;
      value = parts[i](row);
    }
    let set = level.get(value) as ValueSet | undefined;
    if (set === undefined) {
      set = new ValueSet();
      level.set(value, set);
    }
    if (set.add(parts[last](row))) this.counts[group] += 1;
  }

  result(group: number): unknown {
    return this.counts[group];
  }
}
