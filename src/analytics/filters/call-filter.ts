import { UserInputError } from '../errors.ts';
import { between, equals, isTrue } from '../query/conditions.ts';
import { rangeCondition } from '../query/range-condition.ts';
import type { Condition } from '../query/expression.ts';
import { CALL_DIRECTION, CALL_STATUS, type CallDirection, type CallStatus } from '../registry/enums.ts';

/** `groupedCalls(filter:)` — the report filter of DESIGN 5.3 (day bounds handled by the range). */
export interface CallFilterArgs {
  startDate?: string | null;
  endDate?: string | null;
  status?: CallStatus | null;
  source?: string | null;
  direction?: CallDirection | null;
  callFlowId?: string | null;
  numberId?: string | null;
  numberGroupId?: string | null;
  minAiScore?: number | null;
  maxAiScore?: number | null;
  aiCategory?: string | null;
  qualified?: boolean | null;
  minDuration?: number | null;
}

/** Validates the value-level rules and returns the filter's conditions (without the day range). */
export function callFilterConditions(filter: CallFilterArgs | null | undefined, argument = 'filter'): Condition[] {
  if (!filter) return [];
  const aiScore = rangeCondition({
    field: 'ai_score',
    min: filter.minAiScore,
    max: filter.maxAiScore,
    argument: { min: `${argument}.minAiScore`, max: `${argument}.maxAiScore` },
  });
  if (filter.minDuration != null && filter.minDuration < 0) {
    throw new UserInputError(`${argument}.minDuration`, `${argument}.minDuration must be 0 or more seconds`);
  }
  const conditions: (Condition | null)[] = [
    filter.status != null ? equals('status', CALL_STATUS[filter.status]) : null,
    filter.source != null ? equals('source', filter.source) : null,
    filter.direction != null ? equals('direction', CALL_DIRECTION[filter.direction]) : null,
    filter.callFlowId != null ? equals('call_flow_id', filter.callFlowId) : null,
    filter.numberId != null ? equals('number_id', filter.numberId) : null,
    filter.numberGroupId != null ? equals('number_group_id', filter.numberGroupId) : null,
    aiScore,
    filter.aiCategory != null ? equals('ai_category', filter.aiCategory) : null,
    filter.qualified != null ? isTrue('qualified', filter.qualified) : null,
    // A missing duration counts as 0, so a minimum of 0 keeps every call.
    filter.minDuration ? between('duration_sec', { min: filter.minDuration }) : null,
  ];
  return conditions.filter((c): c is Condition => c !== null);
}
