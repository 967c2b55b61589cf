import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EJSON } from 'bson';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FUNNEL_STAGES, type CallDocument } from '../../src/contract/call-document.ts';
import { UsageError } from '../../src/cli/command.ts';
import { readSampleFlags, sampleCommand } from '../../src/cli/commands/sample.ts';
import { CALL_FIELDS } from '../../src/sample/call-record.ts';
import { demoApiKeys } from '../../src/sample/demo-keys.ts';
import { generateSampleCalls } from '../../src/sample/generate.ts';
import { Prng, weightedTable } from '../../src/sample/prng.ts';
import { SAMPLE_TENANTS } from '../../src/sample/tenants.ts';
import { writeCallsNdjson, writeKeysJson } from '../../src/sample/write-ndjson.ts';

const NOW = new Date('2025-06-01T12:00:00Z');
const DAY_MS = 86_400_000;

/** The fields of DESIGN 2.1, written out here so the test guards the contract, not the code. */
const DESIGN_FIELDS = [
  '_id', 'tenant_id', 'user_id', 'user_email', 'assistant_id', 'merchant_id', 'reseller_id', 'template_id',
  'agent_id', 'team_id', 'project_id', 'project_name', 'lead_id', 'unique_id', 'started_at', 'ended_at',
  'duration_sec', 'talk_time_sec', 'answer_time_sec', 'total_time_sec', 'ai_talk_time_sec', 'channel',
  'platform_number', 'direction', 'status', 'from_number', 'to_number', 'answered_by', 'provider', 'outcome',
  'outcome_type', 'sentiment', 'lead_status', 'attempt', 'tags', 'label', 'source', 'utm_source', 'utm_medium',
  'utm_campaign', 'utm_term', 'call_flow_id', 'call_flow_name', 'tracking_number', 'number_id',
  'number_group_id', 'ai_category', 'ai_score', 'robo_score', 'qualified', 'value_cents', 'cost_cents',
  'ai_talk_cost_cents', 'quality_rating', 'first_time_for_user', 'ai_handled', 'has_transcript',
  'is_transfer_leg', 'payload',
  'campaign', 'project_contact_id', 'crm_info', 'favorite', 'tree_id', 'first_time_for_tree',
  'insert_origin', 'record_name', 'is_record_ready', 'is_record_blocked', 'recording_expired',
  'numbers_involved', 'numbers_ringed', 'recall_date', 'recall_first_attempt_date', 'recall_state',
  'agent_short_number', 'transfers', 'transcript', 'ai_recording_summary', 'ai_recording_title',
];

type Doc = CallDocument & Record<string, unknown>;

let calls: Doc[];
let tmp: string;

beforeAll(async () => {
  calls = generateSampleCalls({ calls: 20_000, seed: 1, now: NOW }) as Doc[];
  tmp = await mkdtemp(join(tmpdir(), 'dialgraph-sample-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

describe('generateSampleCalls: determinism and size', () => {
  it('returns the same documents for the same seed and now', () => {
    const a = generateSampleCalls({ calls: 3_000, seed: 42, now: NOW });
    const b = generateSampleCalls({ calls: 3_000, seed: 42, now: NOW });
    expect(b).toEqual(a);
    // Same field order too, so written files are byte-identical.
    expect(b.map((c) => EJSON.stringify(c))).toEqual(a.map((c) => EJSON.stringify(c)));
  });

  it('returns different documents for a different seed', () => {
    const a = generateSampleCalls({ calls: 500, seed: 1, now: NOW });
    const b = generateSampleCalls({ calls: 500, seed: 2, now: NOW });
    expect(b).not.toEqual(a);
    const idsA = new Set(a.map((c) => c._id));
    expect(b.some((c) => idsA.has(c._id))).toBe(false);
    expect(b.map((c) => c.started_at.getTime())).not.toEqual(a.map((c) => c.started_at.getTime()));
  });

  it('returns exactly the requested number of calls', () => {
    for (const n of [0, 1, 7, 1_234]) expect(generateSampleCalls({ calls: n, now: NOW })).toHaveLength(n);
    expect(calls).toHaveLength(20_000);
  });

  it('rejects nonsense options', () => {
    expect(() => generateSampleCalls({ calls: -1, now: NOW })).toThrow(RangeError);
    expect(() => generateSampleCalls({ calls: 1.5, now: NOW })).toThrow(RangeError);
    expect(() => generateSampleCalls({ days: 0, now: NOW })).toThrow(RangeError);
    expect(() => generateSampleCalls({ now: new Date(Number.NaN) })).toThrow(RangeError);
  });
});

describe('generateSampleCalls: document shape', () => {
  it('uses every DESIGN 2.1 field somewhere', () => {
    const seen = new Set(calls.flatMap((c) => Object.keys(c)));
    expect([...seen].sort()).toEqual([...DESIGN_FIELDS].sort());
    expect([...CALL_FIELDS]).toEqual(DESIGN_FIELDS);
  });

  it('omits fields that do not apply instead of setting them to undefined', () => {
    for (const call of calls) {
      for (const [field, value] of Object.entries(call)) {
        if (value === undefined) throw new Error(`${String(call._id)}: ${field} is undefined`);
      }
    }
  });

  it('keeps one field order and few distinct field sets', () => {
    const order = new Map(DESIGN_FIELDS.map((f, i) => [f, i]));
    const shapes = new Set<string>();
    const outOfOrder: string[] = [];
    for (const call of calls) {
      const keys = Object.keys(call);
      for (let i = 1; i < keys.length; i++) if (order.get(keys[i])! <= order.get(keys[i - 1])!) outOfOrder.push(`${String(call._id)}: ${keys[i]}`);
      shapes.add(keys.join());
    }
    expect(outOfOrder).toEqual([]);
    // Each distinct field set is a V8 hidden class; a million resident documents need few.
    expect(shapes.size).toBeLessThan(150);
  });

  it('returns plain objects with unique 24-hex string ids', () => {
    const ids = new Set<string>();
    for (const call of calls) {
      if (Object.getPrototypeOf(call) !== Object.prototype) throw new Error(`${String(call._id)} is not a plain object`);
      if (typeof call._id !== 'string' || !/^[0-9a-f]{24}$/.test(call._id)) throw new Error(`bad _id ${String(call._id)}`);
      ids.add(call._id);
    }
    expect(ids.size).toBe(calls.length);
  });
});

describe('generateSampleCalls: value domains', () => {
  it('keeps the closed enums and numeric ranges', () => {
    const problems: string[] = [];
    const check = (c: Doc, ok: boolean, what: string) => {
      if (!ok) problems.push(`${String(c._id)}: ${what}`);
    };
    const emails = new Map(SAMPLE_TENANTS.map((t) => [t.tenant_id, t.user_email]));
    for (const c of calls) {
      check(c, ['web', 'phone'].includes(c.channel), `channel ${c.channel}`);
      check(c, ['inbound', 'outbound', 'internal'].includes(c.direction), `direction ${c.direction}`);
      check(c, ['completed', 'no-answer', 'busy', 'failed', 'voicemail', 'canceled'].includes(c.status), `status ${c.status}`);
      check(c, c.outcome_type == null || ['positive', 'negative', 'neutral', 'absent'].includes(c.outcome_type), 'outcome_type');
      check(c, c.sentiment == null || (c.sentiment >= 0 && c.sentiment <= 1), `sentiment ${c.sentiment}`);
      for (const score of [c.ai_score, c.robo_score]) check(c, score == null || (isInt(score) && score >= 0 && score <= 100), `score ${score}`);
      check(c, isInt(c.attempt) && c.attempt >= 1 && c.attempt <= 4, `attempt ${c.attempt}`);
      check(c, c.quality_rating == null || [1, 2, 3, 4, 5].includes(c.quality_rating), `quality_rating ${c.quality_rating}`);
      for (const cents of [c.value_cents, c.cost_cents, c.ai_talk_cost_cents]) check(c, cents == null || (isInt(cents) && cents >= 0), `cents ${cents}`);
      for (const sec of [c.duration_sec, c.talk_time_sec, c.answer_time_sec, c.total_time_sec, c.ai_talk_time_sec]) {
        check(c, sec == null || (isInt(sec) && sec >= 0), `seconds ${sec}`);
      }
      check(c, Array.isArray(c.tags) && c.tags.every((t) => typeof t === 'string'), 'tags');
      check(c, typeof c.payload?.city === 'string' && typeof c.payload?.plan === 'string', 'payload');
      check(c, emails.get(c.tenant_id) === c.user_email, 'user_email');
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('includes the sentiment boundaries exactly', () => {
    const values = new Set(calls.map((c) => c.sentiment));
    for (const v of [0, 0.2, 0.4, 0.6, 0.8, 1]) expect(values.has(v)).toBe(true);
    expect(calls.some((c) => !('sentiment' in c))).toBe(true);
    expect(calls.some((c) => c.sentiment === null)).toBe(true);
  });

  it('gives unanswered calls zero duration and answered calls talk time', () => {
    const bad = calls.filter(
      (c) =>
        (c.status !== 'completed' && c.status !== 'voicemail' && c.duration_sec != null && c.duration_sec !== 0) ||
        (c.status !== 'completed' && c.talk_time_sec !== 0) ||
        (c.total_time_sec != null && c.duration_sec != null && c.total_time_sec < c.duration_sec),
    );
    expect(bad).toEqual([]);
    expect(calls.some((c) => c.status === 'completed' && (c.duration_sec ?? 0) > 60)).toBe(true);
    expect(calls.some((c) => !('duration_sec' in c) && 'ended_at' in c)).toBe(true);
  });

  it('has a realistic status mix with completed the majority', () => {
    const completed = calls.filter((c) => c.status === 'completed').length / calls.length;
    expect(completed).toBeGreaterThan(0.5);
    expect(completed).toBeLessThan(0.8);
    for (const status of ['no-answer', 'busy', 'failed', 'voicemail', 'canceled']) {
      expect(calls.filter((c) => c.status === status).length).toBeGreaterThan(100);
    }
  });

  it('shows missing and null optional values as well as present ones', () => {
    for (const field of ['outcome', 'outcome_type', 'provider', 'source', 'ai_score', 'robo_score', 'qualified', 'quality_rating', 'lead_status', 'user_id']) {
      expect(calls.some((c) => !(field in c)), `${field} missing`).toBe(true);
      expect(calls.some((c) => c[field] != null), `${field} present`).toBe(true);
    }
    for (const field of ['outcome_type', 'qualified', 'quality_rating', 'lead_status']) {
      expect(calls.some((c) => c[field] === null), `${field} null`).toBe(true);
    }
    const booleans = calls.filter((c) => typeof c.qualified === 'boolean').map((c) => c.qualified);
    expect(new Set(booleans)).toEqual(new Set([true, false]));
    const transfers = calls.filter((c) => c.is_transfer_leg === true).length / calls.length;
    expect(transfers).toBeGreaterThan(0.02);
    expect(transfers).toBeLessThan(0.08);
  });

  it('uses the expected providers and sources', () => {
    const providers = new Set(calls.map((c) => c.provider));
    for (const p of ['twilio', 'plivo', 'exotel', 'sip']) expect(providers.has(p)).toBe(true);
    const sources = new Set(calls.map((c) => c.source));
    for (const s of ['google', 'facebook', 'direct']) expect(sources.has(s)).toBe(true);
  });
});

describe('generateSampleCalls: the dialer record (DESIGN 2.1, second table)', () => {
  const share = (list: Doc[], test: (c: Doc) => boolean) => list.filter(test).length / list.length;

  it('keeps the second table’s types', () => {
    const problems: string[] = [];
    const isDate = (v: unknown) => v instanceof Date && !Number.isNaN(v.getTime());
    const optional = (c: Doc, field: string, ok: (v: unknown) => boolean) => {
      if (c[field] != null && !ok(c[field])) problems.push(`${String(c._id)}: ${field} ${JSON.stringify(c[field])}`);
    };
    const str = (v: unknown) => typeof v === 'string';
    const bool = (v: unknown) => typeof v === 'boolean';
    for (const c of calls) {
      for (const f of ['campaign', 'project_contact_id', 'tree_id', 'insert_origin', 'record_name', 'agent_short_number', 'ai_recording_summary', 'ai_recording_title']) optional(c, f, str);
      for (const f of ['favorite', 'first_time_for_tree', 'is_record_ready', 'is_record_blocked', 'recording_expired']) optional(c, f, bool);
      for (const f of ['numbers_involved', 'numbers_ringed']) optional(c, f, (v) => Array.isArray(v) && v.every(str));
      for (const f of ['recall_date', 'recall_first_attempt_date']) optional(c, f, isDate);
      optional(c, 'recall_state', (v) => Number.isInteger(v));
      optional(c, 'crm_info', (v) => typeof v === 'object' && !Array.isArray(v));
      optional(c, 'transfers', (v) => Array.isArray(v) && v.every((t) => isDate(t.at) && str(t.from) && str(t.to) && str(t.type) && t.from !== t.to));
      optional(c, 'transcript', (v) => Array.isArray(v) && v.length > 0 && v.every((s) => Number.isFinite(s.at_sec) && ['agent', 'client', 'ai'].includes(s.speaker) && str(s.text)));
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('gives AI calls with has_transcript transcript segments, an AI title and summary', () => {
    const ai = calls.filter((c) => c.ai_handled === true && c.has_transcript === true && c.status === 'completed');
    expect(ai.length).toBeGreaterThan(100);
    for (const c of ai) {
      expect(c.transcript?.some((s) => s.speaker === 'ai')).toBe(true);
      expect(typeof c.ai_recording_title).toBe('string');
      expect(typeof c.ai_recording_summary).toBe('string');
    }
    expect(calls.filter((c) => c.has_transcript !== true).every((c) => c.transcript == null)).toBe(true);
    expect(calls.filter((c) => c.has_transcript === true && c.ai_handled === false && c.status === 'completed').every((c) => c.transcript?.some((s) => s.speaker === 'agent'))).toBe(true);
  });

  it('gives transfer legs their transfer, and no other call one', () => {
    const legs = calls.filter((c) => c.is_transfer_leg === true);
    expect(legs.length).toBeGreaterThan(100);
    expect(legs.every((c) => c.transfers?.length === 1 && c.transfers[0].at.getTime() > c.started_at.getTime())).toBe(true);
    expect(calls.filter((c) => c.is_transfer_leg !== true).every((c) => c.transfers == null)).toBe(true);
  });

  it('schedules recalls for unanswered lead calls: after the call, from the first attempt, some still pending', () => {
    const unanswered = calls.filter((c) => c.status !== 'completed' && c.lead_id != null && c.ended_at != null && c.insert_origin !== 'import');
    expect(share(unanswered, (c) => c.recall_date instanceof Date)).toBe(1);
    expect(calls.filter((c) => c.status === 'completed').every((c) => c.recall_date === undefined)).toBe(true);
    for (const c of unanswered) {
      expect(c.recall_date!.getTime()).toBeGreaterThan(c.started_at.getTime());
      expect(c.recall_first_attempt_date!.getTime()).toBeLessThanOrEqual(c.started_at.getTime());
    }
    expect(new Set(unanswered.map((c) => c.recall_state))).toEqual(new Set([0, 1, 2]));
  });

  it('mixes ready, blocked and expired recordings on recorded calls', () => {
    const recorded = calls.filter((c) => c.record_name != null);
    expect(recorded.every((c) => c.status === 'completed' || c.status === 'voicemail')).toBe(true);
    expect(share(recorded, (c) => c.is_record_ready === true)).toBeGreaterThan(0.5);
    expect(share(recorded, (c) => c.is_record_blocked === true)).toBeGreaterThan(0.01);
    expect(share(recorded, (c) => c.recording_expired === true)).toBeGreaterThan(0.1);
    // Older than the 60-day retention and only then.
    const cutoff = NOW.getTime() - 60 * DAY_MS;
    expect(recorded.every((c) => c.recording_expired === (c.ended_at != null && c.started_at.getTime() < cutoff))).toBe(true);
    expect(recorded.every((c) => !(c.is_record_ready && (c.is_record_blocked || c.recording_expired)))).toBe(true);
  });

  it('fills the rest where it applies', () => {
    const phone = calls.filter((c) => c.channel === 'phone' && c.insert_origin !== 'import');
    expect(phone.every((c) => c.numbers_involved?.includes(c.from_number!) && c.numbers_involved.includes(c.to_number!))).toBe(true);
    expect(phone.every((c) => (c.numbers_ringed?.length ?? 0) >= 1)).toBe(true);
    expect(calls.filter((c) => c.agent_id != null && c.insert_origin !== 'import').every((c) => typeof c.agent_short_number === 'string')).toBe(true);
    expect(share(calls, (c) => c.favorite === true)).toBeGreaterThan(0.01);
    expect(new Set(calls.map((c) => c.insert_origin))).toEqual(new Set(['import', 'widget', 'dialer', 'api', 'pbx']));
    expect(calls.some((c) => c.campaign != null && c.direction === 'outbound' && c.campaign !== c.utm_campaign)).toBe(true);
    expect(calls.filter((c) => c.tree_id != null).every((c) => c.tree_id === c.call_flow_id)).toBe(true);
    expect(share(calls.filter((c) => c.lead_id != null), (c) => c.crm_info != null)).toBeGreaterThan(0.5);
  });
});

describe('generateSampleCalls: time', () => {
  it('keeps every call inside [now - days, now]', () => {
    for (const days of [90, 7]) {
      const sample = days === 90 ? calls : generateSampleCalls({ calls: 3_000, now: NOW, days });
      const from = NOW.getTime() - days * DAY_MS;
      const to = NOW.getTime();
      const outside = sample.filter((c) => {
        const start = c.started_at instanceof Date ? c.started_at.getTime() : Number.NaN;
        if (!(start >= from && start <= to)) return true;
        if (c.ended_at == null) return false;
        return !(c.ended_at instanceof Date) || c.ended_at.getTime() < start || c.ended_at.getTime() > to;
      });
      expect(outside).toEqual([]);
      // The range is used, not just a corner of it.
      expect(Math.min(...sample.map((c) => c.started_at.getTime()))).toBeLessThan(from + DAY_MS);
    }
  });

  it('has a few active calls: very recent, no ended_at, no duration', () => {
    const active = calls.filter((c) => !('ended_at' in c));
    expect(active.length).toBeGreaterThan(0);
    expect(active.length).toBeLessThan(calls.length / 100);
    for (const c of active) {
      expect(NOW.getTime() - c.started_at.getTime()).toBeLessThan(3_600_000);
      expect('duration_sec' in c).toBe(false);
    }
  });

  it('follows business hours and weekdays in the tenant zone', () => {
    // acme-health works at UTC-5.
    const acme = calls.filter((c) => c.tenant_id === 'acme-health');
    const localHour = (c: Doc) => (c.started_at.getUTCHours() + 19) % 24;
    const day = acme.filter((c) => localHour(c) >= 9 && localHour(c) < 17).length;
    const night = acme.filter((c) => localHour(c) < 6).length;
    expect(day).toBeGreaterThan(night * 5);
    const localDay = (c: Doc) => new Date(c.started_at.getTime() - 5 * 3_600_000).getUTCDay();
    const weekday = acme.filter((c) => localDay(c) >= 1 && localDay(c) <= 5).length / 5;
    const weekend = acme.filter((c) => localDay(c) === 0 || localDay(c) === 6).length / 2;
    expect(weekday).toBeGreaterThan(weekend * 1.5);
  });
});

describe('generateSampleCalls: tenants, channels, leads', () => {
  it('spreads calls unevenly over the four tenants', () => {
    const counts = new Map<string, number>();
    for (const c of calls) counts.set(c.tenant_id, (counts.get(c.tenant_id) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['acme-health', 'brightline-realty', 'nova-insurance', 'zen-solar']);
    const acmeShare = counts.get('acme-health')! / calls.length;
    expect(acmeShare).toBeGreaterThan(0.45);
    expect(acmeShare).toBeLessThan(0.55);
  });

  it('makes web calls web and leaves some phone calls without a platform number', () => {
    const web = calls.filter((c) => c.channel === 'web');
    expect(web.length).toBeGreaterThan(calls.length / 10);
    expect(web.filter((c) => 'platform_number' in c || c.direction !== 'inbound')).toEqual([]);
    const phone = calls.filter((c) => c.channel === 'phone');
    const missing = phone.filter((c) => !('platform_number' in c)).length;
    const nulls = phone.filter((c) => c.platform_number === null).length;
    const empty = phone.filter((c) => c.platform_number === '').length;
    expect(missing).toBeGreaterThan(0);
    expect(nulls).toBeGreaterThan(0);
    expect(empty).toBeGreaterThan(0);
    const share = (missing + nulls + empty) / phone.length;
    expect(share).toBeGreaterThan(0.015);
    expect(share).toBeLessThan(0.05);
    expect(phone.filter((c) => c.platform_number && !/^\+\d{8,15}$/.test(c.platform_number))).toEqual([]);
  });

  it('has every direction', () => {
    const directions = new Set(calls.map((c) => c.direction));
    expect(directions).toEqual(new Set(['inbound', 'outbound', 'internal']));
  });

  it('gives retries the lead id of attempt 1, numbered in time order', () => {
    const byLead = new Map<string, Doc[]>();
    for (const c of calls) {
      if (c.lead_id == null) continue;
      const list = byLead.get(c.lead_id) ?? [];
      list.push(c);
      byLead.set(c.lead_id, list);
    }
    let retried = 0;
    for (const list of byLead.values()) {
      list.sort((a, b) => a.attempt! - b.attempt!);
      const consistent = list.every(
        (c, i) => c.attempt === i + 1 && c.tenant_id === list[0].tenant_id && (i === 0 || c.started_at.getTime() > list[i - 1].started_at.getTime()),
      );
      if (!consistent) throw new Error(`lead ${String(list[0].lead_id)}: attempts ${list.map((c) => c.attempt).join(',')}`);
      if (list.length > 1) retried++;
    }
    expect(retried).toBeGreaterThan(byLead.size / 10);
    expect(calls.some((c) => c.attempt === 4)).toBe(true);
  });

  it('walks leads through the funnel, with skips and off-funnel statuses', () => {
    const stages: readonly string[] = DEFAULT_FUNNEL_STAGES;
    const statuses = new Set(calls.map((c) => c.lead_status));
    for (const stage of stages) expect(statuses.has(stage)).toBe(true);
    expect([...statuses].some((s) => typeof s === 'string' && !stages.includes(s))).toBe(true);

    const byLead = new Map<string, Doc[]>();
    for (const c of calls) {
      if (c.lead_id == null) continue;
      const list = byLead.get(c.lead_id);
      if (list) list.push(c);
      else byLead.set(c.lead_id, [c]);
    }
    let skipped = 0;
    for (const list of byLead.values()) {
      const reached = list
        .sort((a, b) => a.attempt! - b.attempt!)
        .map((c) => stages.indexOf(c.lead_status ?? ''))
        .filter((i) => i >= 0);
      for (let i = 1; i < reached.length; i++) {
        if (reached[i] < reached[i - 1]) throw new Error(`lead ${String(list[0].lead_id)} went back in the funnel`);
        if (reached[i] - reached[i - 1] > 1) skipped++;
      }
    }
    expect(skipped).toBeGreaterThan(0);
  });
});

describe('demoApiKeys', () => {
  it('has one account key per tenant, one user-bound key and one super-admin key', () => {
    const keys = demoApiKeys();
    expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length);
    for (const tenant of SAMPLE_TENANTS) {
      const account = keys.filter((k) => k.tenant_id === tenant.tenant_id && k.user_id === undefined);
      expect(account).toHaveLength(1);
      expect(account[0]).toMatchObject({ role: 'user', user_email: tenant.user_email });
    }
    const bound = keys.filter((k) => k.user_id !== undefined);
    expect(bound).toHaveLength(1);
    expect(bound[0].tenant_id).toBe('acme-health');
    expect(SAMPLE_TENANTS[0].users.map((u) => u.user_id)).toContain(bound[0].user_id);
    const admins = keys.filter((k) => k.role === 'super_admin');
    expect(admins).toHaveLength(1);
    expect(SAMPLE_TENANTS.map((t) => t.tenant_id)).not.toContain(admins[0].tenant_id);
    expect(demoApiKeys()).toEqual(keys);
    for (const k of keys) expect(k.key).toMatch(/^dg_demo_[a-z0-9_]+$/);
  });

  it('binds the user key to a user who has calls', () => {
    const bound = demoApiKeys().find((k) => k.user_id !== undefined)!;
    expect(calls.some((c) => c.tenant_id === bound.tenant_id && c.user_id === bound.user_id)).toBe(true);
  });
});

describe('writeCallsNdjson / writeKeysJson', () => {
  it('writes one relaxed Extended JSON call a line that parses back with Dates restored', async () => {
    const sample = calls.slice(0, 800);
    const path = join(tmp, 'calls.ndjson');
    await writeCallsNdjson(sample, path);
    const text = await readFile(path, 'utf8');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(sample.length);
    expect(lines[0]).toContain('"started_at":{"$date":"');
    const parsed = lines.map((line) => EJSON.parse(line) as Doc);
    expect(parsed[0].started_at).toBeInstanceOf(Date);
    expect(parsed).toEqual(sample);
  });

  it('streams a generator without materializing an array', async () => {
    function* some(): Generator<CallDocument> {
      yield* calls.slice(0, 3);
    }
    const path = join(tmp, 'gen.ndjson');
    await writeCallsNdjson(some(), path);
    expect((await readFile(path, 'utf8')).trim().split('\n')).toHaveLength(3);
  });

  it('rejects when the file cannot be written', async () => {
    await expect(writeCallsNdjson(calls.slice(0, 2), join(tmp, 'no-such-dir', 'x.ndjson'))).rejects.toThrow();
  });

  it('writes the keys file of DESIGN 2.2', async () => {
    const path = join(tmp, 'keys.json');
    await writeKeysJson(demoApiKeys(), path);
    const entries = JSON.parse(await readFile(path, 'utf8')) as Array<Record<string, unknown>>;
    expect(entries).toEqual(demoApiKeys());
    for (const e of entries) expect(Object.keys(e).every((k) => ['key', 'tenant_id', 'user_id', 'user_email', 'role', 'name'].includes(k))).toBe(true);
  });
});

describe('dialgraph sample', () => {
  it('writes byte-identical files for a fixed --now', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const values = { calls: '1500', seed: '3', days: '30', now: '2025-06-01T12:00:00Z' };
      await sampleCommand.run({ ...values, out: join(tmp, 'a.ndjson'), 'keys-out': join(tmp, 'k.json') });
      await sampleCommand.run({ ...values, out: join(tmp, 'b.ndjson') });
      const [a, b] = await Promise.all([readFile(join(tmp, 'a.ndjson'), 'utf8'), readFile(join(tmp, 'b.ndjson'), 'utf8')]);
      expect(a).toBe(b);
      expect(a.trim().split('\n')).toHaveLength(1500);
      expect(JSON.parse(await readFile(join(tmp, 'k.json'), 'utf8'))).toHaveLength(demoApiKeys().length);
      expect(write.mock.calls.map((call) => String(call[0])).join('')).toMatch(/Wrote 1,500 sample calls to .*a\.ndjson/);
    } finally {
      write.mockRestore();
    }
  });

  it('reads its flags with defaults and clear errors', () => {
    const flags = readSampleFlags({ out: 'x.ndjson', calls: '100000', seed: '1', days: '90', now: '2025-06-01T12:00:00+02:00' });
    expect(flags).toMatchObject({ out: 'x.ndjson', calls: 100_000, seed: 1, days: 90 });
    expect(flags.now.toISOString()).toBe('2025-06-01T10:00:00.000Z');
    expect(flags.keysOut).toBeUndefined();
    // The vocabulary file goes next to the calls unless given.
    expect(flags.vocabularyOut).toBe('x.vocabulary.ndjson');
    expect(readSampleFlags({ out: '/data/calls.json' }).vocabularyOut).toBe('/data/calls.vocabulary.ndjson');
    expect(readSampleFlags({ out: 'dump' }).vocabularyOut).toBe('dump.vocabulary.ndjson');
    expect(readSampleFlags({ out: 'x.ndjson', 'vocabulary-out': 'v.ndjson' }).vocabularyOut).toBe('v.ndjson');
    expect(readSampleFlags({ out: 'x' }).now).toBeInstanceOf(Date);
    expect(() => readSampleFlags({})).toThrow(/--out is required/);
    expect(() => readSampleFlags({})).toThrow(UsageError);
    expect(() => readSampleFlags({ out: 'x', now: 'yesterday' })).toThrow(/--now/);
    expect(() => readSampleFlags({ out: 'x', now: '2025-06-01T12:00:00' })).toThrow(/--now/);
    expect(() => readSampleFlags({ out: 'x', calls: '0' })).toThrow(/--calls/);
    expect(() => readSampleFlags({ out: 'x', seed: '-1' })).toThrow(/--seed/);
  });
});

describe('Prng', () => {
  it('is deterministic and stays in range', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    for (let i = 0; i < 1_000; i++) {
      const f = a.float();
      expect(b.float()).toBe(f);
      expect(f >= 0 && f < 1).toBe(true);
      const n = a.int(-3, 3);
      b.int(-3, 3);
      expect(n >= -3 && n <= 3 && Number.isInteger(n)).toBe(true);
    }
    expect(new Prng(8).float()).not.toBe(new Prng(7).float());
  });

  it('draws weighted values in proportion', () => {
    const rng = new Prng(1);
    const table = weightedTable([['a', 3], ['b', 1]] as const);
    let a = 0;
    for (let i = 0; i < 10_000; i++) if (rng.weighted(table) === 'a') a++;
    expect(a / 10_000).toBeGreaterThan(0.72);
    expect(a / 10_000).toBeLessThan(0.78);
  });
});
