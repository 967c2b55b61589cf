import { CALL_CONNECTION } from '../../src/analytics/families/dialer/call-connection.ts';
import { callListQuery } from '../../src/analytics/families/dialer/call-list.ts';
import { encodeCursor } from '../../src/analytics/query/keyset.ts';
import { callStatsQuery } from '../../src/analytics/families/dialer/call-stats.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import { addDays, localDate, localDayRange } from '../../src/analytics/time/time-zone.ts';
import type { CallDocument } from '../../src/contract/call-document.ts';
import type { BenchContext, BenchScenario } from '../scenario.ts';

const search = (c: BenchContext) => {
  const dayTo = localDate('UTC', c.now);
  return { dayFrom: addDays(dayTo, -29), dayTo };
};

/** What a 30-day search with no other filter matches: the tenant's calls minus transfer legs. */
function matching(c: BenchContext): CallDocument[] {
  const { dayFrom, dayTo } = search(c);
  const { from, to } = localDayRange('UTC', dayFrom, dayTo);
  const lo = from.getTime();
  const hi = to.getTime();
  const out: CallDocument[] = [];
  for (const call of c.calls) {
    if (call.tenant_id !== c.tenant.tenantId || call.is_transfer_leg === true) continue;
    const t = call.started_at.getTime();
    if (t >= lo && t <= hi) out.push(call);
  }
  return out;
}

/** The call fields a list row selects; `transcripts` adds every segment of each call. */
const LIST_FIELDS = ['id', 'timestamp', 'talkTime', 'state', 'fromNumber', 'toNumber'];
const TRANSCRIPT_FIELDS = [...LIST_FIELDS, 'transcripts'];
const selection = (fields: readonly string[]) => fields.map((f) => (f === 'transcripts' ? 'transcripts { atSec speaker text }' : f)).join(' ');

function listScenario(page: number, fields: readonly string[] = LIST_FIELDS): BenchScenario {
  return {
    name: `calls page ${page} by talk time, 30 d${fields.includes('transcripts') ? ', with transcripts' : ''}`,
    as: 'tenant',
    query: (c) => {
      const { dayFrom, dayTo } = search(c);
      return `{ calls(search: { dayFrom: "${dayFrom}", dayTo: "${dayTo}" }, page: ${page}, sortBy: TALK_TIME) { totalItems pagesCount calls { ${selection(fields)} } } }`;
    },
    pipelines: (c) => {
      const { queries } = callListQuery({
        principal: c.tenant,
        now: c.now,
        vocabulary: new Set(),
        fields,
        bounds: false,
        args: { search: search(c), page, itemsPerPage: 100, sortBy: 'TALK_TIME', sortDirection: 'DESC' },
      });
      return [compileCallQuery(queries.page), compileCallQuery(queries.count)];
    },
    floor: (c) => {
      const rows = matching(c);
      // Talk time descending (missing lowest, so last), then start time and id descending.
      const talk = (call: CallDocument) => call.talk_time_sec ?? -Infinity;
      rows.sort((a, b) => talk(b) - talk(a) || b.started_at.getTime() - a.started_at.getTime() || (String(a._id) < String(b._id) ? 1 : -1));
      return { total: rows.length, page: rows.slice((page - 1) * 100, page * 100) };
    },
  };
}

/** The matching calls in the list's TALK_TIME DESC order (missing talk time lowest, so last). */
function byTalkTime(c: BenchContext): CallDocument[] {
  const rows = matching(c);
  const talk = (call: CallDocument) => call.talk_time_sec ?? -Infinity;
  rows.sort((a, b) => talk(b) - talk(a) || b.started_at.getTime() - a.started_at.getTime() || (String(a._id) < String(b._id) ? 1 : -1));
  return rows;
}

/**
 * `callsConnection` page `page` by talk time (100 a page): the cursor is the last call of the
 * page before, so page 50 seeks where page 1 starts from the top (issue 20: at most 1.2×).
 */
function connectionScenario(page: number): BenchScenario {
  const cursorFor = (c: BenchContext): string | null => {
    if (page === 1) return null;
    const last = byTalkTime(c)[(page - 1) * 100 - 1];
    const binding = { sort: 'calls:TALK_TIME:DESC', tenantId: c.tenant.tenantId, userId: c.tenant.userId };
    return encodeCursor([last.talk_time_sec ?? null, last.started_at, last._id], binding);
  };
  const input = (c: BenchContext) => ({ search: search(c), sortBy: 'TALK_TIME' as const, first: 100, after: cursorFor(c), fields: LIST_FIELDS, totalCount: true });
  return {
    name: `callsConnection page ${page} by talk time, 30 d`,
    as: 'tenant',
    query: (c) => {
      const { dayFrom, dayTo } = search(c);
      const after = cursorFor(c);
      return `{ callsConnection(search: { dayFrom: "${dayFrom}", dayTo: "${dayTo}" }, sortBy: TALK_TIME, first: 100${after ? `, after: "${after}"` : ''}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${selection(LIST_FIELDS)} } } } }`;
    },
    pipelines: (c) => {
      const plan = CALL_CONNECTION.plan(input(c), { principal: c.tenant, now: c.now, config: { funnelStages: c.config.funnelStages } });
      if (!('queries' in plan)) throw new Error('callsConnection plans named queries');
      return Object.values(plan.queries).flatMap((query) => (query ? [compileCallQuery(query)] : []));
    },
    floor: (c) => {
      const rows = byTalkTime(c);
      return { total: rows.length, page: rows.slice((page - 1) * 100, page * 100) };
    },
  };
}

export const dialerScenarios: BenchScenario[] = [
  listScenario(1),
  listScenario(1, TRANSCRIPT_FIELDS),
  listScenario(50),
  connectionScenario(1),
  connectionScenario(50),
  statsScenario(null),
  statsScenario('DAY'),
];

/** `callStats` over 30 days, whole range only or with one entry per bucket (the floor: the whole range). */
function statsScenario(dateInterval: 'DAY' | null): BenchScenario {
  return {
    name: dateInterval ? `callStats 30 d, ${dateInterval} intervals` : 'callStats 30 d',
    as: 'tenant',
    query: (c) => {
      const { dayFrom, dayTo } = search(c);
      const block = 'all fail success talks error unique firstTime active total { sum count min max } call { sum count min max } answer { sum count min max }';
      const stats = `all { ${block} } in { ${block} } out { ${block} } our { ${block} } tagsSuccess tagsDefault tagsFail tagsNoResult aiTalkTime allTalkTime aiTalkCost`;
      const intervals = dateInterval ? `intervals { label bucketStart ${stats} }` : '';
      return `{ callStats(search: { dayFrom: "${dayFrom}", dayTo: "${dayTo}" }${dateInterval ? `, dateInterval: ${dateInterval}` : ''}) { ${stats} ${intervals} } }`;
    },
    pipelines: (c) => [compileCallQuery(callStatsQuery({ principal: c.tenant, now: c.now, search: search(c), dateInterval }).query)],
    floor: (c) => {
      const blocks = new Map<string, { n: number; ok: number; fail: number; err: number; talks: number; first: number; active: number; clients: Set<string>; total: number; dur: number; answer: number }>();
      let ai = 0;
      let talk = 0;
      let cost = 0;
      for (const call of matching(c)) {
        let b = blocks.get(call.direction);
        if (!b) blocks.set(call.direction, (b = { n: 0, ok: 0, fail: 0, err: 0, talks: 0, first: 0, active: 0, clients: new Set(), total: 0, dur: 0, answer: 0 }));
        b.n += 1;
        if (call.status === 'completed') {
          b.ok += 1;
          b.answer += call.answer_time_sec ?? 0;
        } else if (call.status === 'failed') b.err += 1;
        else b.fail += 1;
        if ((call.talk_time_sec ?? 0) > 0) b.talks += 1;
        if (call.first_time_for_user === true) b.first += 1;
        if (call.ended_at == null) b.active += 1;
        const client = call.direction === 'inbound' ? call.from_number : call.to_number;
        if (client != null) b.clients.add(client);
        b.total += call.total_time_sec ?? 0;
        b.dur += call.duration_sec ?? 0;
        ai += call.ai_talk_time_sec ?? 0;
        talk += call.talk_time_sec ?? 0;
        cost += call.ai_talk_cost_cents ?? 0;
      }
      return { blocks, ai, talk, cost };
    },
  };
}
