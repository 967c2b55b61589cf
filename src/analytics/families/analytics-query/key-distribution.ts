import type { CallField } from '../../query/conditions.ts';
import type { Condition } from '../../query/expression.ts';
import { num, PARTIALS } from '../../registry/partials.ts';
import { distributionRows } from './distribution-rows.ts';
import { keyOrUnknown, keyPart, type QueryTypePreset } from './preset.ts';

/**
 * Calls per value of one categorical field, most frequent first, then by key ascending (the
 * core's tie-break on the group key). Missing, null and empty values form the `UNKNOWN` row,
 * unless `knownOnly` leaves those calls out altogether.
 */
function keyDistribution(options: { field: CallField; knownOnly: boolean }): QueryTypePreset {
  const { field, knownOnly } = options;
  const where: Condition[] = knownOnly ? [{ [field]: { $nin: [null, ''] } }] : [];
  return () => ({
    query: {
      where,
      groups: [{ by: { key: knownOnly ? `$${field}` : keyOrUnknown(field) }, accumulate: { calls: PARTIALS.calls } }],
      sort: [{ by: '$calls', direction: -1 }],
    },
    shape: (rows) => distributionRows(rows.map((row) => ({ key: String(keyPart(row, 'key')), count: num(row.calls) }))),
  });
}

/** `OUTCOME_DISTRIBUTION`: every call, by `outcome`. */
export const outcomeDistribution = keyDistribution({ field: 'outcome', knownOnly: false });

/** `STATUS_DISTRIBUTION`: every call, by `lead_status` (the funnel stage the call reached). */
export const statusDistribution = keyDistribution({ field: 'lead_status', knownOnly: false });

/** `TOP_OUTCOMES`: only calls that have an outcome, ranked; percentages of those calls. */
export const topOutcomes = keyDistribution({ field: 'outcome', knownOnly: true });
