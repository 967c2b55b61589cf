import type { CallDocument } from '../contract/call-document.ts';
import { createCallDraft } from './call-record.ts';
import { FlatStringBuilder } from './flat-string.ts';
import type { GeneratorState } from './generator-state.ts';
import { Prng, weightedTable } from './prng.ts';
import { createTenantPools } from './tenant-pools.ts';
import { SAMPLE_TENANTS } from './tenants.ts';
import { emitThread } from './thread.ts';

/** Options of `generateSampleCalls`. */
export interface GenerateSampleCallsOptions {
  /** Number of calls, default 100,000. */
  calls?: number;
  /** PRNG seed, default 1. */
  seed?: number;
  /** The instant the data ends at; calls fall in [now - days, now]. */
  now: Date;
  /** Length of the range in days, default 90. */
  days?: number;
  /** Called with the number of calls made so far, about every 1 % (and at the end). */
  onProgress?: (done: number) => void;
}

/** Default number of sample calls. */
export const DEFAULT_SAMPLE_CALLS = 100_000;
/** Default sample seed. */
export const DEFAULT_SAMPLE_SEED = 1;
/** Default sample range, days. */
export const DEFAULT_SAMPLE_DAYS = 90;

/**
 * Deterministic sample calls for the four sample tenants: the same seed and `now` give the
 * same documents, in the same order, every run (no `Math.random`, no clock). Calls come in
 * threads per lead (retries share `lead_id`, attempt 1..4), follow business hours in each
 * tenant's zone, and include the awkward cases the analytics must handle: web calls, phone
 * calls without a platform number, active calls, missing and null optional fields.
 *
 * Documents are plain objects with one field order; optional fields that do not apply are
 * absent. Strings, tag arrays and payload objects are shared between documents (tags and
 * payloads are frozen): treat the result as read-only.
 */
export function generateSampleCalls(options: GenerateSampleCallsOptions): CallDocument[] {
  const total = options.calls ?? DEFAULT_SAMPLE_CALLS;
  const seed = options.seed ?? DEFAULT_SAMPLE_SEED;
  const days = options.days ?? DEFAULT_SAMPLE_DAYS;
  const nowMs = options.now.getTime();
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`calls must be a non-negative integer, got ${total}`);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  if (!(days > 0) || !Number.isFinite(days)) throw new RangeError(`days must be a positive number, got ${days}`);
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid Date');

  const rng = new Prng(seed);
  const strings = new FlatStringBuilder();
  const pools = SAMPLE_TENANTS.map((tenant) => createTenantPools({ tenant, nowMs, days, totalCalls: total, strings }));
  const gen: GeneratorState = {
    rng,
    nowMs,
    total,
    out: [],
    tenants: weightedTable(pools.map((p) => [p, p.tenant.share] as const)),
    strings,
    idTag: rng.nextUint32() & 0xffffff,
    seq: 0,
    leads: 0,
    thread: {
      pools: pools[0],
      kind: 'inbound',
      live: false,
      leadId: undefined,
      campaign: undefined,
      utmTerm: undefined,
      customer: undefined,
      newCaller: false,
      payload: {},
      userId: '',
      aiHandled: false,
      assistantId: undefined,
      agent: undefined,
      project: undefined,
      callFlow: undefined,
      merchantId: undefined,
      templateId: undefined,
      ceiling: 0,
      stage: 0,
      firstStartMs: nowMs,
      dialerCampaign: undefined,
      projectContactId: undefined,
      crmInfo: undefined,
    },
    call: { attempt: 1, startMs: nowMs, status: 'completed', quirk: 'none' },
    draft: createCallDraft(),
  };

  // A handful of calls are on the line right now, so "active" counts are never empty.
  const live = Math.min(total, Math.max(1, Math.round(total / 20_000)));
  // The past stops short of them: a thread ends at `gen.total`, so the last past thread must
  // not take the live calls' places.
  gen.total = total - live;
  const step = Math.max(1_000, Math.ceil(total / 100));
  let nextReport = step;
  const report = options.onProgress
    ? () => {
        if (gen.out.length < nextReport) return;
        nextReport = gen.out.length + step;
        options.onProgress!(gen.out.length);
      }
    : () => {};
  while (gen.out.length < total - live) {
    emitThread(gen, false);
    report();
  }
  gen.total = total;
  while (gen.out.length < total) emitThread(gen, true);
  options.onProgress?.(gen.out.length);
  return gen.out;
}
