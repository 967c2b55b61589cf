/**
 * `$addFields` right before `$group` (dialgraph's local time once per document, `local_ms`):
 * the executor folds the added expressions into the group instead of copying every document.
 * Same answer as mingo, and the fold is refused where it would not be the same.
 */
import { describe, expect, it } from 'vitest';
import type { CallDocument } from '../../src/contract/call-document.ts';
import type { Pipeline } from '../../src/contract/pipeline.ts';
import { inlineAddedFields } from '../../src/store/embedded/compiled/inline-added-fields.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';

const T0 = Date.parse('2024-03-10T00:00:00.000Z');
const calls = [{ k: 1, x: 2 }, { k: 'a', x: 3 }, { x: 5 }, { k: null, x: 7 }, { k: 1, x: 11 }].map(
  (fields, i) => ({ _id: `d${i}`, tenant_id: 't', user_email: 'o@t.test', started_at: new Date(T0 + i * 3_600_000), ...fields }) as unknown as CallDocument,
);

async function bothEngines(pipeline: unknown[]): Promise<{ compiled: unknown[]; mingo: unknown[]; runs: unknown }> {
  const store = createEmbeddedStore({ calls });
  const compiled = await store.aggregate(pipeline as Pipeline);
  const mingo = await createEmbeddedStore({ calls, executor: 'mingo' }).aggregate(pipeline as Pipeline);
  return { compiled, mingo, runs: store.engineRuns };
}

const localHour = { $floor: { $divide: [{ $subtract: ['$started_at', new Date(0)] }, 3_600_000] } };

describe('$addFields folded into the $group after it', () => {
  it.each([
    ['a value several keys read', [{ $addFields: { h: localHour } }, { $group: { _id: { a: { $mod: ['$h', 2] }, b: { $mod: ['$h', 3] } }, n: { $sum: '$x' } } }]],
    ['a field that replaces a stored one', [{ $addFields: { k: { $ifNull: ['$k', 'none'] } } }, { $group: { _id: '$k', n: { $sum: 1 } } }]],
    ['a value that is missing (the field is not added)', [{ $addFields: { m: '$zz' } }, { $group: { _id: '$m', n: { $sum: 1 } } }]],
    ['values reading the input document, not each other', [{ $addFields: { x: 100, y: '$x' } }, { $group: { _id: null, x: { $sum: '$x' }, y: { $sum: '$y' } } }]],
  ])('%s: folded, same rows as mingo', async (_name, pipeline) => {
    expect(inlineAddedFields((pipeline[0] as any).$addFields, (pipeline[1] as any).$group)).toBeDefined();
    const { compiled, mingo, runs } = await bothEngines(pipeline);
    expect(compiled).toEqual(mingo);
    expect(runs).toEqual({ mingo: 0, compiled: 1 });
  });

  it.each([
    ['a path into the added field', { h: { k: '$k' } }, { _id: '$h.k', n: { $sum: 1 } }],
    ['a variable', { h: localHour }, { _id: '$$ROOT.h', n: { $sum: 1 } }],
    ['a sub-document literal (the stage itself refuses it)', { h: { a: 1 } }, { _id: '$h', n: { $sum: 1 } }],
  ])('not folded: %s', (_name, addFields, group) => {
    expect(inlineAddedFields(addFields, group)).toBeUndefined();
  });

  it('leaves a $literal alone', () => {
    expect(inlineAddedFields({ h: localHour }, { _id: { $literal: '$h' }, n: { $sum: '$h' } })).toEqual({ _id: { $literal: '$h' }, n: { $sum: localHour } });
  });
});
