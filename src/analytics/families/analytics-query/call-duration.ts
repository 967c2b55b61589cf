import { round2 } from '../../rounding.ts';
import { num, PARTIALS } from '../../registry/partials.ts';
import type { QueryTypePreset } from './preset.ts';

/**
 * `CALL_DURATION`: count, total, average, shortest and longest duration in seconds over every
 * matching call, a missing duration counting as 0 (DESIGN 2.1). Over no calls the total is 0
 * and the average, minimum and maximum are null: there is nothing to average.
 */
export const callDuration: QueryTypePreset = () => ({
  query: {
    groups: [
      {
        by: {},
        accumulate: {
          calls: PARTIALS.calls,
          durationSum: PARTIALS.durationSum,
          durationMin: PARTIALS.durationMin,
          durationMax: PARTIALS.durationMax,
        },
      },
    ],
  },
  shape: (rows) => {
    const row = rows[0];
    const calls = num(row?.calls);
    const total = num(row?.durationSum);
    return [
      {
        kind: 'DurationStatsRow',
        count: calls,
        total: round2(total),
        avg: calls > 0 ? round2(total / calls) : null,
        min: calls > 0 ? round2(num(row?.durationMin)) : null,
        max: calls > 0 ? round2(num(row?.durationMax)) : null,
      },
    ];
  },
});
