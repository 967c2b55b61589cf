/**
 * The call document as stored in the `calls` collection (snake_case, one document per call).
 * This is the data contract of the README's "Data contract" section; every compiler reads
 * these field names and nothing else.
 */
export interface CallDocument {
  _id: unknown;
  tenant_id: string;
  user_id?: string | null;
  user_email: string;
  assistant_id?: string | null;
  merchant_id?: string | null;
  reseller_id?: string | null;
  template_id?: string | null;
  agent_id?: string | null;
  team_id?: string | null;
  project_id?: string | null;
  project_name?: string | null;
  lead_id?: string | null;
  unique_id?: string | null;
  started_at: Date;
  ended_at?: Date | null;
  duration_sec?: number | null;
  talk_time_sec?: number | null;
  answer_time_sec?: number | null;
  total_time_sec?: number | null;
  ai_talk_time_sec?: number | null;
  channel: 'web' | 'phone';
  platform_number?: string | null;
  direction: 'inbound' | 'outbound' | 'internal';
  status: StoredCallStatus;
  from_number?: string | null;
  to_number?: string | null;
  answered_by?: string | null;
  provider?: string | null;
  outcome?: string | null;
  outcome_type?: 'positive' | 'negative' | 'neutral' | 'absent' | null;
  sentiment?: number | null;
  lead_status?: string | null;
  attempt?: number | null;
  tags?: string[];
  label?: string | null;
  source?: string | null;
  utm_source?: string | null;
  utm_medium?: string | null;
  utm_campaign?: string | null;
  utm_term?: string | null;
  call_flow_id?: string | null;
  call_flow_name?: string | null;
  tracking_number?: string | null;
  number_id?: string | null;
  number_group_id?: string | null;
  ai_category?: string | null;
  ai_score?: number | null;
  robo_score?: number | null;
  qualified?: boolean | null;
  value_cents?: number | null;
  cost_cents?: number | null;
  ai_talk_cost_cents?: number | null;
  quality_rating?: number | null;
  first_time_for_user?: boolean | null;
  ai_handled?: boolean | null;
  has_transcript?: boolean | null;
  is_transfer_leg?: boolean | null;
  payload?: Record<string, unknown>;
  // The dialer's full call record (DESIGN 2.1, second table; seed 003), all optional.
  campaign?: string | null;
  project_contact_id?: string | null;
  crm_info?: Record<string, unknown> | null;
  /** Missing reads as false. */
  favorite?: boolean | null;
  tree_id?: string | null;
  first_time_for_tree?: boolean | null;
  /** How the record was inserted: api, dialer, import… */
  insert_origin?: string | null;
  record_name?: string | null;
  is_record_ready?: boolean | null;
  is_record_blocked?: boolean | null;
  recording_expired?: boolean | null;
  /** Every number in the call. */
  numbers_involved?: string[] | null;
  /** Every number rung. */
  numbers_ringed?: string[] | null;
  recall_date?: Date | null;
  recall_first_attempt_date?: Date | null;
  recall_state?: number | null;
  agent_short_number?: string | null;
  transfers?: CallTransferDocument[] | null;
  transcript?: TranscriptSegmentDocument[] | null;
  ai_recording_summary?: string | null;
  ai_recording_title?: string | null;
}

/** One transfer of a call (`transfers[]`). */
export interface CallTransferDocument {
  at: Date;
  from: string;
  to: string;
  /** blind, attended, warm… */
  type: string;
  user_id?: string | null;
}

/** Who speaks in a transcript segment. */
export type TranscriptSpeaker = 'agent' | 'client' | 'ai';

/** One transcript segment (`transcript[]`): seconds from the call start, speaker, text. */
export interface TranscriptSegmentDocument {
  at_sec: number;
  speaker: TranscriptSpeaker;
  text: string;
}

export type StoredCallStatus = 'completed' | 'no-answer' | 'busy' | 'failed' | 'voicemail' | 'canceled';

/** The default funnel stages, lowest first (overridable with `--funnel-stages`). */
export const DEFAULT_FUNNEL_STAGES = ['new', 'contacted', 'interested', 'qualified', 'converted'] as const;
