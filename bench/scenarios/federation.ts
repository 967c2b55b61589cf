import { entityAnalyticsQuery } from '../../src/analytics/families/entity-analytics.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import type { BenchContext, BenchScenario } from '../scenario.ts';

const DAY = 86_400_000;

const idsByContext = new WeakMap<BenchContext, string[]>();

/**
 * 100 assistant ids: the tenant's real assistants first, then ids with no calls. Found once
 * per context (it scans every call), so no timed run pays for it.
 */
function assistantIds(c: BenchContext): string[] {
  const cached = idsByContext.get(c);
  if (cached) return cached;
  const real = new Set<string>();
  for (const call of c.calls) if (call.tenant_id === c.tenant.tenantId && call.assistant_id) real.add(call.assistant_id);
  const ids = [...real];
  for (let i = 0; ids.length < 100; i += 1) ids.push(`assistant-without-calls-${i}`);
  idsByContext.set(c, ids);
  return ids;
}

const FIELDS = 'callAnalytics { totalCalls totalDurationMinutes avgDurationMinutes answeredCalls answerRate lastCallAt }';
/** An `_entities` request for these assistants (`npm run bench:request` times one of one). */
export const entitiesQuery = (ids: readonly string[]) =>
  `{ _entities(representations: [${ids.map((id) => `{ __typename: "Assistant", id: "${id}" }`).join(', ')}]) { ... on Assistant { id ${FIELDS} } } }`;

function floor(c: BenchContext, ids: readonly string[]) {
  const wanted = new Set(ids);
  const to = c.now.getTime();
  const from = to - 30 * DAY;
  const stats = new Map<string, [number, number, number, number]>();
  for (const call of c.calls) {
    if (call.tenant_id !== c.tenant.tenantId || !call.assistant_id || !wanted.has(call.assistant_id)) continue;
    const t = call.started_at.getTime();
    if (t < from || t > to) continue;
    let s = stats.get(call.assistant_id);
    if (!s) stats.set(call.assistant_id, (s = [0, 0, 0, 0]));
    s[0] += 1;
    s[1] += call.duration_sec ?? 0;
    if (call.status === 'completed') s[2] += 1;
    if (t > s[3]) s[3] = t;
  }
  return stats;
}

export const federationScenarios: BenchScenario[] = [
  {
    name: '_entities: 100 assistants, 1 request',
    as: 'tenant',
    query: (c) => entitiesQuery(assistantIds(c)),
    pipelines: (c) => [compileCallQuery(entityAnalyticsQuery({ principal: c.tenant, entity: 'ASSISTANT', keys: assistantIds(c), args: {}, now: c.now }))],
    floor: (c) => floor(c, assistantIds(c)),
  },
  {
    name: '_entities: 100 separate 1-assistant requests',
    as: 'tenant',
    query: (c) => assistantIds(c).map((id) => entitiesQuery([id])),
    pipelines: (c) =>
      assistantIds(c).map((id) => compileCallQuery(entityAnalyticsQuery({ principal: c.tenant, entity: 'ASSISTANT', keys: [id], args: {}, now: c.now }))),
    floor: (c) => assistantIds(c).map((id) => floor(c, [id])),
  },
];
