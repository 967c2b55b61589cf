import { round2 } from '../../rounding.ts';
import { percentileLevels, type PercentileSpec } from '../../query/percentile-levels.ts';
import { METRIC_NAMES, METRICS, type MetricDefinition } from '../../registry/metrics.ts';
import { num, PARTIALS } from '../../registry/partials.ts';
import type { DurationPercentiles } from './rows.ts';
import type { QueryTypePreset } from './preset.ts';

/** The duration percentiles of the metric registry (`p50Duration` …), the same as groupedCalls'. */
const PERCENTILES: readonly PercentileSpec[] = METRIC_NAMES.flatMap((name) => {
  const percent = (METRICS[name] as MetricDefinition).percentile;
  return percent === undefined ? [] : [{ name, percent }];
});

/**
 * `CALL_DURATION`: count, total, average, shortest and longest duration in seconds over every
 * matching call, a missing duration counting as 0 (DESIGN 2.1), and the exact nearest-rank
 * percentiles, picked from the duration histogram the pipeline counts (one row per distinct
 * duration, see query/percentile-levels.ts). Over no calls the total is 0 and the average,
 * minimum, maximum and percentiles are null: there is nothing to average or rank.
 */
export const callDuration: QueryTypePreset = () => {
  const levels = percentileLevels({
    by: {},
    accumulate: {
      calls: PARTIALS.calls,
      durationSum: PARTIALS.durationSum,
      durationMin: PARTIALS.durationMin,
      durationMax: PARTIALS.durationMax,
    },
    percentiles: PERCENTILES,
  });
  return {
    query: { groups: [levels.first, ...levels.rows] },
    shape: (rows) => {
      const row = rows[0];
      const calls = num(row?.calls);
      const total = num(row?.durationSum);
      const pick = (name: keyof DurationPercentiles): number | null => {
        const value = row?.[name];
        return calls > 0 && typeof value === 'number' ? round2(value) : null;
      };
      const percentiles: DurationPercentiles = {
        p50Duration: pick('p50Duration'),
        p90Duration: pick('p90Duration'),
        p95Duration: pick('p95Duration'),
        p99Duration: pick('p99Duration'),
      };
      return [
        {
          kind: 'DurationStatsRow',
          count: calls,
          total: round2(total),
          avg: calls > 0 ? round2(total / calls) : null,
          min: calls > 0 ? round2(num(row?.durationMin)) : null,
          max: calls > 0 ? round2(num(row?.durationMax)) : null,
          ...percentiles,
        },
      ];
    },
  };
};
