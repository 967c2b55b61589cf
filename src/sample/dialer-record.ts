import type { TranscriptSegmentDocument } from '../contract/call-document.ts';
import type { GeneratorState } from './generator-state.ts';
import { AGENT_SCRIPTS, AI_SCRIPTS } from './transcripts.ts';
import { RETRY_DELAYS_MS } from './vocabulary.ts';
import { weightedTable } from './prng.ts';

/** Recordings are kept this long, then expire (the file is deleted, the record stays). */
const RECORDING_RETENTION_MS = 60 * 86_400_000;

/** Recall state codes: scheduled, attempted, canceled. */
const RECALL = { scheduled: 0, attempted: 1, canceled: 2 } as const;

const TRANSFER_TYPES = weightedTable([['blind', 50], ['attended', 35], ['warm', 15]] as const);

/**
 * Fills the dialer's full record (DESIGN 2.1, second table) of the current call: campaign,
 * project contact, CRM data, favourite flag, call tree, insert origin, recording state,
 * numbers involved and rung, recall scheduling, agent extension, transfers, transcript and
 * the AI's recording title and summary. Expects routing, timing and analysis to be filled.
 *
 * What appears follows the call: recorded calls (answered or voicemail) have a recording that
 * is ready, blocked or expired (older than the retention); unanswered lead calls have a recall;
 * transfer legs have their transfer; calls with `has_transcript` carry transcript segments,
 * and AI-handled ones the AI's title and summary. Legacy records only say they were imported.
 */
export function fillDialerRecord(gen: GeneratorState): void {
  const { rng, thread: t, call, draft: d, strings } = gen;
  fillTranscript(gen);
  if (call.quirk === 'legacy') {
    d.insert_origin = 'import';
    return;
  }
  const answered = call.status === 'completed';
  const active = d.ended_at === undefined;
  const phone = t.kind !== 'web';

  d.campaign = t.dialerCampaign;
  d.project_contact_id = t.projectContactId;
  // Present (null when the lead has no CRM record) on every lead call: presence follows the
  // thread, not a coin, so the number of distinct field sets (hidden classes) stays small.
  if (t.leadId !== undefined) d.crm_info = t.crmInfo ?? null;
  d.favorite = answered && rng.chance(0.04);
  if (t.kind === 'inbound' && t.callFlow !== undefined) {
    d.tree_id = t.callFlow.id;
    d.first_time_for_tree = call.attempt === 1 && t.newCaller;
  }
  d.insert_origin = t.kind === 'web' ? 'widget' : t.kind === 'outbound' ? (rng.chance(0.05) ? 'api' : 'dialer') : 'pbx';

  if (answered || call.status === 'voicemail') {
    d.record_name = strings.reset().text('rec_').text(d._id as string).text('.mp3').build();
    const expired = !active && call.startMs < gen.nowMs - RECORDING_RETENTION_MS;
    const blocked = !active && !expired && rng.chance(0.05);
    d.recording_expired = expired;
    d.is_record_blocked = blocked;
    // A running call is still being recorded.
    d.is_record_ready = !active && !expired && !blocked;
  }

  if (phone) {
    const from = d.from_number;
    const to = d.to_number;
    d.numbers_involved = t.agent !== undefined && answered ? [from as string, to as string, t.agent.extension] : [from as string, to as string];
    const ringer = t.kind === 'inbound' ? (t.agent?.extension ?? to) : undefined;
    // Shared, frozen arrays where a known extension or line rang; a new one for a customer.
    d.numbers_ringed = ((ringer != null ? t.pools.ringedByNumber.get(ringer) : undefined) as string[] | undefined) ?? [to as string];
  }

  if (!answered && !active && t.leadId !== undefined) {
    const recallMs = call.startMs + rng.weighted(RETRY_DELAYS_MS);
    d.recall_date = new Date(recallMs);
    d.recall_first_attempt_date = new Date(t.firstStartMs);
    d.recall_state = recallMs > gen.nowMs ? RECALL.scheduled : rng.chance(0.15) ? RECALL.canceled : RECALL.attempted;
  }

  if (t.agent !== undefined) d.agent_short_number = t.agent.extension;

  if (answered && phone) d.transfers = null;
  if (d.is_transfer_leg === true) {
    // To another agent of the tenant (the next one after the agent who took the call).
    const { agents } = t.pools.tenant;
    const colleague = agents[(agents.indexOf(t.agent ?? agents[0]) + 1 + rng.int(0, agents.length - 2)) % agents.length];
    d.transfers = [
      {
        at: new Date(call.startMs + ((d.answer_time_sec ?? 0) + rng.int(5, 60)) * 1000),
        from: t.agent?.extension ?? (d.to_number as string),
        to: colleague.extension,
        type: rng.weighted(TRANSFER_TYPES),
        user_id: t.userId,
      },
    ];
  }
}

/** `has_transcript` calls carry segments (every call: the flag promises them); AI ones a title and summary. */
function fillTranscript(gen: GeneratorState): void {
  const { rng, thread: t, call, draft: d } = gen;
  const answered = call.status === 'completed';
  // Null without a transcript, for the same reason as `crm_info`.
  d.transcript = null;
  if (t.aiHandled) {
    d.ai_recording_title = null;
    d.ai_recording_summary = null;
  }
  if (d.has_transcript === true) {
    if (t.aiHandled && answered) {
      // A conversation has a result; without a stored one it reads as neutral.
      const outcomeType = d.outcome_type == null || d.outcome_type === 'absent' ? 'neutral' : d.outcome_type;
      const script = rng.pick(AI_SCRIPTS[outcomeType]);
      d.transcript = script.segments as TranscriptSegmentDocument[];
      d.ai_recording_title = script.title;
      d.ai_recording_summary = script.summary;
    } else {
      const script = answered ? rng.pick(AGENT_SCRIPTS) : AI_SCRIPTS.absent[0];
      d.transcript = script.segments as TranscriptSegmentDocument[];
    }
  }
}
