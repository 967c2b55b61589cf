import type { Expression } from '../../query/expression.ts';
import { round2 } from '../../rounding.ts';
import { num, PARTIALS } from '../../registry/partials.ts';
import { bucketIndexExpression, enumerateBuckets } from '../../time/buckets.ts';
import { LOCAL_MS, localTimeOnce } from '../../time/local-time-expression.ts';
import { keyPart, type QueryTypePreset } from './preset.ts';
import type { AnalyticsRow } from './rows.ts';

/**
 * `CALLS_OVER_TIME` and `AVG_DURATION_OVER_TIME`: calls grouped by local bucket index in the
 * request's zone and granularity, then every bucket of the range in time order with empty
 * ones filled (count 0, avgDuration null). The buckets are listed before the query runs, so a
 * range of more than 10,000 buckets is refused without touching the store.
 *
 * Both types share this plan: `avgDuration` (seconds, a missing duration counting as 0) is
 * filled for both, so null always means "no calls in this bucket".
 */
export const timeSeries: QueryTypePreset = ({ zone, granularity, range }) => {
  const buckets = enumerateBuckets({ zone, unit: granularity, from: range.from, to: range.to, argument: 'input.granularity' });
  const bucket = bucketIndexExpression(granularity, LOCAL_MS) as Expression;
  return {
    query: {
      perDocument: localTimeOnce(zone, range),
      groups: [{ by: { bucket }, accumulate: { calls: PARTIALS.calls, durationSum: PARTIALS.durationSum } }],
    },
    // Every bucket is a row, so the page is known before shaping: a 90-day hourly series
    // shapes its 1,000-point page, not all 2,160 points.
    shapePage: (rows, page) => {
      // Bucket indexes are consecutive numbers (a few missing across DST gaps): an array by
      // offset from the first finds a bucket's row without hashing.
      const first = buckets[0]?.index ?? 0;
      const span = buckets.length === 0 ? 0 : buckets[buckets.length - 1].index - first + 1;
      // Sized up front: rows come in any order, and a first write far past the end of an empty
      // array would turn it into a slow dictionary.
      const byOffset = new Array<Record<string, unknown> | undefined>(span);
      for (const row of rows) {
        const index = keyPart(row, 'bucket');
        if (typeof index === 'number' && index >= first && index - first < span) byOffset[index - first] = row;
      }
      const from = (page.page - 1) * page.pageSize;
      const to = Math.min(buckets.length, from + page.pageSize);
      const data: AnalyticsRow[] = [];
      for (let i = from; i < to; i++) {
        const bucket = buckets[i];
        const row = byOffset[bucket.index - first];
        const calls = num(row?.calls);
        data.push({
          kind: 'TimeSeriesPoint',
          date: bucket.label,
          bucketStart: bucket.start,
          count: calls,
          avgDuration: calls > 0 ? round2(num(row?.durationSum) / calls) : null,
        });
      }
      return { data, total: buckets.length };
    },
  };
};
