import type { CallDocument, StoredCallStatus } from '../contract/call-document.ts';
import type { CallDraft } from './call-record.ts';
import type { FlatStringBuilder } from './flat-string.ts';
import type { Prng, WeightedTable } from './prng.ts';
import type { ThreadKind, TenantPools } from './tenant-pools.ts';
import type { SampleAgent, SampleCampaign, SampleNamedId } from './tenants.ts';

/**
 * The mutable state of one generator run. The thread, call and draft objects are reused for
 * every call, so the only allocations per call are the document, its dates and its ids.
 */
export interface GeneratorState {
  rng: Prng;
  nowMs: number;
  /** Calls to generate. */
  total: number;
  out: CallDocument[];
  tenants: WeightedTable<TenantPools>;
  strings: FlatStringBuilder;
  /** 24 bits derived from the seed, the middle of every `_id`. */
  idTag: number;
  /** Calls generated so far (the `_id` / `unique_id` sequence). */
  seq: number;
  leads: number;
  thread: ThreadState;
  call: CallState;
  draft: CallDraft;
}

/** A contact thread: one lead (or caller) and the attempts made on it. */
export interface ThreadState {
  pools: TenantPools;
  kind: ThreadKind;
  /** A live thread: one answered call still in progress at `now`. */
  live: boolean;
  leadId: string | undefined;
  campaign: SampleCampaign | undefined;
  utmTerm: string | undefined;
  customer: string | undefined;
  /** The customer had never called / been called before this thread. */
  newCaller: boolean;
  payload: Record<string, unknown>;
  userId: string;
  aiHandled: boolean;
  assistantId: string | undefined;
  agent: SampleAgent | undefined;
  project: SampleNamedId | undefined;
  callFlow: SampleNamedId | undefined;
  merchantId: string | undefined;
  templateId: string | undefined;
  /** Index of the highest funnel stage this lead will reach. */
  ceiling: number;
  /** Index of the funnel stage reached so far. */
  stage: number;
  /** Start of attempt 1 (recalls name it as the first attempt). */
  firstStartMs: number;
  /** The dialer campaign of the thread (`campaign`): its UTM campaign, or its project's. */
  dialerCampaign: string | null | undefined;
  /** The lead's contact in the dialer project. */
  projectContactId: string | undefined;
  /** The lead's CRM record (shared, frozen). */
  crmInfo: Record<string, unknown> | undefined;
}

/** The call being generated. */
export interface CallState {
  attempt: number;
  startMs: number;
  status: StoredCallStatus;
  quirk: RecordQuirk;
}

/**
 * Which group of optional fields this record lacks, as records from older or partial
 * integrations do. One quirk per call, rather than independent gaps per field, keeps the
 * number of distinct field sets (V8 hidden classes) around a hundred: a million documents
 * with thousands of shapes are slower to build and make every query's property reads
 * megamorphic.
 * - `no-analysis`: no AI category, scores, qualification or sentiment
 * - `no-disposition`: no outcome, outcome type or lead status
 * - `legacy`: no user, duration, provider, platform number / number ids, attribution,
 *   quality rating, first-time or transfer flag
 */
export type RecordQuirk = 'none' | 'no-analysis' | 'no-disposition' | 'legacy';
