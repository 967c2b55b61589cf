import { isPlainObject, setField } from './bson-values.ts';
import { UnsupportedPipelineError } from './compiled-errors.ts';
import type { Consumer, Evaluate, Row, StageContext, StagePlan } from './pipeline-types.ts';

/**
 * `$addFields` and `$project` on top-level fields. Both build a new row and never write into
 * their input (the stored documents are frozen and shared). Dotted paths and nested
 * sub-document specifications (which MongoDB merges into embedded documents) are left to mingo.
 */

/** Top-level output field names only. */
function checkField(stage: string, key: string): void {
  if (key === '' || key.startsWith('$') || key.includes('.')) throw new UnsupportedPipelineError(`${stage} field "${key}"`);
}

/** An expression value, not a `{ field: … }` sub-document specification. */
function checkExpression(stage: string, key: string, value: unknown): void {
  const nested = isPlainObject(value) && !Object.keys(value)[0]?.startsWith('$');
  if (nested || value === null || value === undefined) throw new UnsupportedPipelineError(`${stage} value of "${key}"`);
}

/** The fields an `$addFields` sets, and their expressions compiled in one scope. */
export interface AddedFields {
  readonly keys: readonly string[];
  readonly evaluators: readonly Evaluate[];
}

export function compileAddedFields(spec: unknown, context: StageContext): AddedFields {
  if (!isPlainObject(spec) || Object.keys(spec).length === 0) throw new UnsupportedPipelineError('$addFields without fields');
  const keys = Object.keys(spec);
  for (const key of keys) {
    checkField('$addFields', key);
    checkExpression('$addFields', key, spec[key]);
  }
  const scope = context.expressions(keys.map((key) => spec[key]));
  return { keys, evaluators: keys.map((key) => scope.compile(spec[key]).evaluate) };
}

/**
 * A copy of `row` with the added values; a missing value removes the field, as MongoDB
 * (and `$$REMOVE`) do. The input row is never written.
 */
export function withAddedFields(row: Row, keys: readonly string[], values: readonly unknown[]): Row {
  const out: Row = { ...row };
  for (let i = 0; i < keys.length; i++) {
    if (values[i] === undefined) delete out[keys[i]];
    else setField(out, keys[i], values[i]);
  }
  return out;
}

export function addFieldsStage(spec: unknown, context: StageContext): StagePlan {
  const added = compileAddedFields(spec, context);
  return { create: (next) => new AddFieldsConsumer(added, next) };
}

class AddFieldsConsumer implements Consumer {
  readonly streaming = true;
  private readonly values: unknown[];

  constructor(
    private readonly added: AddedFields,
    private readonly next: Consumer,
  ) {
    this.values = new Array(added.keys.length);
  }

  accept(row: Row): boolean {
    // Every expression sees the input row, not the fields added beside it.
    for (let i = 0; i < this.values.length; i++) this.values[i] = this.added.evaluators[i](row);
    return this.next.accept(withAddedFields(row, this.added.keys, this.values));
  }

  end(): Row[] {
    return this.next.end();
  }
}

type Projection =
  | { kind: 'include'; field: string }
  | { kind: 'compute'; field: string; evaluate: Evaluate };

export function projectStage(spec: unknown, context: StageContext): StagePlan {
  if (!isPlainObject(spec) || Object.keys(spec).length === 0) throw new UnsupportedPipelineError('$project without fields');
  const keys = Object.keys(spec);
  const excluded: string[] = [];
  const shown: string[] = [];
  for (const key of keys) {
    checkField('$project', key);
    const value = spec[key];
    if (value === 0 || value === false) excluded.push(key);
    else shown.push(key);
  }
  // `{ _id: 0 }` alone keeps every other field: exclusion, like `{ payload: 0 }`.
  const exclusion = excluded.some((key) => key !== '_id') || shown.length === 0;
  if (exclusion) {
    if (shown.some((key) => key !== '_id' || !isInclusionFlag(spec[key]))) {
      throw new UnsupportedPipelineError('$project mixing exclusion with inclusion');
    }
    const hidden = new Set(excluded);
    return { create: (next) => new ExcludeConsumer(hidden, next) };
  }

  const computed = shown.filter((key) => !isInclusionFlag(spec[key]));
  for (const key of computed) checkExpression('$project', key, spec[key]);
  const scope = context.expressions(computed.map((key) => spec[key]));
  const projections: Projection[] = [];
  // `_id` comes first, and is kept unless excluded.
  const order = ['_id', ...shown.filter((key) => key !== '_id')];
  for (const field of order) {
    if (field === '_id' && excluded.includes('_id')) continue;
    if (field === '_id' && !Object.hasOwn(spec, '_id')) projections.push({ kind: 'include', field });
    else if (isInclusionFlag(spec[field])) projections.push({ kind: 'include', field });
    else projections.push({ kind: 'compute', field, evaluate: scope.compile(spec[field]).evaluate });
  }
  return { create: (next) => new IncludeConsumer(projections, next) };
}

/** `1`, `true` or any other non-zero number: keep the field as it is. */
function isInclusionFlag(value: unknown): boolean {
  return value === true || (typeof value === 'number' && value !== 0 && !Number.isNaN(value));
}

class IncludeConsumer implements Consumer {
  readonly streaming = true;
  constructor(
    private readonly projections: readonly Projection[],
    private readonly next: Consumer,
  ) {}

  accept(row: Row): boolean {
    const out: Row = {};
    for (const projection of this.projections) {
      const value = projection.kind === 'include' ? (Object.hasOwn(row, projection.field) ? row[projection.field] : undefined) : projection.evaluate(row);
      if (value !== undefined) setField(out, projection.field, value);
    }
    return this.next.accept(out);
  }

  end(): Row[] {
    return this.next.end();
  }
}

class ExcludeConsumer implements Consumer {
  readonly streaming = true;
  constructor(
    private readonly hidden: ReadonlySet<string>,
    private readonly next: Consumer,
  ) {}

  accept(row: Row): boolean {
    const out: Row = {};
    for (const key of Object.keys(row)) if (!this.hidden.has(key)) setField(out, key, row[key]);
    return this.next.accept(out);
  }

  end(): Row[] {
    return this.next.end();
  }
}
