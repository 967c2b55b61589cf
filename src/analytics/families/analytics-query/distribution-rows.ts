import { percentOf } from '../../rounding.ts';
import type { DistributionRow } from './rows.ts';

/** Distribution rows in the given order, each `percentage` of the rows' own total (1 decimal). */
export function distributionRows(entries: readonly { key: string; count: number }[]): DistributionRow[] {
  const total = entries.reduce((sum, entry) => sum + entry.count, 0);
  return entries.map(({ key, count }) => ({ kind: 'DistributionRow', key, count, percentage: percentOf(count, total) }));
}
