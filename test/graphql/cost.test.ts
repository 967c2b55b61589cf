import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELD_COSTS } from '../../src/graphql/cost/field-costs.ts';
import { printSubgraphSdl } from '../../src/graphql/subgraph.ts';
import { calls, KEYS } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';
import { composeSupergraph } from '../support/subgraphs.ts';

/**
 * Cost (DESIGN section 8): `@cost`/`@listSize` on every field that runs a pipeline, in both SDL
 * files and through composition; a budget per operation refused before execution with
 * OPERATION_LIMIT; `extensions.cost` on every answer; rows bounded through the cost.
 */
const NOW = '2026-01-15T12:00:00Z';
const gateway = (costBudget?: number) => testGateway({ calls: calls(3, { started_at: '2026-01-05T00:00:00Z' }), now: NOW, costBudget });

const SCHEMA_SDL = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
const SUBGRAPH_SDL = readFileSync(new URL('../../schema/subgraph.graphql', import.meta.url), 'utf8');

/** The line of `Type.field`'s definition in an SDL (fields may span lines up to their return type). */
function fieldDefinition(sdl: string, type: string, field: string): string {
  const body = new RegExp(`\\ntype ${type}\\b[^{]*\\{([\\s\\S]*?)\\n\\}`).exec(sdl)?.[1] ?? '';
  const start = body.search(new RegExp(`\\n  ${field}[(:]`));
  if (start < 0) return '';
  const rest = body.slice(start + 1);
  const end = rest.search(/\n  (?!\s|\))/);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('cost directives', () => {
  const entries = Object.entries(FIELD_COSTS);

  it('cover every Query field that runs a pipeline and every entity field', () => {
    const queryFields = [...SUBGRAPH_SDL.matchAll(/\n {2}(\w+)[(:]/g)].map((m) => m[1]);
    expect(queryFields.length).toBeGreaterThan(0);
    const query = /\ntype Query \{([\s\S]*?)\n\}/.exec(SUBGRAPH_SDL)?.[1] ?? '';
    const declared = [...query.matchAll(/\n {2}(\w+)[(:]/g)].map((m) => `Query.${m[1]}`).filter((f) => !['Query._service', 'Query._entities'].includes(f));
    expect(declared.length).toBeGreaterThanOrEqual(6);
    for (const field of declared) expect(Object.keys(FIELD_COSTS)).toContain(field);
    expect(Object.keys(FIELD_COSTS)).toEqual(expect.arrayContaining(['Assistant.callAnalytics', 'PhoneNumber.callAnalytics']));
  });

  for (const [name, entry] of entries) {
    const [type, field] = name.split('.');
    it(`${name} carries @cost(weight: ${entry.weight}) in schema/subgraph.graphql${type === 'Query' ? ' and schema/schema.graphql' : ''}`, () => {
      const sdls = type === 'Query' ? [SCHEMA_SDL, SUBGRAPH_SDL] : [SUBGRAPH_SDL];
      for (const sdl of sdls) {
        const definition = fieldDefinition(sdl, type, field);
        expect(definition).toContain(`@cost(weight: ${entry.weight})`);
        if (entry.listSize?.slicingArguments) expect(definition).toContain(`slicingArguments: [${entry.listSize.slicingArguments.map((a) => JSON.stringify(a)).join(', ')}]`);
      }
    });
  }

  it('imports @cost and @listSize from Federation 2.9 and keeps them through composition', () => {
    expect(printSubgraphSdl()).toContain('"@cost"');
    expect(SCHEMA_SDL).toMatch(/directive @cost\(weight: Int!\)/);
    expect(SCHEMA_SDL).toMatch(/directive @listSize\(/);
    const supergraph = composeSupergraph([{ name: 'dialgraph', url: 'http://127.0.0.1:1/graphql', sdl: printSubgraphSdl() }]);
    expect(supergraph).toMatch(/groupedCalls\([^)]*\): GroupedCalls! [^\n]*@cost\(weight: 10\)/);
    expect(supergraph).toMatch(/@listSize\(/);
  });
});

describe('cost budget', () => {
  it('reports extensions.cost on every answer, following range length and page size', async () => {
    const g = gateway();
    const cost = async (document: string) => (await g.query(document, {}, KEYS.t1)).body.extensions?.cost;
    // 10 per 31 days + 1 (GroupedCalls) + limit × 1 (CallGroup) + 1 (totals).
    expect(await cost('{ groupedCalls(filter: { startDate: "2026-01-01", endDate: "2026-01-14" }) { rows { source } totals { count } } }')).toEqual({ estimated: 10 + 1 + 100 + 1, max: 10_000 });
    expect(await cost('{ groupedCalls(limit: 5, filter: { startDate: "2025-01-01", endDate: "2025-12-31" }) { rows { source } } }')).toEqual({ estimated: 10 * 12 + 1 + 5, max: 10_000 });
    expect(await cost('{ calls(search: { dayFrom: "2026-01-01", dayTo: "2026-01-14" }, itemsPerPage: 1000) { calls { id } } }')).toEqual({ estimated: 10 + 1 + 1000, max: 10_000 });
    // compare reads a second range as long (31 + 31 days → 2 units); fillGaps lists 14 × 24 hours (4 units).
    expect(await cost('{ groupedCalls(compare: PREVIOUS_PERIOD, filter: { startDate: "2025-12-01", endDate: "2025-12-31" }) { rows { source } totals { count } } }')).toEqual({ estimated: 20 + 1 + 100 + 1, max: 10_000 });
    expect(await cost('{ groupedCalls(groupBy: [HOUR], fillGaps: true, filter: { startDate: "2026-01-01", endDate: "2026-01-14" }) { rows { hour } } }')).toEqual({ estimated: 10 + 4 + 1 + 100, max: 10_000 });
    // A time series adds its buckets: 90 days × 24 hours = 2,184+ buckets → 22 units.
    const series = await cost('{ analyticsQuery(input: { queryType: CALLS_OVER_TIME, granularity: HOUR, pageSize: 10, filters: { dateFrom: "2025-10-01T00:00:00Z", dateTo: "2025-12-29T23:00:00Z" } }) { data { ... on TimeSeriesPoint { count } } } }');
    expect(series).toEqual({ estimated: 10 * 3 + Math.ceil((89 + 23 / 24 + 1) * 24 / 100) + 1 + 10, max: 10_000 });
    expect(await cost('{ __typename }')).toEqual({ estimated: 0, max: 10_000 });
  });

  it('passes a dashboard of 20 typical panels', async () => {
    const panels = [
      'groupedCalls(groupBy: [DATE]) { rows { date count } totals { count avgDuration } }',
      'groupedCalls(groupBy: [SOURCE], limit: 10) { rows { source count qualifiedPct } }',
      'groupedCalls(groupBy: [HOUR_OF_DAY, DAY_OF_WEEK], timezone: "America/New_York", filter: { startDate: "2025-10-17", endDate: "2026-01-14" }) { rows { hourOfDay dayOfWeek count } }',
      'groupedCalls(groupBy: [MONTH], filter: { startDate: "2025-01-01", endDate: "2025-12-31" }) { rows { month count totalValueCents } }',
      'analyticsQuery(input: { queryType: CALLS_OVER_TIME, granularity: DAY }) { total data { ... on TimeSeriesPoint { date count } } }',
      'analyticsQuery(input: { queryType: HOURLY_HEATMAP, timezone: "Europe/London", pageSize: 168 }) { data { ... on HeatmapCell { dayOfWeek hour count } } }',
      'analyticsQuery(input: { queryType: CONVERSION_FUNNEL }) { data { ... on FunnelStage { stage leads } } }',
      'analyticsQuery(input: { queryType: STATUS_DISTRIBUTION }) { data { ... on DistributionRow { key count } } }',
      'analyticsQuery(input: { queryType: CALL_DURATION }) { data { ... on DurationStatsRow { avg } } }',
      'analyticsQuery(input: { queryType: PROVIDER_BREAKDOWN }) { data { ... on ProviderRow { provider count } } }',
      'callsByPhoneNumber { phoneNumber totalCalls }',
      'calls(search: { dayFrom: "2026-01-01", dayTo: "2026-01-14" }, itemsPerPage: 50) { totalItems calls { id timestamp status } }',
      'callStats(search: { dayFrom: "2026-01-01", dayTo: "2026-01-14" }) { all { all success } }',
    ];
    const document = `{ ${Array.from({ length: 20 }, (_, i) => `p${i}: ${panels[i % panels.length]}`).join('\n')} }`;
    const { status, body } = await gateway().query(document, {}, KEYS.t1);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.extensions?.cost.estimated).toBeLessThan(10_000);
  });

  it('refuses an over-budget operation with OPERATION_LIMIT, HTTP 400, before any pipeline', async () => {
    const g = gateway();
    // 10 aliases of a 1,000-row page: 10 × 1,011 rows and pipeline units.
    const document = `{ ${Array.from({ length: 10 }, (_, i) => `c${i}: calls(search: { dayFrom: "2026-01-01", dayTo: "2026-01-14" }, itemsPerPage: 1000) { calls { id } }`).join(' ')} }`;
    const { status, body } = await g.query(document, {}, KEYS.t1);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'OPERATION_LIMIT', limit: 'cost', value: 10_110, max: 10_000 });
    expect(body.extensions?.cost).toEqual({ estimated: 10_110, max: 10_000 });
    expect(g.pipelines).toHaveLength(0);
  });

  it('refuses the 500-alias grouped report on cost alone (with the alias and token limits raised)', async () => {
    const g = testGateway({ calls: calls(3, { started_at: '2026-01-05T00:00:00Z' }), now: NOW, operationLimits: { aliases: 1000, tokens: 100_000 } });
    const document = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: groupedCalls(groupBy: [DATE, SOURCE, HOUR_OF_DAY], filter: { startDate: "2025-10-17", endDate: "2026-01-14" }) { count }`).join(' ')} }`;
    const { status, body } = await g.query(document, {}, KEYS.t1);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT', limit: 'cost', max: 10_000 });
    expect(body.errors?.[0]?.extensions?.value).toBe(500 * (10 * 3 + 1));
    expect(g.pipelines).toHaveLength(0);
  });

  it('counts callStats(dateInterval:) buckets: the pipeline pays per 100, each listed interval is a row', async () => {
    const g = gateway();
    const cost = async (document: string) => (await g.query(document, {}, KEYS.t1)).body.extensions?.cost?.estimated;
    // 14 days by DAY: 10 + 1 (14 buckets) + 1 (DetailedCallStats) + 14 × (1 + 1).
    expect(await cost('{ callStats(search: { dayFrom: "2026-01-01", dayTo: "2026-01-14" }, dateInterval: DAY) { intervals { label all { all } } } }')).toBe(10 + 1 + 1 + 14 * 2);
    // By HOUR: 336 buckets.
    expect(await cost('{ callStats(search: { dayFrom: "2026-01-01", dayTo: "2026-01-14" }, dateInterval: HOUR) { intervals { label } } }')).toBe(10 + 4 + 1 + 336);
    // Without intervals selected nothing is listed.
    expect(await cost('{ callStats(search: { dayFrom: "2026-01-01", dayTo: "2026-01-14" }) { all { all } } }')).toBe(10 + 1 + 1);
  });

  it('refuses callStats over 20 years by HOUR on cost, before any pipeline', async () => {
    const g = gateway();
    const { status, body } = await g.query('{ callStats(search: { dayFrom: "2006-01-01", dayTo: "2025-12-31" }, dateInterval: HOUR) { intervals { label all { all } } } }', {}, KEYS.t1);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT', limit: 'cost', max: 10_000 });
    expect(body.errors?.[0]?.extensions?.value).toBeGreaterThan(300_000);
    expect(body.errors?.[0]?.message).toContain('fewer time buckets');
    expect(g.pipelines).toHaveLength(0);
  });

  it('sizes _entities by its representations and takes the dearest fragment of a union', async () => {
    const g = gateway();
    const representations = Array.from({ length: 40 }, (_, i) => ({ __typename: 'Assistant', id: `a${i}` }));
    const { body } = await g.query(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Assistant { callAnalytics { totalCalls } } ... on PhoneNumber { callAnalytics { totalCalls } } } }',
      { r: representations },
      KEYS.t1,
    );
    expect(body.errors).toBeUndefined();
    // Each representation: 1 (the entity) + 1 × 1 unit (its callAnalytics) + 1 (EntityCallAnalytics).
    expect(body.extensions?.cost.estimated).toBe(40 * 3);
  });

  it('honours a configured budget', async () => {
    const g = gateway(50);
    const { status, body } = await g.query('{ groupedCalls { rows { source } } }', {}, KEYS.t1);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'OPERATION_LIMIT', limit: 'cost', value: 111, max: 50 });
  });
});
