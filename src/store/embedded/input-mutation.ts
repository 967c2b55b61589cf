import type { Pipeline } from '../../contract/pipeline.ts';

/**
 * Stages that, as mingo 7.2 implements them, only ever build new objects from their input
 * whatever their arguments. `$facet` clones its input itself; `$lookup` spreads each
 * document into a new one.
 */
const ALWAYS_SAFE = new Set([
  '$match', '$sort', '$limit', '$skip', '$count', '$group', '$bucket', '$bucketAuto',
  '$sortByCount', '$replaceRoot', '$replaceWith', '$facet', '$lookup', '$sample',
]);

type StageCheck = (spec: unknown) => boolean;

/**
 * Stages that are safe only for some arguments. mingo copies a document shallowly and then
 * writes paths into the copy, so a dotted path (`payload.x`) writes into the nested object
 * it shares with the stored document; `$unwind` with `preserveNullAndEmptyArrays` or
 * `includeArrayIndex` writes into the input document itself. On a frozen document those
 * writes are silently lost, which gives wrong answers rather than an error.
 */
const SAFE_WHEN: Record<string, StageCheck> = {
  $addFields: (spec) => isRecord(spec) && Object.keys(spec).every(isTopLevelKey),
  $set: (spec) => isRecord(spec) && Object.keys(spec).every(isTopLevelKey),
  $project: (spec) =>
    isRecord(spec) && Object.entries(spec).every(([key, value]) => isTopLevelKey(key) && !isNestedProjection(value)),
  $unset: (spec) => (Array.isArray(spec) ? spec : [spec]).every((f) => typeof f === 'string' && isTopLevelKey(f)),
  $unwind: (spec) =>
    typeof spec === 'string' || (isRecord(spec) && !spec.preserveNullAndEmptyArrays && !spec.includeArrayIndex),
  $setWindowFields: (spec) => isRecord(spec) && isRecord(spec.output) && Object.keys(spec.output).every(isTopLevelKey),
};

/**
 * Returns why mingo might write into its input documents while running `pipeline` (the
 * first such stage, e.g. `stage 2 ($addFields)`), or `undefined` when it never does.
 * Anything not known to be safe counts as unsafe; the caller then runs mingo on deep
 * copies, which is slower but correct.
 */
export function describeInputMutation(pipeline: Pipeline): string | undefined {
  for (const [index, stage] of pipeline.entries()) {
    if (typeof stage !== 'object' || stage === null) continue;
    const names = Object.keys(stage);
    // A malformed stage is mingo's to reject; it cannot run far enough to write anything.
    if (names.length !== 1) continue;
    const name = names[0];
    if (ALWAYS_SAFE.has(name)) continue;
    const check = Object.hasOwn(SAFE_WHEN, name) ? SAFE_WHEN[name] : undefined;
    if (check?.(stage[name])) continue;
    return `stage ${index} (${name})`;
  }
  return undefined;
}

function isTopLevelKey(key: string): boolean {
  return !key.includes('.');
}

/** `{ payload: { k: 0 } }` in `$project` means the path `payload.k`; `{ x: { $cond: … } }` is an expression. */
function isNestedProjection(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).some((key) => !key.startsWith('$'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
