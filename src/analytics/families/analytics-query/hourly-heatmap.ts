import { num, PARTIALS } from '../../registry/partials.ts';
import { DIMENSIONS } from '../../registry/dimensions.ts';
import { LOCAL_MS, localTimeOnce } from '../../time/local-time-expression.ts';
import { keyPart, type QueryTypePreset } from './preset.ts';
import type { HeatmapCell } from './rows.ts';

const DAYS = 7;
const HOURS = 24;

/**
 * `HOURLY_HEATMAP`: calls per local weekday (0 = Sunday) × local hour, through the shared
 * DAY_OF_WEEK and HOUR_OF_DAY dimensions; all 168 cells, Sunday 00 first, empty cells 0.
 */
export const hourlyHeatmap: QueryTypePreset = ({ zone, range }) => {
  const localMs = LOCAL_MS;
  return {
    query: {
      perDocument: localTimeOnce(zone, range),
      groups: [
        {
          by: { dayOfWeek: DIMENSIONS.DAY_OF_WEEK.key({ localMs }), hour: DIMENSIONS.HOUR_OF_DAY.key({ localMs }) },
          accumulate: { calls: PARTIALS.calls },
        },
      ],
    },
    shape: (rows) => {
      const counts = new Map(rows.map((row) => [num(keyPart(row, 'dayOfWeek')) * HOURS + num(keyPart(row, 'hour')), num(row.calls)]));
      const cells: HeatmapCell[] = [];
      for (let dayOfWeek = 0; dayOfWeek < DAYS; dayOfWeek++) {
        for (let hour = 0; hour < HOURS; hour++) {
          cells.push({ kind: 'HeatmapCell', dayOfWeek, hour, count: counts.get(dayOfWeek * HOURS + hour) ?? 0 });
        }
      }
      return cells;
    },
  };
};
