import type { Expression } from '../../query/expression.ts';
import type { TimeRange } from '../../query/scope.ts';
import { localMillisExpression } from '../../time/local-time-expression.ts';
import { offsetSegments } from '../../time/time-zone.ts';

/** Local wall-clock ms of `started_at` in `zone`, over the offset segments of the queried range. */
export function localMillis(zone: string, range: TimeRange): Expression {
  return localMillisExpression(offsetSegments(zone, range.from, range.to)) as Expression;
}
