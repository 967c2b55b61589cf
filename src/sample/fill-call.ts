import { fillAnalysis } from './call-analysis.ts';
import { clearCallDraft } from './call-record.ts';
import { fillTiming } from './call-timing.ts';
import { fillDialerRecord } from './dialer-record.ts';
import type { GeneratorState } from './generator-state.ts';
import { ANSWERED_BY, LABELS, TAG_SETS, WEB_PROVIDER } from './vocabulary.ts';

/**
 * Fills the reused draft with the current call of the current thread: ids, organisation,
 * routing and attribution here, then timing and analysis. Which optional fields appear
 * depends only on the thread kind, AI vs agent handling, answered or not, direct vs tagged
 * campaign, the call's quirk and whether it is still active (see `RecordQuirk`).
 */
export function fillCall(gen: GeneratorState): void {
  const { rng, thread: t, call, draft: d, strings } = gen;
  const { tenant } = t.pools;
  const legacy = call.quirk === 'legacy';
  clearCallDraft(d);
  const startSec = Math.floor(call.startMs / 1000);

  // ObjectId-like: start time, a seed tag, then the sequence, which alone keeps ids unique.
  d._id = strings.reset().hex(startSec, 8).hex(gen.idTag, 6).hex(gen.seq, 10).build();
  d.tenant_id = tenant.tenant_id;
  if (!legacy) d.user_id = t.userId;
  d.user_email = tenant.user_email;
  d.assistant_id = t.assistantId;
  if (t.leadId !== undefined) {
    d.merchant_id = t.merchantId;
    d.reseller_id = tenant.reseller_id;
    d.template_id = t.templateId;
  }
  if (t.agent !== undefined) {
    d.agent_id = t.agent.agent_id;
    d.team_id = t.agent.team_id;
  }
  if (t.project !== undefined) {
    d.project_id = t.project.id;
    d.project_name = t.project.name;
  }
  d.lead_id = t.leadId;
  // Asterisk-style "epoch.sequence" session id.
  d.unique_id = strings.reset().decimal(startSec, 10).text('.').decimal(gen.seq, 8).build();

  fillRouting(gen);
  fillTiming(gen);

  d.attempt = call.attempt;
  d.tags = rng.weighted(TAG_SETS);
  // Agents leave notes on the calls they take; most notes are empty (null).
  if (t.agent !== undefined && call.status === 'completed') d.label = rng.chance(0.4) ? rng.pick(LABELS) : null;
  const campaign = t.campaign;
  if (campaign !== undefined && !legacy) {
    d.source = campaign.source;
    if (campaign.utm_source !== undefined) {
      d.utm_source = campaign.utm_source;
      d.utm_medium = campaign.utm_medium;
      d.utm_campaign = campaign.utm_campaign;
      d.utm_term = t.utmTerm ?? null;
    }
  }
  d.ai_handled = t.aiHandled;
  d.payload = t.payload;

  fillAnalysis(gen);
  fillDialerRecord(gen);
}

/**
 * Channel, platform number, direction, parties, provider, call flow and tracking number.
 * About 3% of phone calls lack a usable platform number: missing (legacy records), null or
 * an empty string.
 */
function fillRouting(gen: GeneratorState): void {
  const { rng, thread: t, call, draft: d } = gen;
  const { tenant } = t.pools;
  const answered = call.status === 'completed';
  const legacy = call.quirk === 'legacy';
  d.status = call.status;

  if (t.kind === 'web') {
    d.channel = 'web';
    d.direction = 'inbound';
    if (!legacy) d.provider = WEB_PROVIDER;
    d.answered_by = answered ? ANSWERED_BY.ai : null;
    return;
  }

  d.channel = 'phone';
  d.direction = t.kind;
  const line = rng.weighted(t.pools.lines);
  if (!legacy) {
    const roll = rng.float();
    const recorded = roll >= 0.012;
    d.platform_number = recorded ? line.number : roll < 0.006 ? null : '';
    d.number_id = recorded ? line.number_id : null;
    d.number_group_id = recorded ? line.number_group_id : null;
  }
  // Even without a recorded platform number the call went over some line of the tenant.
  const ourNumber = line.number;

  if (t.kind === 'inbound') {
    d.from_number = t.customer;
    d.to_number = ourNumber;
    d.call_flow_id = t.callFlow?.id;
    d.call_flow_name = t.callFlow?.name;
    d.tracking_number = t.campaign?.tracking_number;
  } else if (t.kind === 'outbound') {
    d.from_number = ourNumber;
    d.to_number = t.customer;
  } else {
    d.from_number = ourNumber;
    d.to_number = rng.pick(tenant.platformNumbers).number;
  }

  if (answered) d.answered_by = t.kind === 'outbound' ? ANSWERED_BY.human : t.agent !== undefined ? t.agent.extension : ANSWERED_BY.ai;
  else if (call.status === 'voicemail') d.answered_by = t.kind === 'outbound' ? ANSWERED_BY.machine : ANSWERED_BY.voicemail;
  else d.answered_by = null;

  if (!legacy) d.provider = rng.weighted(t.pools.providers);
}
