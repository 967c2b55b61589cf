import type { Accumulator, Expression } from '../query/expression.ts';

/**
 * Named partial aggregates that metrics are finished from. Metrics that need the same
 * partial share it (avgDuration and totalDuration both read `durationSum`), so the pipeline
 * accumulates each partial once. Partials merge across groups (see `mergeAccumulator`), which
 * is how totals are computed from grouped rows. There are no set partials: distinct counts
 * are grouping levels (see query/distinct-count.ts), so no result carries a set of values.
 */
const countWhere = (condition: Expression): Accumulator => ({ $sum: { $cond: [condition, 1, 0] } });
const statusIs = (status: string): Expression => ({ $eq: ['$status', status] });

/** The dialer's client number: `from_number` of an inbound call, `to_number` otherwise (null when missing). */
export function clientNumberExpression(): Expression {
  return { $cond: [{ $eq: ['$direction', 'inbound'] }, { $ifNull: ['$from_number', null] }, { $ifNull: ['$to_number', null] }] };
}

/** The caller of a call (null when missing): what `uniqueCallers` counts. */
export function callerNumberExpression(): Expression {
  return { $ifNull: ['$from_number', null] };
}

export const PARTIALS = {
  calls: { $sum: 1 },
  /** `$sum` skips missing and non-numeric values, so a missing duration counts as 0. */
  durationSum: { $sum: '$duration_sec' },
  aiScoreSum: { $sum: '$ai_score' },
  aiScoreCount: countWhere({ $isNumber: '$ai_score' }),
  roboScoreSum: { $sum: '$robo_score' },
  roboScoreCount: countWhere({ $isNumber: '$robo_score' }),
  qualifiedCount: countWhere({ $eq: [{ $ifNull: ['$qualified', false] }, true] }),
  valueCentsSum: { $sum: '$value_cents' },
  costCentsSum: { $sum: '$cost_cents' },
  answeredCount: countWhere(statusIs('completed')),
  missedCount: countWhere(statusIs('no-answer')),
  voicemailCount: countWhere(statusIs('voicemail')),
  // Dialer statistics (DESIGN 5.4). A missing timing counts as 0 seconds, as DESIGN 2.1 says
  // for the duration; min/max coalesce it so both engines agree and the bounds match the filters.
  failedCount: countWhere(statusIs('failed')),
  talkingCount: countWhere({ $gt: [{ $ifNull: ['$talk_time_sec', 0] }, 0] }),
  firstTimeCount: countWhere({ $eq: [{ $ifNull: ['$first_time_for_user', false] }, true] }),
  /** Still running: no `ended_at`. */
  activeCount: countWhere({ $eq: [{ $ifNull: ['$ended_at', null] }, null] }),
  talkTimeSum: { $sum: '$talk_time_sec' },
  talkTimeMin: { $min: { $ifNull: ['$talk_time_sec', 0] } },
  talkTimeMax: { $max: { $ifNull: ['$talk_time_sec', 0] } },
  answerTimeMin: { $min: { $ifNull: ['$answer_time_sec', 0] } },
  answerTimeMax: { $max: { $ifNull: ['$answer_time_sec', 0] } },
  aiTalkTimeSum: { $sum: '$ai_talk_time_sec' },
  aiTalkCostCentsSum: { $sum: '$ai_talk_cost_cents' },
  totalTimeSum: { $sum: '$total_time_sec' },
  totalTimeMin: { $min: { $ifNull: ['$total_time_sec', 0] } },
  totalTimeMax: { $max: { $ifNull: ['$total_time_sec', 0] } },
  /** Answer time of answered calls only; `$min`/`$max` skip the null given for the others. */
  answeredAnswerTimeSum: { $sum: { $cond: [statusIs('completed'), { $ifNull: ['$answer_time_sec', 0] }, 0] } },
  answeredAnswerTimeMin: { $min: { $cond: [statusIs('completed'), { $ifNull: ['$answer_time_sec', 0] }, null] } },
  answeredAnswerTimeMax: { $max: { $cond: [statusIs('completed'), { $ifNull: ['$answer_time_sec', 0] }, null] } },
  positiveOutcomeCount: countWhere({ $eq: ['$outcome_type', 'positive'] }),
  neutralOutcomeCount: countWhere({ $eq: ['$outcome_type', 'neutral'] }),
  negativeOutcomeCount: countWhere({ $eq: ['$outcome_type', 'negative'] }),
  /** `absent`, null or missing outcome type (the `ABSENT` filter matches the same calls). */
  noOutcomeTypeCount: countWhere({ $eq: [{ $ifNull: ['$outcome_type', 'absent'] }, 'absent'] }),
  /** Shortest and longest duration; a missing duration counts as 0, as in `durationSum`. */
  durationMin: { $min: { $ifNull: ['$duration_sec', 0] } },
  durationMax: { $max: { $ifNull: ['$duration_sec', 0] } },
} as const satisfies Record<string, Accumulator>;

export type PartialName = keyof typeof PARTIALS;

/** Partial values (and distinct counts) as they come back from the pipeline. */
export type PartialValues = Readonly<Record<string, unknown>>;

export const num = (value: unknown): number => (typeof value === 'number' ? value : 0);
