import type { CallDocument, StoredCallStatus } from '../contract/call-document.ts';
import type { RecordQuirk } from './generator-state.ts';
import { weightedTable, type WeightedTable } from './prng.ts';

/**
 * Shared value pools of the sample generator. Every string a document carries comes from here
 * or from the tenants, so a million documents reference a few hundred interned strings.
 */

type OutcomeType = NonNullable<CallDocument['outcome_type']>;

/** An outcome tag with its type. */
export interface Outcome {
  outcome: string;
  outcome_type: OutcomeType;
}

/** Statuses of calls nobody answered, by how the call was placed. */
export const UNANSWERED_STATUS: Readonly<Record<'outbound' | 'inbound' | 'web' | 'internal', WeightedTable<StoredCallStatus>>> = {
  outbound: weightedTable<StoredCallStatus>([['no-answer', 45], ['voicemail', 22], ['busy', 14], ['canceled', 9], ['failed', 10]]),
  inbound: weightedTable<StoredCallStatus>([['canceled', 40], ['no-answer', 30], ['voicemail', 20], ['busy', 4], ['failed', 6]]),
  web: weightedTable<StoredCallStatus>([['canceled', 60], ['failed', 40]]),
  internal: weightedTable<StoredCallStatus>([['no-answer', 60], ['busy', 30], ['failed', 10]]),
};

/** Outcomes of answered calls by how far the lead got. */
export const POSITIVE_OUTCOMES = weightedTable<Outcome>([
  [{ outcome: 'appointment-booked', outcome_type: 'positive' }, 40],
  [{ outcome: 'sale', outcome_type: 'positive' }, 20],
  [{ outcome: 'interested', outcome_type: 'positive' }, 40],
]);
export const NEUTRAL_OUTCOMES = weightedTable<Outcome>([
  [{ outcome: 'callback-requested', outcome_type: 'neutral' }, 40],
  [{ outcome: 'info-provided', outcome_type: 'neutral' }, 40],
  [{ outcome: 'follow-up', outcome_type: 'neutral' }, 20],
]);
export const NEGATIVE_OUTCOMES = weightedTable<Outcome>([
  [{ outcome: 'not-interested', outcome_type: 'negative' }, 60],
  [{ outcome: 'do-not-call', outcome_type: 'negative' }, 15],
  [{ outcome: 'wrong-number', outcome_type: 'negative' }, 25],
]);

/** The outcome a dialer records for an unanswered status. */
export const UNANSWERED_OUTCOME: Readonly<Record<Exclude<StoredCallStatus, 'completed'>, Outcome>> = {
  'no-answer': { outcome: 'no-answer', outcome_type: 'absent' },
  busy: { outcome: 'busy', outcome_type: 'absent' },
  failed: { outcome: 'call-failed', outcome_type: 'absent' },
  voicemail: { outcome: 'voicemail-left', outcome_type: 'absent' },
  canceled: { outcome: 'hung-up', outcome_type: 'absent' },
};

/** AI categories of answered calls. */
export const ANSWERED_AI_CATEGORIES = weightedTable([
  ['lead', 52],
  ['support', 18],
  ['sales', 10],
  ['billing', 7],
  ['spam', 6],
  ['wrong-number', 4],
  ['other', 3],
] as const);

/** Lead statuses outside the configured funnel (the funnel must ignore them). */
export const OFF_FUNNEL_LEAD_STATUSES = ['callback-scheduled', 'do-not-call', 'nurture'] as const;

/** Highest funnel stage (index into the stages) a lead will ever reach. */
export const LEAD_CEILING = weightedTable([[0, 12], [1, 33], [2, 25], [3, 18], [4, 12]] as const);

/** How often each record quirk occurs (see `RecordQuirk`). */
export const RECORD_QUIRKS = weightedTable<RecordQuirk>([['none', 90], ['no-analysis', 4], ['no-disposition', 4], ['legacy', 2]]);

/** Free-text labels agents put on calls. */
export const LABELS = [
  'Asked for pricing',
  'Wants a callback after 5pm',
  'Spoke to spouse',
  'Existing customer',
  'Requested email follow-up',
  'Language: Spanish',
  'Complaint escalated',
  'Referred by a friend',
] as const;

/**
 * Tag sets. Documents share these arrays (frozen, so an accidental in-place edit throws
 * instead of silently changing thousands of calls).
 */
export const TAG_SETS = weightedTable<string[]>(
  (
    [
      [[], 40],
      [['follow-up'], 14],
      [['vip'], 6],
      [['new-lead'], 12],
      [['new-lead', 'follow-up'], 6],
      [['vip', 'follow-up'], 3],
      [['callback'], 7],
      [['escalated'], 3],
      [['spanish'], 3],
      [['recording-reviewed'], 4],
      [['vip', 'recording-reviewed', 'follow-up'], 2],
    ] as Array<[string[], number]>
  ).map(([tags, w]) => [Object.freeze(tags) as string[], w] as const),
);

/** Delay between two attempts of the same lead, ms, with relative weights. */
export const RETRY_DELAYS_MS = weightedTable([
  [30 * 60_000, 15],
  [2 * 3_600_000, 25],
  [4 * 3_600_000, 20],
  [24 * 3_600_000, 30],
  [48 * 3_600_000, 10],
] as const);

/** Telephony cost per started minute, cents. */
export const PROVIDER_CENTS_PER_MINUTE: Readonly<Record<string, number>> = {
  twilio: 2,
  plivo: 1,
  exotel: 1,
  sip: 1,
  webrtc: 0,
};

/** AI talk time cost per minute, cents. */
export const AI_CENTS_PER_MINUTE = 9;

/** The provider recorded for web sessions. */
export const WEB_PROVIDER = 'webrtc';

/** Sentiment values, 0.00 … 1.00 in steps of 0.01; shared so no call allocates a number. */
export const SENTIMENT_STEPS: readonly number[] = Array.from({ length: 101 }, (_, i) => i / 100);

/** Quality ratings given to answered calls. */
export const QUALITY_RATINGS = weightedTable([[5, 30], [4, 35], [3, 20], [2, 10], [1, 5]] as const);

/** `answered_by` values (besides agent extensions). */
export const ANSWERED_BY = {
  human: 'human',
  machine: 'machine_end_beep',
  ai: 'ai-agent',
  voicemail: 'voicemail',
} as const;
