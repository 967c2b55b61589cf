import type { CallField } from '../../query/conditions.ts';
import type { Expression } from '../../query/expression.ts';
import {
  CALL_DIRECTION,
  CALL_STATUS,
  callStateOf,
  OUTCOME_TYPE,
  type CallDirection,
  type CallState,
  type CallStatus,
  type OutcomeType,
} from '../../registry/enums.ts';

/** One call as the dialer API shows it (camelCase; DESIGN 5.4 / the dialer's calls list). */
export interface CallRecord {
  id: string;
  uniqueId: string | null;
  /** `started_at`. */
  timestamp: Date;
  /** Timings in seconds; a missing timing is 0 (DESIGN 2.1 says so for the duration). */
  answerTime: number;
  /** `duration_sec`. */
  callTime: number;
  talkTime: number;
  aiTalkTime: number;
  totalTime: number;
  /** `direction`. */
  type: CallDirection;
  state: CallState;
  status: CallStatus;
  fromNumber: string | null;
  toNumber: string | null;
  /** `answered_by`. */
  toAnswer: string | null;
  /** The other party: `from_number` of an inbound call, `to_number` otherwise. */
  clientNumber: string | null;
  /** `platform_number`. */
  lineNumber: string | null;
  projectName: string | null;
  projectId: string | null;
  tags: string[];
  /** `outcome`. */
  outcomeTag: string | null;
  /** Null when the call has no outcome type stored. */
  outcomeType: OutcomeType | null;
  qualityRating: number | null;
  userId: string | null;
  agentId: string | null;
  teamId: string | null;
  label: string | null;
  firstTimeForUser: boolean | null;
  aiHandled: boolean | null;
  hasTranscript: boolean | null;
}

/** The stored fields a `CallRecord` is made from: the list projects only these. */
export const CALL_RECORD_FIELDS = [
  'unique_id',
  'started_at',
  'answer_time_sec',
  'duration_sec',
  'talk_time_sec',
  'ai_talk_time_sec',
  'total_time_sec',
  'direction',
  'status',
  'from_number',
  'to_number',
  'answered_by',
  'platform_number',
  'project_name',
  'project_id',
  'tags',
  'outcome',
  'outcome_type',
  'quality_rating',
  'user_id',
  'agent_id',
  'team_id',
  'label',
  'first_time_for_user',
  'ai_handled',
  'has_transcript',
] as const satisfies readonly CallField[];

/** `$project` inclusion of `_id` and `CALL_RECORD_FIELDS` (the payload and the rest stay behind). */
export function callRecordProjection(): Record<string, Expression> {
  return Object.fromEntries(CALL_RECORD_FIELDS.map((field) => [field, 1]));
}

const reverse = <K extends string>(table: Record<K, string>): Record<string, K> =>
  Object.fromEntries(Object.entries(table).map(([name, stored]) => [stored, name])) as Record<string, K>;

const DIRECTION_BY_STORED = reverse<CallDirection>(CALL_DIRECTION);
const STATUS_BY_STORED = reverse<CallStatus>(CALL_STATUS);
const OUTCOME_TYPE_BY_STORED = reverse<OutcomeType>(OUTCOME_TYPE);

/** `direction` and `status` are closed domains (DESIGN 2.1, checked on load); anything else is corrupt data. */
function known<K extends string>(table: Record<string, K>, stored: string, id: unknown): K {
  const name = Object.hasOwn(table, stored) ? table[stored] : undefined;
  if (name === undefined) throw new Error(`call ${String(id)} has "${stored}", outside the data contract`);
  return name;
}

/** Turns one projected call document into the dialer's call record. */
export function shapeCallRecord(doc: Record<string, unknown>): CallRecord {
  const text = (field: CallField): string | null => (typeof doc[field] === 'string' ? (doc[field] as string) : null);
  const seconds = (field: CallField): number => (typeof doc[field] === 'number' ? (doc[field] as number) : 0);
  const flag = (field: CallField): boolean | null => (typeof doc[field] === 'boolean' ? (doc[field] as boolean) : null);
  const direction = String(doc.direction);
  const status = String(doc.status);
  return {
    id: String(doc._id),
    uniqueId: text('unique_id'),
    timestamp: doc.started_at as Date,
    answerTime: seconds('answer_time_sec'),
    callTime: seconds('duration_sec'),
    talkTime: seconds('talk_time_sec'),
    aiTalkTime: seconds('ai_talk_time_sec'),
    totalTime: seconds('total_time_sec'),
    type: known(DIRECTION_BY_STORED, direction, doc._id),
    state: callStateOf(status),
    status: known(STATUS_BY_STORED, status, doc._id),
    fromNumber: text('from_number'),
    toNumber: text('to_number'),
    toAnswer: text('answered_by'),
    clientNumber: direction === 'inbound' ? text('from_number') : text('to_number'),
    lineNumber: text('platform_number'),
    projectName: text('project_name'),
    projectId: text('project_id'),
    tags: Array.isArray(doc.tags) ? doc.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    outcomeTag: text('outcome'),
    outcomeType: typeof doc.outcome_type === 'string' ? (OUTCOME_TYPE_BY_STORED[doc.outcome_type] ?? null) : null,
    qualityRating: typeof doc.quality_rating === 'number' ? doc.quality_rating : null,
    userId: text('user_id'),
    agentId: text('agent_id'),
    teamId: text('team_id'),
    label: text('label'),
    firstTimeForUser: flag('first_time_for_user'),
    aiHandled: flag('ai_handled'),
    hasTranscript: flag('has_transcript'),
  };
}
