import type { GroupSpec } from '../../query/call-query.ts';
import type { Expression } from '../../query/expression.ts';
import { percentOf } from '../../rounding.ts';
import { num } from '../../registry/partials.ts';
import { keyPart, type QueryTypePreset } from './preset.ts';
import type { FunnelStage } from './rows.ts';

/**
 * `CONVERSION_FUNNEL` over the configured stages (lowest first). Only calls with a lead and a
 * configured `lead_status` take part (unknown statuses are ignored). Two grouping levels of the
 * core: per lead, the highest stage rank among its calls (its furthest stage); then leads per
 * furthest rank. A stage's `leads` are the leads whose furthest stage is it or a later one, so
 * a lead that skipped stages still counts in every stage before the one it reached.
 * `conversionRate` is that count as a percentage of the first stage's (0 when that is 0).
 */
export const conversionFunnel: QueryTypePreset = ({ funnelStages }) => {
  const stages = [...funnelStages];
  const groups: GroupSpec[] = [
    { by: { lead: '$lead_id' }, accumulate: { furthest: { $max: stageRank(stages) } } },
    { by: { furthest: '$furthest' }, accumulate: { leads: { $sum: 1 } } },
  ];
  return {
    query: { where: [{ lead_id: { $nin: [null, ''] } }, { lead_status: { $in: stages } }], groups },
    shape: (rows) => {
      const leadsByFurthest = new Map(rows.map((row) => [keyPart(row, 'furthest'), num(row.leads)]));
      // Walk from the last stage down, so each stage adds the leads that stopped there.
      const atOrBeyond: number[] = new Array(stages.length).fill(0);
      let running = 0;
      for (let rank = stages.length - 1; rank >= 0; rank--) {
        running += leadsByFurthest.get(rank) ?? 0;
        atOrBeyond[rank] = running;
      }
      const first = atOrBeyond[0] ?? 0;
      return stages.map(
        (stage, rank): FunnelStage => ({ kind: 'FunnelStage', stage, leads: atOrBeyond[rank], conversionRate: percentOf(atOrBeyond[rank], first) }),
      );
    },
  };
};

/**
 * Rank of a call's `lead_status` among the stages (0 = first), -1 for anything else. The
 * `where` above guarantees the field is one of the stages, so `$eq` never compares a missing
 * value. A configured stage that starts with `$` is a value, not a field path.
 */
function stageRank(stages: readonly string[]): Expression {
  if (stages.length === 0) return -1;
  return {
    $switch: {
      branches: stages.map((stage, rank) => ({
        case: { $eq: ['$lead_status', stage.startsWith('$') ? { $literal: stage } : stage] },
        then: rank,
      })),
      default: -1,
    },
  };
}
