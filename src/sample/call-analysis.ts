import { DEFAULT_FUNNEL_STAGES } from '../contract/call-document.ts';
import type { GeneratorState } from './generator-state.ts';
import {
  ANSWERED_AI_CATEGORIES,
  NEGATIVE_OUTCOMES,
  NEUTRAL_OUTCOMES,
  OFF_FUNNEL_LEAD_STATUSES,
  POSITIVE_OUTCOMES,
  QUALITY_RATINGS,
  SENTIMENT_STEPS,
  UNANSWERED_OUTCOME,
  type Outcome,
} from './vocabulary.ts';

/** Centre of the sentiment distribution by outcome type. */
const SENTIMENT_CENTRE = { positive: 0.78, neutral: 0.55, negative: 0.3, absent: 0.5 } as const;

/**
 * Fills what post-call analysis produces: outcome, sentiment, lead status, AI category and
 * scores, qualification, value, quality rating and the transcript/first-time/transfer flags.
 * Groups are missing as the call's quirk says, and a call still in progress has no analysis
 * yet; single values are null now and then. Expects timing to be filled (an active call has
 * no `ended_at`).
 */
export function fillAnalysis(gen: GeneratorState): void {
  const { rng, thread, call, draft: d } = gen;
  const answered = call.status === 'completed';
  const active = d.ended_at === undefined;
  const legacy = call.quirk === 'legacy';

  const outcome = pickOutcome(gen);
  if (!active && call.quirk !== 'no-disposition') {
    d.outcome = outcome.outcome;
    d.outcome_type = rng.chance(0.01) ? null : outcome.outcome_type;
    if (thread.leadId !== undefined) {
      const roll = rng.float();
      d.lead_status = roll < 0.02 ? rng.pick(OFF_FUNNEL_LEAD_STATUSES) : roll < 0.025 ? null : DEFAULT_FUNNEL_STAGES[thread.stage];
    }
  }

  let category: string;
  let aiScore: number;
  if (answered) {
    category = thread.stage >= 2 ? 'lead' : rng.weighted(ANSWERED_AI_CATEGORIES);
    aiScore = category === 'spam' ? rng.int(0, 12) : clampPercent(Math.round(58 + 8 * thread.stage + 16 * rng.normal()));
  } else {
    category = call.status === 'voicemail' ? 'voicemail' : 'missed';
    aiScore = rng.int(0, 15);
  }
  if (!active && call.quirk !== 'no-analysis') {
    if (answered) {
      const centre = SENTIMENT_CENTRE[outcome.outcome_type];
      // Clamping piles a few calls exactly on 0 and 1; two-decimal steps hit 0.2, 0.4… exactly.
      const step = clampPercent(Math.round((centre + 0.16 * rng.normal()) * 100));
      d.sentiment = rng.chance(0.005) ? null : SENTIMENT_STEPS[step];
    }
    d.ai_category = category;
    d.ai_score = aiScore;
    d.robo_score = category === 'spam' ? rng.int(70, 100) : Math.min(100, Math.round(Math.abs(rng.normal()) * 8));
    const qualified = thread.stage >= 3 || (category === 'lead' && aiScore >= 60);
    d.qualified = rng.chance(0.01) ? null : qualified;
  }

  const qualifiedLead = thread.leadId !== undefined && (thread.stage >= 3 || d.qualified === true);
  d.value_cents = qualifiedLead ? thread.pools.tenant.leadValueCents * (thread.stage === 4 ? 2 : 1) + rng.int(-20, 20) * 100 : 0;
  if (answered && !active && !legacy) d.quality_rating = rng.chance(0.15) ? null : rng.weighted(QUALITY_RATINGS);
  if (!legacy) {
    d.first_time_for_user = call.attempt === 1 && thread.newCaller;
    d.is_transfer_leg = answered && thread.kind !== 'web' && rng.chance(0.1);
  }
  d.has_transcript = !active && (answered ? thread.aiHandled || rng.chance(0.35) : call.status === 'voicemail' && rng.chance(0.5));
}

function pickOutcome(gen: GeneratorState): Outcome {
  const { rng, thread, call } = gen;
  if (call.status !== 'completed') return UNANSWERED_OUTCOME[call.status];
  if (thread.stage >= 3) return rng.weighted(POSITIVE_OUTCOMES);
  // A lead that has gone as far as it will is usually a polite "no".
  if (thread.leadId !== undefined && thread.stage >= thread.ceiling && rng.chance(0.6)) return rng.weighted(NEGATIVE_OUTCOMES);
  const roll = rng.float();
  if (roll < 0.25) return rng.weighted(POSITIVE_OUTCOMES);
  if (roll < 0.75) return rng.weighted(NEUTRAL_OUTCOMES);
  return rng.weighted(NEGATIVE_OUTCOMES);
}

function clampPercent(value: number): number {
  return value < 0 ? 0 : value > 100 ? 100 : value;
}
