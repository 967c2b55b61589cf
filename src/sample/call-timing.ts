import type { StoredCallStatus } from '../contract/call-document.ts';
import type { GeneratorState } from './generator-state.ts';
import type { ThreadKind } from './tenant-pools.ts';
import { AI_CENTS_PER_MINUTE, PROVIDER_CENTS_PER_MINUTE } from './vocabulary.ts';

/** Ringing before pickup of an answered call, seconds [min, max], by thread kind. */
const ANSWER_RING: Readonly<Record<ThreadKind, readonly [number, number]>> = {
  outbound: [4, 25],
  inbound: [1, 18],
  web: [0, 2],
  internal: [2, 12],
};

/** How long an unanswered call rang before it ended, seconds [min, max]. */
const UNANSWERED_RING: Readonly<Record<Exclude<StoredCallStatus, 'completed'>, readonly [number, number]>> = {
  'no-answer': [20, 45],
  busy: [1, 4],
  failed: [0, 2],
  voicemail: [12, 30],
  canceled: [3, 25],
};

/**
 * Fills `started_at`, `ended_at`, the durations and the costs. Unanswered calls have
 * duration 0 (voicemail keeps the message length); a call still running at `now` is active:
 * no `ended_at`, no `duration_sec`, timings so far. Legacy records lack `duration_sec`.
 * Expects `provider` to be filled already (it prices the call).
 */
export function fillTiming(gen: GeneratorState): void {
  const { rng, thread, call, draft: d } = gen;
  const answered = call.status === 'completed';
  const ringRange = answered ? ANSWER_RING[thread.kind] : UNANSWERED_RING[call.status as Exclude<StoredCallStatus, 'completed'>];
  let ring = rng.int(ringRange[0], ringRange[1]);
  let talk = 0;
  let duration = 0;
  let hold = 0;
  if (answered) {
    // Log-normal talk time around the tenant's median, with a share of quick hang-ups.
    talk = rng.chance(0.08)
      ? rng.int(2, 15)
      : Math.min(3600, Math.max(3, Math.round(thread.pools.tenant.medianTalkSec * Math.exp(0.9 * rng.normal()))));
    duration = talk;
    if (thread.kind !== 'web' && rng.chance(0.2)) hold = rng.int(5, 120);
  } else if (call.status === 'voicemail') {
    duration = rng.int(6, 40);
  }
  let total = ring + duration + hold;

  const startMs = call.startMs;
  const elapsed = Math.max(0, Math.floor((gen.nowMs - startMs) / 1000));
  let active = false;
  if (thread.live || total > elapsed) {
    if (answered) {
      active = true;
      ring = Math.min(ring, elapsed);
      talk = elapsed - ring;
      hold = 0;
    } else {
      // An unanswered call cannot outlast `now`: it gave up just before.
      ring = Math.min(ring, elapsed);
      duration = Math.min(duration, elapsed - ring);
    }
    total = ring + (answered ? talk : duration);
  }

  d.started_at = new Date(startMs);
  if (!active) d.ended_at = new Date(startMs + total * 1000);
  if (!active && call.quirk !== 'legacy') d.duration_sec = duration;
  d.talk_time_sec = talk;
  d.answer_time_sec = answered ? ring : 0;
  d.total_time_sec = total;
  // An AI-handled conversation is AI talk, unless the assistant handed over to a person.
  const aiTalk = thread.aiHandled && answered ? (rng.chance(0.12) ? Math.round(talk * 0.4) : talk) : 0;
  d.ai_talk_time_sec = aiTalk;

  const rate = d.provider == null ? 1 : (PROVIDER_CENTS_PER_MINUTE[d.provider] ?? 1);
  d.cost_cents = Math.ceil(total / 60) * rate;
  d.ai_talk_cost_cents = Math.round((aiTalk / 60) * AI_CENTS_PER_MINUTE);
}
