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

/**
 * One call as the dialer API shows it (camelCase; DESIGN 5.4, seed 003), read field by field
 * from the projected call document. The list projects only the stored fields of the record
 * fields a request selects (`callRecordProjection`), so each field reads its own stored fields
 * and nothing else: a page that does not ask for transcripts never reads one.
 */

/** A call document as the list's page projects it: `_id` plus the selected fields' sources. */
export type ProjectedCall = Readonly<Record<string, unknown>>;

/** A transfer of a call (`transfers[]`). */
export interface CallTransfer {
  at: Date;
  from: string;
  to: string;
  type: string;
  userId: string | null;
}

export type TranscriptSpeaker = 'AGENT' | 'CLIENT' | 'AI';

/** A transcript segment (`transcript[]`): seconds from the call start, speaker, text. */
export interface TranscriptSegment {
  atSec: number;
  speaker: TranscriptSpeaker;
  text: string;
}

/** What one record field is made from (`from`: the stored fields it reads) and how. */
interface RecordField<T> {
  readonly from: readonly CallField[];
  readonly read: (doc: ProjectedCall) => T;
}

const field = <T>(from: readonly CallField[], read: (doc: ProjectedCall) => T): RecordField<T> => ({ from, read });

const text = (name: CallField) => field([name], (doc) => (typeof doc[name] === 'string' ? (doc[name] as string) : null));
/** Timings in seconds; a missing timing is 0 (DESIGN 2.1 says so for the duration). */
const seconds = (name: CallField) => field([name], (doc) => (typeof doc[name] === 'number' ? (doc[name] as number) : 0));
const flag = (name: CallField) => field([name], (doc) => (typeof doc[name] === 'boolean' ? (doc[name] as boolean) : null));
const integer = (name: CallField) => field([name], (doc) => (Number.isInteger(doc[name]) ? (doc[name] as number) : null));
const instant = (name: CallField) => field([name], (doc) => (isDate(doc[name]) ? (doc[name] as Date) : null));
const strings = (name: CallField) => field([name], (doc) => stringList(doc[name]));
/** The seed's `…JSON` form of a number list: the list as a JSON string, null when none is stored. */
const stringsJson = (name: CallField) =>
  field([name], (doc) => {
    const list = stringList(doc[name]);
    return list === null ? null : JSON.stringify(list);
  });

const reverse = <K extends string>(table: Record<K, string>): Record<string, K> =>
  Object.fromEntries(Object.entries(table).map(([name, stored]) => [stored, name])) as Record<string, K>;

const DIRECTION_BY_STORED = reverse<CallDirection>(CALL_DIRECTION);
const STATUS_BY_STORED = reverse<CallStatus>(CALL_STATUS);
const OUTCOME_TYPE_BY_STORED = reverse<OutcomeType>(OUTCOME_TYPE);
const SPEAKER_BY_STORED: Record<string, TranscriptSpeaker> = { agent: 'AGENT', client: 'CLIENT', ai: 'AI' };

/** `direction` and `status` are closed domains (DESIGN 2.1, checked on load); anything else is corrupt data. */
function known<K extends string>(table: Record<string, K>, stored: unknown, id: unknown): K {
  const name = typeof stored === 'string' && Object.hasOwn(table, stored) ? table[stored] : undefined;
  if (name === undefined) throw new Error(`call ${String(id)} has "${String(stored)}", outside the data contract`);
  return name;
}

/**
 * Every field of the GraphQL `Call` type: the stored fields it reads and how it reads them.
 * Order is the seed's, then dialgraph's additions.
 */
export const CALL_RECORD = {
  id: field([], (doc) => String(doc._id)),
  uniqueId: text('unique_id'),
  /** `started_at`. */
  timestamp: field(['started_at'], (doc) => doc.started_at as Date),
  answerTime: seconds('answer_time_sec'),
  /** `duration_sec`. */
  callTime: seconds('duration_sec'),
  talkTime: seconds('talk_time_sec'),
  aiTalkTime: seconds('ai_talk_time_sec'),
  totalTime: seconds('total_time_sec'),
  /** `direction`. */
  type: field(['direction'], (doc): CallDirection => known(DIRECTION_BY_STORED, doc.direction, doc._id)),
  state: field(['status'], (doc): CallState => callStateOf(String(doc.status))),
  status: field(['status'], (doc): CallStatus => known(STATUS_BY_STORED, doc.status, doc._id)),
  fromNumber: text('from_number'),
  toNumber: text('to_number'),
  /** `answered_by`. */
  toAnswer: text('answered_by'),
  /** The other party: `from_number` of an inbound call, `to_number` otherwise. */
  clientNumber: field(['direction', 'from_number', 'to_number'], (doc) => {
    const number = doc.direction === 'inbound' ? doc.from_number : doc.to_number;
    return typeof number === 'string' ? number : null;
  }),
  /** `platform_number`. */
  lineNumber: text('platform_number'),
  campaign: text('campaign'),
  projectName: text('project_name'),
  projectId: text('project_id'),
  projectContactId: text('project_contact_id'),
  crmInfo: field(['crm_info'], (doc) => (isPlainObject(doc.crm_info) ? doc.crm_info : null)),
  /** Missing reads as false. */
  favorite: field(['favorite'], (doc) => doc.favorite === true),
  treeId: text('tree_id'),
  firstTimeForTree: flag('first_time_for_tree'),
  insertOrigin: text('insert_origin'),
  recordName: text('record_name'),
  isRecordReady: flag('is_record_ready'),
  isRecordBlocked: flag('is_record_blocked'),
  recordingExpired: flag('recording_expired'),
  numbersInvolved: strings('numbers_involved'),
  numbersRinged: strings('numbers_ringed'),
  numbersInvolvedJSON: stringsJson('numbers_involved'),
  numbersRingedJSON: stringsJson('numbers_ringed'),
  recallDate: instant('recall_date'),
  recallFirstAttemptDate: instant('recall_first_attempt_date'),
  recallState: integer('recall_state'),
  agentShortNumber: text('agent_short_number'),
  transfers: field(['transfers'], (doc) => (Array.isArray(doc.transfers) ? doc.transfers.flatMap(readTransfer) : null)),
  /** `transcript`. */
  transcripts: field(['transcript'], (doc) => (Array.isArray(doc.transcript) ? doc.transcript.flatMap(readSegment) : null)),
  aiRecordingSummary: text('ai_recording_summary'),
  aiRecordingTitle: text('ai_recording_title'),
  tags: field(['tags'], (doc) => stringList(doc.tags) ?? []),
  /** `outcome`. */
  outcomeTag: text('outcome'),
  /** Null when the call has no outcome type stored. */
  outcomeType: field(['outcome_type'], (doc) =>
    typeof doc.outcome_type === 'string' ? (OUTCOME_TYPE_BY_STORED[doc.outcome_type] ?? null) : null,
  ),
  qualityRating: integer('quality_rating'),
  userId: text('user_id'),
  agentId: text('agent_id'),
  teamId: text('team_id'),
  label: text('label'),
  firstTimeForUser: flag('first_time_for_user'),
  aiHandled: flag('ai_handled'),
  hasTranscript: flag('has_transcript'),
} as const satisfies Record<string, RecordField<unknown>>;

export type CallRecordField = keyof typeof CALL_RECORD;
export const CALL_RECORD_FIELDS = Object.keys(CALL_RECORD) as CallRecordField[];

/** Value of one record field of a projected call. */
export function readCallField<F extends CallRecordField>(doc: ProjectedCall, name: F): ReturnType<(typeof CALL_RECORD)[F]['read']> {
  return CALL_RECORD[name].read(doc) as ReturnType<(typeof CALL_RECORD)[F]['read']>;
}

/**
 * `$project` inclusion of the stored fields the selected record fields read, in stored-name
 * order (`_id` is always kept). Names that are not record fields (`__typename`) add nothing;
 * a selection of only `id` projects `_id` alone.
 */
export function callRecordProjection(selected: Iterable<string>): Record<string, Expression> {
  const stored = new Set<string>();
  for (const name of selected) {
    if (Object.hasOwn(CALL_RECORD, name)) for (const source of CALL_RECORD[name as CallRecordField].from) stored.add(source);
  }
  if (stored.size === 0) return { _id: 1 };
  return Object.fromEntries([...stored].sort().map((name) => [name, 1]));
}

/** The whole record of a projected call (tests and REST helpers; GraphQL reads field by field). */
export function shapeCallRecord(doc: ProjectedCall): { [F in CallRecordField]: ReturnType<(typeof CALL_RECORD)[F]['read']> } {
  const record: Record<string, unknown> = {};
  for (const name of CALL_RECORD_FIELDS) record[name] = CALL_RECORD[name].read(doc);
  return record as { [F in CallRecordField]: ReturnType<(typeof CALL_RECORD)[F]['read']> };
}

/** A transfer as the contract has it (DESIGN 2.1); entries that break it are left out. */
function readTransfer(value: unknown): CallTransfer[] {
  if (!isPlainObject(value)) return [];
  const { at, from, to, type, user_id } = value;
  if (!isDate(at) || typeof from !== 'string' || typeof to !== 'string' || typeof type !== 'string') return [];
  return [{ at, from, to, type, userId: typeof user_id === 'string' ? user_id : null }];
}

/** A transcript segment as the contract has it; entries that break it are left out. */
function readSegment(value: unknown): TranscriptSegment[] {
  if (!isPlainObject(value)) return [];
  const { at_sec, speaker, text } = value;
  const name = typeof speaker === 'string' && Object.hasOwn(SPEAKER_BY_STORED, speaker) ? SPEAKER_BY_STORED[speaker] : undefined;
  if (typeof at_sec !== 'number' || !Number.isFinite(at_sec) || name === undefined || typeof text !== 'string') return [];
  return [{ atSec: at_sec, speaker: name, text }];
}

/** The strings of a stored string list (other entries left out); null when none is stored. */
function stringList(value: unknown): string[] | null {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : null;
}

function isDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
