import type { Expression } from '../../query/expression.ts';
import { num, PARTIALS } from '../../registry/partials.ts';
import { distributionRows } from './distribution-rows.ts';
import { keyPart, type QueryTypePreset } from './preset.ts';

/** Lower bounds of the five score ranges; each includes its lower bound, the last one 1.0. */
const LOWER_BOUNDS = [0, 0.2, 0.4, 0.6, 0.8] as const;
const LABELS = ['0.0-0.2', '0.2-0.4', '0.4-0.6', '0.6-0.8', '0.8-1.0', 'UNSCORED'] as const;
const UNSCORED = LABELS.length - 1;

/**
 * Index into `LABELS` of a call's sentiment. Calls without a numeric sentiment are checked
 * first, so the comparisons after it only ever see numbers (no comparisons with null or
 * missing, which the engines order differently). Scores below 0 fall in the first range and
 * above 1 in the last: out-of-contract data is counted, not lost.
 */
const SENTIMENT_RANGE: Expression = {
  $switch: {
    branches: [
      { case: { $not: [{ $isNumber: '$sentiment' }] }, then: UNSCORED },
      ...LOWER_BOUNDS.slice(1).map((upper, index) => ({ case: { $lt: ['$sentiment', upper] }, then: index })),
    ],
    default: LOWER_BOUNDS.length - 1,
  },
};

/**
 * `SENTIMENT_DISTRIBUTION`: always the six rows `0.0-0.2` … `0.8-1.0`, `UNSCORED`, in that
 * order, empty ones with count 0; percentages of all matching calls.
 */
export const sentimentDistribution: QueryTypePreset = () => ({
  query: { groups: [{ by: { range: SENTIMENT_RANGE }, accumulate: { calls: PARTIALS.calls } }] },
  shape: (rows) => {
    const counts = new Map(rows.map((row) => [keyPart(row, 'range'), num(row.calls)]));
    return distributionRows(LABELS.map((key, index) => ({ key, count: counts.get(index) ?? 0 })));
  },
});
