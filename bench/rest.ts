/**
 * `npm run bench:rest`: one row per seed REST route. Each round sends the route's request and
 * the GraphQL request it wraps (the same operation and variables, built from the route table),
 * both through `yoga.fetch` on the same gateway over the same sample calls, interleaved. The
 * route must cost at most 1.05× its GraphQL request: the route layer only checks parameters,
 * maps names and reshapes the answer.
 *
 * Each row is measured twice. End to end, over the store, where the target is read: there the
 * pipelines dominate, and on this machine their time moves by ±5% from run to run, so the same
 * code gave the 1,000-record CSV 1.02× and 1.09× per round in two runs back to back. Then over
 * the store replayed: a second gateway whose store answers every pipeline with copies of the
 * rows it gave the first time, so the two requests differ only in what the route layer does
 * (its own request, parameters, the seed's JSON or CSV) against what the GraphQL request does
 * after execution (its JSON text, which the client parses). The median over rounds of their
 * difference is what the route adds, free of the pipelines' noise; added to the end-to-end
 * GraphQL median it estimates the route's ratio without that noise.
 * Flags: --calls N (default 1,000,000), --runs N (default 21), --only TEXT.
 */
import { parseArgs } from 'node:util';
import { createGateway } from '../src/graphql/yoga.ts';
import { parameterReader } from '../src/rest/params.ts';
import { REST_ROUTES } from '../src/rest/routes.ts';
import { print, getOperationAST } from 'graphql';
import { demoApiKeys } from '../src/sample/demo-keys.ts';
import { generateSampleCalls } from '../src/sample/generate.ts';
import { createEmbeddedStore } from '../src/store/embedded/embedded-store.ts';
import { toApiKeyRecords } from '../src/store/load/keys-file.ts';
import type { CallStore } from '../src/store/call-store.ts';
import { replaying } from './replaying-store.ts';
import { fmt, medianRatio, summarize, timeInterleaved, times } from './stats.ts';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '21' },
    only: { type: 'string' },
  },
});
const NOW = new Date('2026-01-15T12:00:00.000Z');
const calls = generateSampleCalls({ calls: Number(values.calls), seed: 1, now: NOW });
const keys = demoApiKeys();
const store = createEmbeddedStore({ calls, apiKeys: toApiKeyRecords(keys, NOW) });
const gatewayOver = (callStore: CallStore) =>
  createGateway({
    store: callStore,
    now: () => NOW,
    // A shared, loaded machine must not turn a slow run into a refusal: the budget is not measured here.
    config: { maxTimeMS: 600_000 },
    graphiql: false,
    logger: { error: console.error, warn: () => {}, info: () => {} },
  });
const yoga = gatewayOver(store);
const replayed = gatewayOver(replaying(store));

const perTenant = new Map<string, number>();
for (const call of calls) perTenant.set(call.tenant_id, (perTenant.get(call.tenant_id) ?? 0) + 1);
const tenantId = [...perTenant].sort((a, b) => b[1] - a[1])[0][0];
const tenantKey = keys.find((k) => k.tenant_id === tenantId && !k.user_id)!.key;
const adminKey = keys.find((k) => k.role === 'super_admin')!.key;

interface RestCase {
  name: string;
  method: 'GET' | 'POST';
  /** Path and query string, as a seed client sends them. */
  url: string;
  body?: unknown;
  key: string;
  /** Send the key as `?api-key=` (seed 003) instead of a header. */
  apiKeyInQuery?: boolean;
  accept?: string;
}

const days = { dayFrom: '2026-01-09', dayTo: '2026-01-15' };
const cases: RestCase[] = [
  { name: '000 GET /analytics/calls/by-phone-number (30 d)', method: 'GET', url: '/analytics/calls/by-phone-number', key: tenantKey },
  { name: '001 GET /admin/analytics/calls/by-phone-number (all tenants, 30 d)', method: 'GET', url: '/admin/analytics/calls/by-phone-number', key: adminKey },
  {
    name: '002 POST /analytics calls_over_time (31 days)',
    method: 'POST',
    url: '/analytics',
    body: { query_type: 'calls_over_time', filters: { date_from: '2025-12-16', date_to: '2026-01-15', min_duration: 10 }, granularity: 'day', page: 1, page_size: 31 },
    key: tenantKey,
  },
  { name: '003 POST /api/v1/stat/calls (7 d, 100 records)', method: 'POST', url: '/api/v1/stat/calls', body: days, key: tenantKey, apiKeyInQuery: true },
  { name: '003 POST /api/v1/stat/calls CSV (7 d, 1000 records)', method: 'POST', url: '/api/v1/stat/calls?format=csv', body: { ...days, itemsPerPage: 1000 }, key: tenantKey, apiKeyInQuery: true },
  {
    name: '003 POST /api/v1/stat/calls-detailedV2 (7 d, day intervals)',
    method: 'POST',
    url: '/api/v1/stat/calls-detailedV2',
    body: { ...days, dateInterval: 'day' },
    key: tenantKey,
    apiKeyInQuery: true,
  },
  {
    name: '004 GET /api/v1/analytics/calls by utm_campaign (4 metrics)',
    method: 'GET',
    url: '/api/v1/analytics/calls?group_by=utm_campaign&metrics=count,qualified_pct,avg_duration,avg_ai_score&start_date=2025-12-17&end_date=2026-01-15&sort_by=qualified_pct&sort_order=desc',
    key: tenantKey,
  },
  {
    name: '004 GET /api/v1/analytics/calls by hour × weekday, CSV',
    method: 'GET',
    url: '/api/v1/analytics/calls?group_by=hour_of_day,day_of_week&metrics=count,avg_duration&sort_by=count&sort_order=desc&limit=1000',
    key: tenantKey,
    accept: 'text/csv',
  },
];

const header = ['route', 'route med', 'GraphQL med', 'route p95', 'GraphQL p95', 'route/GraphQL (per round)', 'route/GraphQL (medians)', 'replayed: route med', 'GraphQL med', 'route adds', '1 + adds/GraphQL'];
const rows: string[][] = [];
console.log(`dialgraph REST bench — ${calls.length.toLocaleString('en')} sample calls; tenant ${tenantId}; ${values.runs} timed runs after 1 warm-up\n`);

for (const restCase of cases.filter((c) => !values.only || c.name.includes(values.only))) {
  const url = new URL(restCase.url + (restCase.apiKeyInQuery ? `${restCase.url.includes('?') ? '&' : '?'}api-key=${restCase.key}` : ''), 'http://bench');
  const route = REST_ROUTES.find((r) => r.path === url.pathname && r.method === restCase.method);
  if (!route) {
    console.log(`  skipped (no such route in the table): ${restCase.name}`);
    continue;
  }
  // The GraphQL request the route sends, built by the route table itself.
  const graphqlBody = JSON.stringify({
    query: print(route.document),
    variables: route.variables(parameterReader(route).read(url, restCase.body)),
    operationName: getOperationAST(route.document)?.name?.value,
  });
  const restBody = restCase.body === undefined ? undefined : JSON.stringify(restCase.body);
  const restHeaders: Record<string, string> = {
    ...(restCase.apiKeyInQuery ? {} : { authorization: `Bearer ${restCase.key}` }),
    ...(restBody ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(restBody)) } : {}),
    ...(restCase.accept ? { accept: restCase.accept } : {}),
  };
  const sendRoute = async (gateway = yoga) => {
    const response = await gateway.fetch(url.href, { method: restCase.method, headers: restHeaders, body: restBody });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${restCase.name}: ${response.status} ${text.slice(0, 300)}`);
  };
  const sendGraphQL = async (gateway = yoga) => {
    const response = await gateway.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(graphqlBody)), authorization: `Bearer ${restCase.key}` },
      body: graphqlBody,
    });
    const answer = (await response.json()) as { errors?: unknown };
    if (answer.errors) throw new Error(`${restCase.name}: ${JSON.stringify(answer.errors)}`);
  };
  const [routeSamples, graphqlSamples] = await timeInterleaved([() => sendRoute(), () => sendGraphQL()], Number(values.runs));
  const r = summarize(routeSamples);
  const g = summarize(graphqlSamples);
  // No scan: five times the rounds for the same time, to read a ratio of much smaller times.
  const [replayedRoute, replayedGraphQL] = await timeInterleaved([() => sendRoute(replayed), () => sendGraphQL(replayed)], 5 * Number(values.runs));
  const adds = summarize(replayedRoute.map((time, round) => time - replayedGraphQL[round])).median;
  rows.push([
    restCase.name,
    fmt(r.median),
    fmt(g.median),
    fmt(r.p95),
    fmt(g.p95),
    times(medianRatio(routeSamples, graphqlSamples)),
    times(r.median / g.median),
    fmt(summarize(replayedRoute).median),
    fmt(summarize(replayedGraphQL).median),
    fmt(adds),
    times(1 + adds / g.median),
  ]);
  console.log(`  done: ${restCase.name}`);
}

const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log(`\ntimes in ms\n${line(header)}\n|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log(
  '\nper round: median over the rounds of (route run / GraphQL run), the two timed back to back in each round.' +
    '\nreplayed: the same two requests on a gateway whose store replays the rows of each pipeline (no scan, 5× the rounds); route adds: the median over those rounds of route − GraphQL (ms);' +
    '\n1 + adds/GraphQL: the route\'s ratio estimated without the pipelines\' noise (what it adds, over the end-to-end GraphQL median).',
);
