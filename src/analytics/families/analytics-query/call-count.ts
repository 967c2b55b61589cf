import { num, PARTIALS } from '../../registry/partials.ts';
import type { QueryTypePreset } from './preset.ts';

/**
 * `CALL_COUNT`: one group over every matching call. No calls means no group at all (on both
 * engines), which is a count of 0, never an empty answer.
 */
export const callCount: QueryTypePreset = () => ({
  query: { groups: [{ by: {}, accumulate: { calls: PARTIALS.calls } }] },
  shape: (rows) => [{ kind: 'CountRow', count: num(rows[0]?.calls) }],
});
