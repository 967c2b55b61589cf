import { percentOf } from '../../rounding.ts';
import { num, PARTIALS } from '../../registry/partials.ts';
import { keyPart, type QueryTypePreset } from './preset.ts';

/**
 * `RETRY_ANALYSIS`: calls and answered calls (status `completed`) per attempt number,
 * ascending; a call without an attempt number is a first attempt.
 */
export const retryAnalysis: QueryTypePreset = () => ({
  query: {
    groups: [
      {
        by: { attempt: { $ifNull: ['$attempt', 1] } },
        accumulate: { calls: PARTIALS.calls, answeredCount: PARTIALS.answeredCount },
      },
    ],
    sort: [{ by: '$_id.attempt', direction: 1 }],
  },
  shape: (rows) =>
    rows.map((row) => {
      const calls = num(row.calls);
      const answered = num(row.answeredCount);
      return { kind: 'RetryRow', attempt: num(keyPart(row, 'attempt')), calls, answered, answerRate: percentOf(answered, calls) };
    }),
});
