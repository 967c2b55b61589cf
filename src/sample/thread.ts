import { materializeCall } from './call-record.ts';
import { fillCall } from './fill-call.ts';
import type { GeneratorState } from './generator-state.ts';
import { customerNumber, type ThreadKind } from './tenant-pools.ts';
import { LEAD_CEILING, RECORD_QUIRKS, RETRY_DELAYS_MS, UNANSWERED_STATUS } from './vocabulary.ts';

const MAX_ATTEMPTS = 4;

/** Chance that attempt 1 of a thread is answered; later attempts are answered less often. */
const FIRST_ANSWER_RATE: Readonly<Record<ThreadKind, number>> = { outbound: 0.52, inbound: 0.78, web: 0.88, internal: 0.85 };

/** Chance of trying again after an unanswered call. */
const RETRY_RATE: Readonly<Record<ThreadKind, number>> = { outbound: 0.7, inbound: 0.25, web: 0.1, internal: 0.1 };

/**
 * Generates one thread: a lead (or, for internal calls, a colleague) and its attempts. Retries share the
 * lead id and count attempt 1..4; an answered call moves the lead up the funnel and may be
 * followed up. Attempts that would start after `now` are dropped.
 */
export function emitThread(gen: GeneratorState, live: boolean): void {
  const { rng, call, thread } = gen;
  planThread(gen, live);
  const { kind } = thread;
  let startMs = live ? gen.nowMs - rng.int(20, 900) * 1000 : thread.pools.sampler.draw(rng);
  thread.firstStartMs = startMs;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && gen.out.length < gen.total; attempt++) {
    const answered = live || rng.chance(FIRST_ANSWER_RATE[kind] * (1 - 0.12 * (attempt - 1)));
    call.attempt = attempt;
    call.startMs = startMs;
    call.status = answered ? 'completed' : rng.weighted(UNANSWERED_STATUS[kind]);
    call.quirk = rng.weighted(RECORD_QUIRKS);
    if (answered && thread.leadId !== undefined) advanceStage(gen);
    fillCall(gen);
    gen.out.push(materializeCall(gen.draft));
    gen.seq++;
    if (live) return;
    const again = answered ? thread.leadId !== undefined && thread.stage < thread.ceiling && rng.chance(0.85) : rng.chance(RETRY_RATE[kind]);
    if (!again) return;
    startMs += rng.weighted(RETRY_DELAYS_MS) + rng.int(-20, 20) * 60_000;
    if (startMs > gen.nowMs - 60_000) return;
  }
}

function advanceStage(gen: GeneratorState): void {
  const { rng, thread } = gen;
  if (thread.stage >= thread.ceiling) return;
  // Half the time the conversation settles the lead at once; otherwise it climbs one stage,
  // sometimes two (leads that skip stages must still count in the funnel).
  const step = rng.chance(0.5) ? thread.ceiling - thread.stage : rng.chance(0.15) ? 2 : 1;
  thread.stage = Math.min(thread.ceiling, thread.stage + step);
}

function planThread(gen: GeneratorState, live: boolean): void {
  const { rng, thread: t } = gen;
  const pools = rng.weighted(gen.tenants);
  const { tenant } = pools;
  let kind = rng.weighted(pools.kinds);
  // A live call is someone on the line right now; internal calls are not interesting there.
  if (live && kind === 'internal') kind = 'inbound';
  t.pools = pools;
  t.kind = kind;
  t.live = live;

  // Every external contact is a lead (pushed, or created by the call); internal calls are not.
  const hasLead = kind !== 'internal';
  t.leadId = hasLead ? gen.strings.reset().text('lead_').hex(gen.leads++, 8).build() : undefined;
  t.merchantId = hasLead ? rng.pick(tenant.merchant_ids) : undefined;
  t.templateId = hasLead ? rng.pick(tenant.template_ids) : undefined;
  t.ceiling = hasLead ? rng.weighted(LEAD_CEILING) : 0;
  t.stage = 0;

  t.campaign = kind === 'internal' ? undefined : rng.weighted(pools.campaigns);
  t.utmTerm = t.campaign !== undefined && t.campaign.utm_terms.length > 0 ? rng.pick(t.campaign.utm_terms) : undefined;

  if (kind === 'web' || kind === 'internal') {
    t.customer = undefined;
    t.newCaller = kind === 'web' && rng.chance(0.7);
  } else {
    const index = rng.int(0, pools.customerNumbers.length - 1);
    t.newCaller = pools.customerNumbers[index] === undefined;
    t.customer = customerNumber(pools, index);
  }
  t.payload = rng.weighted(pools.payloads);

  t.userId = rng.pick(tenant.users).user_id;
  t.aiHandled = kind === 'web' || (kind !== 'internal' && rng.chance(tenant.aiHandledRate));
  t.assistantId = t.aiHandled ? rng.pick(tenant.assistants).assistant_id : undefined;
  t.agent = t.aiHandled ? undefined : rng.pick(tenant.agents);
  // Dialer projects: every outbound campaign call, and inbound calls taken by an agent.
  t.project = kind === 'outbound' || (kind === 'inbound' && t.agent !== undefined) ? rng.pick(tenant.projects) : undefined;
  t.callFlow = kind === 'inbound' ? rng.weighted(pools.callFlows) : undefined;

  // The dialer's view of the thread: its campaign, the project contact and the CRM record.
  t.dialerCampaign =
    kind === 'internal' ? undefined : kind === 'outbound' && t.project !== undefined ? pools.projectCampaigns.get(t.project.id) : (t.campaign?.utm_campaign ?? null);
  t.projectContactId = t.project !== undefined && t.leadId !== undefined ? gen.strings.reset().text('pc_').text(t.leadId.slice(5)).build() : undefined;
  t.crmInfo = hasLead && rng.chance(0.8) ? rng.pick(pools.crmRecords) : undefined;
}
