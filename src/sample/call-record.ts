import type { CallDocument } from '../contract/call-document.ts';

/**
 * Every `CallDocument` field, present even when undefined. The generator fills one reused
 * draft per call and `materializeCall` copies the defined fields out, so no per-call scratch
 * object or closure is allocated.
 */
export type CallDraft = { [K in keyof Required<CallDocument>]: CallDocument[K] | undefined };

/** The document fields in DESIGN 2.1 order: the property order of every sample document. */
export const CALL_FIELDS = [
  '_id', 'tenant_id', 'user_id', 'user_email', 'assistant_id', 'merchant_id', 'reseller_id',
  'template_id', 'agent_id', 'team_id', 'project_id', 'project_name', 'lead_id', 'unique_id',
  'started_at', 'ended_at', 'duration_sec', 'talk_time_sec', 'answer_time_sec', 'total_time_sec',
  'ai_talk_time_sec', 'channel', 'platform_number', 'direction', 'status', 'from_number',
  'to_number', 'answered_by', 'provider', 'outcome', 'outcome_type', 'sentiment', 'lead_status',
  'attempt', 'tags', 'label', 'source', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term',
  'call_flow_id', 'call_flow_name', 'tracking_number', 'number_id', 'number_group_id',
  'ai_category', 'ai_score', 'robo_score', 'qualified', 'value_cents', 'cost_cents',
  'ai_talk_cost_cents', 'quality_rating', 'first_time_for_user', 'ai_handled', 'has_transcript',
  'is_transfer_leg', 'payload',
  // The dialer's full record (DESIGN 2.1, second table).
  'campaign', 'project_contact_id', 'crm_info', 'favorite', 'tree_id', 'first_time_for_tree',
  'insert_origin', 'record_name', 'is_record_ready', 'is_record_blocked', 'recording_expired',
  'numbers_involved', 'numbers_ringed', 'recall_date', 'recall_first_attempt_date', 'recall_state',
  'agent_short_number', 'transfers', 'transcript', 'ai_recording_summary', 'ai_recording_title',
] as const satisfies ReadonlyArray<keyof CallDocument>;

// Compile-time guard: a field added to CallDocument must be added to CALL_FIELDS too.
type UnlistedField = Exclude<keyof CallDocument, (typeof CALL_FIELDS)[number]>;
const everyFieldListed: [UnlistedField] extends [never] ? true : UnlistedField = true;
void everyFieldListed;

const REQUIRED: ReadonlySet<string> = new Set(['_id', 'tenant_id', 'user_email', 'started_at', 'channel', 'direction', 'status']);
const OPTIONAL = CALL_FIELDS.filter((field) => !REQUIRED.has(field));

/*
 * Why generated code: a million resident documents must be cheap to build and to read.
 * Copying fields one conditional assignment at a time gives every store site dozens of
 * incoming hidden classes (megamorphic, slow) and allocations V8 cannot pretenure, so the
 * young-generation collector copies every document. One object literal per field set
 * instead is monomorphic, sized exactly, pretenured after a few thousand documents, and
 * documents with the same field set share one hidden class. The source text is built only
 * from the constant field names above (checked to be plain identifiers), never from data.
 */
for (const field of CALL_FIELDS) {
  if (!/^[a-z_]+$/.test(field)) throw new Error(`call-record: unexpected field name ${field}`);
}

type Factory = (draft: CallDraft) => CallDocument;

// One bit per optional field, in two masks (each must stay an exact integer below 2^53).
const MASK_BITS = 40;
if (OPTIONAL.length > 2 * MASK_BITS) throw new Error('call-record: too many optional fields for two presence masks');
const maskOf = (fields: readonly string[]) =>
  new Function('d', `let m = 0;\n${fields.map((field) => `m = m * 2 + (d.${field} === undefined ? 0 : 1);`).join('\n')}\nreturn m;`) as (
    draft: CallDraft,
  ) => number;
const presenceLow = maskOf(OPTIONAL.slice(0, MASK_BITS));
const presenceHigh = maskOf(OPTIONAL.slice(MASK_BITS));

const clearDraft = new Function('d', CALL_FIELDS.map((field) => `d.${field} = undefined;`).join('\n')) as (draft: CallDraft) => void;

/** Factories by the high mask, then the low one. */
const factories = new Map<number, Map<number, Factory>>();

function compileFactory(low: number, high: number): Factory {
  const present = new Set<string>(REQUIRED);
  const mark = (fields: readonly string[], mask: number) => {
    let rest = mask;
    for (let i = fields.length - 1; i >= 0; i--) {
      if (rest % 2 === 1) present.add(fields[i]);
      rest = Math.floor(rest / 2);
    }
  };
  mark(OPTIONAL.slice(0, MASK_BITS), low);
  mark(OPTIONAL.slice(MASK_BITS), high);
  const fields = CALL_FIELDS.filter((field) => present.has(field));
  return new Function('d', `return { ${fields.map((field) => `${field}: d.${field}`).join(', ')} };`) as Factory;
}

/**
 * A new plain document with the draft's defined fields in `CALL_FIELDS` order. Undefined
 * fields are left out entirely (never set to undefined): missing and null are different cases
 * for the compilers. Values are copied by reference.
 */
export function materializeCall(draft: CallDraft): CallDocument {
  const low = presenceLow(draft);
  const high = presenceHigh(draft);
  let byLow = factories.get(high);
  if (byLow === undefined) {
    byLow = new Map();
    factories.set(high, byLow);
  }
  let factory = byLow.get(low);
  if (factory === undefined) {
    factory = compileFactory(low, high);
    byLow.set(low, factory);
  }
  return factory(draft);
}

/** A draft with every field undefined. */
export function createCallDraft(): CallDraft {
  const draft = {} as CallDraft;
  clearDraft(draft);
  return draft;
}

/** Resets every field of a reused draft to undefined. */
export function clearCallDraft(draft: CallDraft): void {
  clearDraft(draft);
}
