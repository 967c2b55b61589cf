import { round2 } from '../../rounding.ts';
import { num, PARTIALS } from '../../registry/partials.ts';
import { keyOrUnknown, keyPart, type QueryTypePreset } from './preset.ts';

/**
 * `PROVIDER_BREAKDOWN`: calls and durations per telephony provider, most calls first, then
 * by provider ascending; a missing provider is `UNKNOWN`. The average comes from the
 * unrounded total.
 */
export const providerBreakdown: QueryTypePreset = () => ({
  query: {
    groups: [{ by: { provider: keyOrUnknown('provider') }, accumulate: { calls: PARTIALS.calls, durationSum: PARTIALS.durationSum } }],
    sort: [{ by: '$calls', direction: -1 }],
  },
  shape: (rows) =>
    rows.map((row) => {
      const calls = num(row.calls);
      const seconds = num(row.durationSum);
      return {
        kind: 'ProviderRow',
        provider: String(keyPart(row, 'provider')),
        count: calls,
        totalDuration: round2(seconds),
        avgDuration: calls > 0 ? round2(seconds / calls) : null,
      };
    }),
});
