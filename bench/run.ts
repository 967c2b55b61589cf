/**
 * `npm run bench`: builds sample calls in memory (1,000,000 by default) and prints, per
 * scenario, GraphQL latency through `yoga.fetch`, the bare pipeline on the embedded engine, and
 * a plain TypeScript loop computing the same answer (the floor), with their ratios and the
 * process's peak RSS. The bare pipeline runs on the embedded store's default engine (the
 * compiled executor, mingo as its fallback) and again on mingo alone (`mingo med`).
 * It also reports, per row, what GraphQL adds to a request: request time minus the time spent in the
 * store during that request.
 * Flags: --calls N, --runs N, --only TEXT, --no-mingo (skip the reference engine column).
 */
import { parseArgs } from 'node:util';
import { toApiKeyRecords } from '../src/store/load/keys-file.ts';
import { createEmbeddedStore } from '../src/store/embedded/embedded-store.ts';
import { DEFAULT_MAX_TIME_MS, createGateway } from '../src/graphql/yoga.ts';
import { decorate } from '../src/store/decorators/decorate.ts';
import type { Pipeline } from '../src/contract/pipeline.ts';
import { DEFAULT_FUNNEL_STAGES } from '../src/contract/call-document.ts';
import { demoApiKeys } from '../src/sample/demo-keys.ts';
import { generateSampleCalls } from '../src/sample/generate.ts';
import type { BenchContext, BenchScenario } from './scenario.ts';
import { fmt, medianRatio, ratio, summarize, time, timeInterleaved, times } from './stats.ts';
import { scenarios } from './scenarios/index.ts';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '21' },
    only: { type: 'string' },
    'no-mingo': { type: 'boolean', default: false },
  },
});
const callCount = Number(values.calls);
const runs = Number(values.runs);
const NOW = new Date('2026-01-15T12:00:00.000Z');

const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

const genStart = performance.now();
const calls = generateSampleCalls({ calls: callCount, seed: 1, now: NOW });
const genMs = performance.now() - genStart;
const demoKeys = demoApiKeys();
const store = createEmbeddedStore({ calls, apiKeys: toApiKeyRecords(demoKeys, NOW) });
// The same (already frozen) documents on mingo alone: the reference engine, for comparison.
const mingoStore = createEmbeddedStore({ calls, executor: 'mingo' });
globalThis.gc?.();
const residentRss = process.memoryUsage().rss;

const perTenant = new Map<string, number>();
for (const call of calls) perTenant.set(call.tenant_id, (perTenant.get(call.tenant_id) ?? 0) + 1);
const [tenantId, tenantCalls] = [...perTenant].sort((a, b) => b[1] - a[1])[0];
const tenantKey = demoKeys.find((k) => k.tenant_id === tenantId && !k.user_id)!;
const adminKey = demoKeys.find((k) => k.role === 'super_admin')!;

const context: BenchContext = {
  calls,
  now: NOW,
  tenant: { tenantId, userEmail: tenantKey.user_email, role: 'user' },
  admin: { tenantId: adminKey.tenant_id, userEmail: adminKey.user_email, role: 'super_admin' },
  config: { funnelStages: DEFAULT_FUNNEL_STAGES, maxTimeMS: DEFAULT_MAX_TIME_MS },
};
/**
 * The gateway's store, timed: the milliseconds each GraphQL request spends inside `aggregate`
 * (requests run one at a time), so that request time minus store time is what GraphQL itself
 * adds to that very request — a paired figure, free of the run-to-run noise between a
 * GraphQL run and a separate bare run.
 */
let storeMs = 0;
const timedStore = decorate(store, async (pipeline, options) => {
  const start = performance.now();
  try {
    return await store.aggregate(pipeline, options);
  } finally {
    storeMs += performance.now() - start;
  }
});
const yoga = createGateway({ store: timedStore, now: () => NOW, graphiql: false, logger: { error: console.error, warn: () => {}, info: () => {} } });

console.log(`dialgraph bench — ${calls.length.toLocaleString('en')} calls generated in ${fmt(genMs)} ms; resident RSS ${mb(residentRss)}`);
console.log(`tenant rows use ${tenantId} (${tenantCalls.toLocaleString('en')} calls); ${runs} timed runs after 1 warm-up; now = ${NOW.toISOString()}\n`);

/** Sends the scenario's request(s); `queries` are built once, outside the timing. */
async function graphql(scenario: BenchScenario, queries: readonly string[]): Promise<void> {
  const key = scenario.as === 'admin' ? adminKey.key : tenantKey.key;
  for (const query of queries) {
    const body = JSON.stringify({ query, variables: scenario.variables ?? {} });
    // Headers as an HTTP client sends them, Content-Length included.
    const response = await yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), authorization: `Bearer ${key}` },
      body,
    });
    const answer = (await response.json()) as { errors?: unknown[] };
    if (answer.errors) throw new Error(`${scenario.name}: ${JSON.stringify(answer.errors)}`);
  }
}

/** A scenario's bare pipelines, one after another, on the embedded store. */
function bareRun(pipelines: readonly Pipeline[]): () => Promise<void> {
  return async () => {
    for (const pipeline of pipelines) await store.aggregate(pipeline);
  };
}

const header = ['scenario', 'GraphQL med', 'GraphQL p95', 'bare med', 'mingo med', 'floor med', 'GraphQL/bare', 'per round', 'GraphQL added', '(bare+added)/bare', 'bare/floor', 'mingo/compiled'];
const selected = scenarios.filter((scenario) => !values.only || scenario.name.includes(values.only));
const measured = new Map<string, { gql: number; p95: number; bare: number; floor: number; perRound: number; overhead: number; mingo?: number }>();

// The default engine first, so its peak RSS is not inflated by mingo's copies.
for (const scenario of selected) {
  const pipelines = scenario.pipelines(context);
  const built = typeof scenario.query === 'function' ? scenario.query(context) : scenario.query;
  const queries = Array.isArray(built) ? built : [built];
  const overheads: number[] = [];
  const sendTimed = async () => {
    storeMs = 0;
    const start = performance.now();
    await graphql(scenario, queries);
    overheads.push(performance.now() - start - storeMs);
  };
  const [gqlSamples, bareSamples, floorSamples] = await timeInterleaved(
    [sendTimed, bareRun(pipelines), () => scenario.floor(context)],
    runs,
  );
  const gql = summarize(gqlSamples);
  const bare = summarize(bareSamples);
  const floor = summarize(floorSamples);
  // The first entry is the warm-up request.
  const overhead = summarize(overheads.slice(1)).median;
  measured.set(scenario.name, { gql: gql.median, p95: gql.p95, bare: bare.median, floor: floor.median, perRound: medianRatio(gqlSamples, bareSamples), overhead });
  console.log(`  done: ${scenario.name}`);
}
const compiledPeakRss = peakRss();

// The same pipelines on mingo alone, the reference engine (fewer runs: it is slow).
if (!values['no-mingo']) {
  for (const scenario of selected) {
    const pipelines = scenario.pipelines(context);
    const onMingo = summarize(await time(async () => { for (const p of pipelines) await mingoStore.aggregate(p); }, Math.min(runs, 3)));
    measured.get(scenario.name)!.mingo = onMingo.median;
    console.log(`  done on mingo: ${scenario.name}`);
  }
}

const rows: string[][] = selected.map((scenario) => {
  const m = measured.get(scenario.name)!;
  return [
    scenario.name, fmt(m.gql), fmt(m.p95), fmt(m.bare), m.mingo === undefined ? '–' : fmt(m.mingo), fmt(m.floor),
    ratio(m.gql, m.bare), times(m.perRound), fmt(m.overhead), ratio(m.bare + m.overhead, m.bare), ratio(m.bare, m.floor), m.mingo === undefined ? '–' : ratio(m.mingo, m.bare),
  ];
});

const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log(`\ntimes in ms\n${line(header)}\n|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log(
  '\nper round: median over the rounds of (GraphQL run / bare run), the two timed back to back in each round.\n' +
  'GraphQL added: median, over the GraphQL runs, of request time minus the time spent inside the store in that same request\n' +
    '(HTTP handling, auth, validation, compiling the query, shaping, executing and serializing the response, and the client parsing it).',
);
/**
 * Two scenarios' bare pipelines timed in the same rounds (`timeInterleaved`), as the 1.1×
 * target is read: the ratio of two rows' medians compares runs minutes apart, and this machine
 * drifts by more than the targets' margins between them (a floor loop moved 577 → 1024 ms).
 */
async function pairedBare(name: string, baseline: string): Promise<string> {
  const pipelinesOf = (scenarioName: string) => scenarios.find((scenario) => scenario.name === scenarioName)!.pipelines(context);
  const [subject, base] = [pipelinesOf(name), pipelinesOf(baseline)];
  const [a, b] = await timeInterleaved([bareRun(subject), bareRun(base)], runs);
  return `bare ${times(medianRatio(a, b))} per round (${fmt(summarize(a).median)} vs ${fmt(summarize(b).median)} ms, interleaved)`;
}

const batched = measured.get('_entities: 100 assistants, 1 request');
const separate = measured.get('_entities: 100 separate 1-assistant requests');
if (batched && separate) {
  console.log(`\n_entities: 100 assistants in one request ${fmt(batched.gql)} ms vs 100 separate requests ${fmt(separate.gql)} ms: ${ratio(separate.gql, batched.gql)} faster batched`);
}
const plain = measured.get('groupedCalls [SOURCE, STATUS] 90 d without percentiles');
const withPercentiles = measured.get('groupedCalls [SOURCE, STATUS] 90 d + p50/p90/p95/p99');
if (plain && withPercentiles) {
  const paired = await pairedBare('groupedCalls [SOURCE, STATUS] 90 d + p50/p90/p95/p99', 'groupedCalls [SOURCE, STATUS] 90 d without percentiles');
  console.log(`\ngroupedCalls percentiles: ${paired} the same query without them (target ≤ 1.5×); from the rows above: GraphQL ${ratio(withPercentiles.gql, plain.gql)}, bare ${ratio(withPercentiles.bare, plain.bare)}`);
}
const firstPage = measured.get('callsConnection page 1 by talk time, 30 d');
const page50 = measured.get('callsConnection page 50 by talk time, 30 d');
if (firstPage && page50) {
  const paired = await pairedBare('callsConnection page 50 by talk time, 30 d', 'callsConnection page 1 by talk time, 30 d');
  console.log(`callsConnection page 50 vs page 1: ${paired} (target ≤ 1.2×); from the rows above: GraphQL ${ratio(page50.gql, firstPage.gql)}, bare ${ratio(page50.bare, firstPage.bare)}`);
}
console.log(`\npeak RSS with the compiled executor ${mb(compiledPeakRss)} (resident after load ${mb(residentRss)}); with the mingo runs ${mb(peakRss())}`);
console.log(`engine runs of the default store: ${JSON.stringify(store.engineRuns)}`);
