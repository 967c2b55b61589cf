import type { CallDocument } from '../../contract/call-document.ts';

/**
 * What one field of the call document (DESIGN 2.1) may hold. `presence`:
 * - `required`: must be there and not null (the engines cannot scope, bucket or classify without it);
 * - `optional`: may be missing or null (the table's `type?` fields);
 * - `notNull`: may be missing, but null is not a value (the table's fields without `?`, such as
 *   `tags` and `attempt`, that exports from older systems sometimes leave out).
 */
export type FieldRule =
  | { kind: 'string'; presence: Presence; nonEmpty?: boolean }
  | { kind: 'id'; presence: Presence }
  | { kind: 'date'; presence: Presence }
  | { kind: 'boolean'; presence: Presence }
  | { kind: 'number'; presence: Presence; integer?: boolean; min?: number; max?: number }
  | { kind: 'enum'; presence: Presence; values: readonly string[] }
  | { kind: 'strings'; presence: Presence }
  | { kind: 'object'; presence: Presence }
  | { kind: 'records'; presence: Presence; fields: Readonly<Record<string, FieldRule>> };

export type Presence = 'required' | 'optional' | 'notNull';

/** The dialer's full-record fields (DESIGN 2.1, second table). */
export type DialerRecordField =
  | 'campaign' | 'project_contact_id' | 'crm_info' | 'favorite' | 'tree_id' | 'first_time_for_tree'
  | 'insert_origin' | 'record_name' | 'is_record_ready' | 'is_record_blocked' | 'recording_expired'
  | 'numbers_involved' | 'numbers_ringed' | 'recall_date' | 'recall_first_attempt_date' | 'recall_state'
  | 'agent_short_number' | 'transfers' | 'transcript' | 'ai_recording_summary' | 'ai_recording_title';

const text = (presence: Presence = 'optional'): FieldRule => ({ kind: 'string', presence });
const flag: FieldRule = { kind: 'boolean', presence: 'optional' };
const seconds: FieldRule = { kind: 'number', presence: 'optional', min: 0 };
const cents: FieldRule = { kind: 'number', presence: 'optional', integer: true };
const when: FieldRule = { kind: 'date', presence: 'optional' };

/**
 * Every field of DESIGN 2.1 with its rule, both tables. The `satisfies` clause makes a field
 * added to `CallDocument` without a rule a type error. Fields not listed here are kept as they
 * are and never read.
 */
export const CALL_FIELD_RULES = {
  _id: { kind: 'id', presence: 'required' },
  tenant_id: { kind: 'string', presence: 'required', nonEmpty: true },
  user_id: text(),
  user_email: text('notNull'),
  assistant_id: text(),
  merchant_id: text(),
  reseller_id: text(),
  template_id: text(),
  agent_id: text(),
  team_id: text(),
  project_id: text(),
  project_name: text(),
  lead_id: text(),
  unique_id: text(),
  started_at: { kind: 'date', presence: 'required' },
  ended_at: when,
  duration_sec: seconds,
  talk_time_sec: seconds,
  answer_time_sec: seconds,
  total_time_sec: seconds,
  ai_talk_time_sec: seconds,
  channel: { kind: 'enum', presence: 'required', values: ['web', 'phone'] },
  platform_number: text(),
  direction: { kind: 'enum', presence: 'required', values: ['inbound', 'outbound', 'internal'] },
  status: { kind: 'enum', presence: 'required', values: ['completed', 'no-answer', 'busy', 'failed', 'voicemail', 'canceled'] },
  from_number: text(),
  to_number: text(),
  answered_by: text(),
  provider: text(),
  outcome: text(),
  outcome_type: { kind: 'enum', presence: 'optional', values: ['positive', 'negative', 'neutral', 'absent'] },
  sentiment: { kind: 'number', presence: 'optional', min: 0, max: 1 },
  lead_status: text(),
  attempt: { kind: 'number', presence: 'notNull', integer: true, min: 1 },
  tags: { kind: 'strings', presence: 'notNull' },
  label: text(),
  source: text(),
  utm_source: text(),
  utm_medium: text(),
  utm_campaign: text(),
  utm_term: text(),
  call_flow_id: text(),
  call_flow_name: text(),
  tracking_number: text(),
  number_id: text(),
  number_group_id: text(),
  ai_category: text(),
  ai_score: { kind: 'number', presence: 'optional', min: 0, max: 100 },
  robo_score: { kind: 'number', presence: 'optional', min: 0, max: 100 },
  qualified: flag,
  value_cents: cents,
  cost_cents: cents,
  ai_talk_cost_cents: cents,
  quality_rating: { kind: 'number', presence: 'optional', integer: true, min: 1, max: 5 },
  first_time_for_user: flag,
  ai_handled: flag,
  has_transcript: flag,
  is_transfer_leg: flag,
  payload: { kind: 'object', presence: 'notNull' },
  // The dialer's full call record.
  campaign: text(),
  project_contact_id: text(),
  crm_info: { kind: 'object', presence: 'optional' },
  favorite: flag,
  tree_id: text(),
  first_time_for_tree: flag,
  insert_origin: text(),
  record_name: text(),
  is_record_ready: flag,
  is_record_blocked: flag,
  recording_expired: flag,
  numbers_involved: { kind: 'strings', presence: 'optional' },
  numbers_ringed: { kind: 'strings', presence: 'optional' },
  recall_date: when,
  recall_first_attempt_date: when,
  recall_state: { kind: 'number', presence: 'optional', integer: true },
  agent_short_number: text(),
  transfers: {
    kind: 'records',
    presence: 'optional',
    fields: {
      at: { kind: 'date', presence: 'required' },
      from: text('required'),
      to: text('required'),
      type: text('required'),
      user_id: text(),
    },
  },
  transcript: {
    kind: 'records',
    presence: 'optional',
    fields: {
      at_sec: { kind: 'number', presence: 'required', min: 0 },
      speaker: { kind: 'enum', presence: 'required', values: ['agent', 'client', 'ai'] },
      text: text('required'),
    },
  },
  ai_recording_summary: text(),
  ai_recording_title: text(),
} as const satisfies Record<keyof CallDocument | DialerRecordField, FieldRule>;

/** The rules as a list, in DESIGN 2.1 order (the checker's loop). */
export const CALL_FIELD_RULE_LIST: readonly (readonly [string, FieldRule])[] = Object.entries(CALL_FIELD_RULES);
