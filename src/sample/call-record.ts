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

// One bit per optional field (52 today): the mask must stay an exact integer below 2^53.
if (OPTIONAL.length > 53) throw new Error('call-record: too many optional fields for one presence mask');
const presenceMask = new Function(
  'd',
  `let m = 0;\n${OPTIONAL.map((field) => `m = m * 2 + (d.${field} === undefined ? 0 : 1);`).join('\n')}\nreturn m;`,
) as (draft: CallDraft) => number;

const clearDraft = new Function('d', CALL_FIELDS.map((field) => `d.${field} = undefined;`).join('\n')) as (draft: CallDraft) => void;

const factories = new Map<number, Factory>();

function compileFactory(mask: number): Factory {
  const present = new Set<string>(REQUIRED);
  let rest = mask;
  for (let i = OPTIONAL.length - 1; i >= 0; i--) {
    if (rest % 2 === 1) present.add(OPTIONAL[i]);
    rest = Math.floor(rest / 2);
  }
  const fields = CALL_FIELDS.filter((field) => present.has(field));
  return new Function('d', `return { ${fields.map((field) => `${field}: d.${field}`).join(', ')} };`) as Factory;
}

/**
 * A new plain document with the draft's defined fields in `CALL_FIELDS` order. Undefined
 * fields are left out entirely (never set to undefined): missing and null are different cases
 * for the compilers. Values are copied by reference.
 */
export function materializeCall(draft: CallDraft): CallDocument {
  const mask = presenceMask(draft);
  let factory = factories.get(mask);
  if (factory === undefined) {
    factory = compileFactory(mask);
    factories.set(mask, factory);
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
