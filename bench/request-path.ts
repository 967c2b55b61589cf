/**
 * `npm run bench:request` — what one GraphQL request costs outside the store, with the CPU caches
 * cold, and how much of it is the framework's. Flags: --calls N (default 20,000), --rounds N
 * (default 14), --batch N (requests per round, default 30), --sweep-mb N (default 256).
 *
 * Every request starts with swept CPU caches, and its store call sweeps them again before it
 * answers (as a pipeline streaming hundreds of MB of calls leaves them: caches and address
 * translations alike, hence 256 MB rather than `npm run bench`'s 64), then hands back a copy of the
 * pipeline's first answer: the time spent inside the store is subtracted, so each figure is
 * the request's own path. The operations: `{ __typename }`, `callsByPhoneNumber` and one of
 * `npm run bench`'s 100 separate `_entities` requests. Five contenders answer each, each less
 * than the last:
 *
 * - the gateway (`createGateway` as `npm run bench` builds it), and the same without metrics;
 * - Yoga with only compiled execution, `useApiKeyAuth` and `useCallContext`, and its body limit off
 *   as the gateway has it (Yoga's own limit streams every body: about 1 ms of a cold request);
 * - no Yoga: a fetch-API `Request` read as JSON, a cached parse and validation, `authenticate`,
 *   the call context, graphql-js `execute`, a `Response` parsed by the client;
 * - the same without the `Request` and `Response` objects.
 */
import { parseArgs } from 'node:util';
import { Request as FetchRequest, Response as FetchResponse } from '@whatwg-node/fetch';
import { type DocumentNode, execute, parse, specifiedRules, validate } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { authenticate, keyLookup } from '../src/auth/authenticate.ts';
import { DEFAULT_FUNNEL_STAGES } from '../src/contract/call-document.ts';
import type { GraphQLContext } from '../src/graphql/context.ts';
import { useApiKeyAuth } from '../src/graphql/plugins/use-api-key-auth.ts';
import { useCallContext } from '../src/graphql/plugins/use-call-context.ts';
import { useCompiledExecution } from '../src/graphql/plugins/use-compiled-execution.ts';
import { buildSubgraphSchema } from '../src/graphql/subgraph.ts';
import { DEFAULT_MAX_TIME_MS, createGateway } from '../src/graphql/yoga.ts';
import { demoApiKeys } from '../src/sample/demo-keys.ts';
import { generateSampleCalls } from '../src/sample/generate.ts';
import { decorate } from '../src/store/decorators/decorate.ts';
import { createEmbeddedStore } from '../src/store/embedded/embedded-store.ts';
import { toApiKeyRecords } from '../src/store/load/keys-file.ts';
import { replaying } from './replaying-store.ts';
import { entitiesQuery } from './scenarios/federation.ts';
import { CALLS_BY_PHONE_NUMBER } from './scenarios/phone-numbers.ts';
import { fmt, summarize, sweepCaches } from './stats.ts';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '14' },
    batch: { type: 'string', default: '30' },
    'sweep-mb': { type: 'string', default: '256' },
  },
});
const NOW = new Date('2026-01-15T12:00:00.000Z');
const sweep = new Int32Array((Number(values['sweep-mb']) * 1024 * 1024) / 4);
const keys = demoApiKeys();
const calls = generateSampleCalls({ calls: Number(values.calls), seed: 1, now: NOW });
const embedded = createEmbeddedStore({ calls, apiKeys: toApiKeyRecords(keys, NOW) });
const tenantKey = keys.find((key) => !key.user_id && key.role !== 'super_admin')!;
const assistantId = calls.find((call) => call.tenant_id === tenantKey.tenant_id && call.assistant_id)!.assistant_id!;

/** The store's answers replayed, each after a sweep; the time inside it is counted apart. */
let storeMs = 0;
const replayed = replaying(embedded);
const store = decorate(replayed, async (pipeline, options) => {
  const start = performance.now();
  sweepCaches(sweep);
  try {
    return await replayed.aggregate(pipeline, options);
  } finally {
    storeMs += performance.now() - start;
  }
});

const schema = buildSubgraphSchema();
const config = { funnelStages: DEFAULT_FUNNEL_STAGES, maxTimeMS: DEFAULT_MAX_TIME_MS };
const now = () => NOW;
const quiet = { error: console.error, warn: () => {}, info: () => {} };
const gateway = createGateway({ store, now, graphiql: false, logger: quiet });
const gatewayWithoutMetrics = createGateway({ store, now, graphiql: false, logger: quiet, metrics: false });
const minimalYoga = createYoga<Record<string, unknown>, GraphQLContext>({
  schema,
  landingPage: false,
  graphiql: false,
  logging: false,
  maxRequestBodySize: false,
  plugins: [useCompiledExecution(), useApiKeyAuth({ keys: store, now }), useCallContext({ store, config, now })],
});

/** Parsed and validated once per document, as Yoga's cache does. */
const documents = new Map<string, DocumentNode>();
function documentOf(query: string): DocumentNode {
  let document = documents.get(query);
  if (!document) {
    document = parse(query);
    const errors = validate(schema, document, specifiedRules);
    if (errors.length) throw errors[0];
    documents.set(query, document);
  }
  return document;
}
const findKey = keyLookup(store);
const callContext = useCallContext({ store, config, now });
/** One operation without any HTTP framework: the floor under every framework's request. */
async function executeDirectly(params: { query: string; variables?: Record<string, unknown> }, authorization: string | null): Promise<string> {
  const contextValue = { principal: await authenticate(authorization, findKey, NOW) } as Record<string, unknown>;
  callContext.onContextBuilding!({ context: contextValue, extendContext: (more: object) => Object.assign(contextValue, more) } as never);
  const result = await execute({ schema, document: documentOf(params.query), contextValue, variableValues: params.variables });
  return JSON.stringify(result);
}

const bodyOf = (query: string) => JSON.stringify({ query, variables: {} });
const headers = (body: string) => ({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), authorization: `Bearer ${tenantKey.key}` });
type Send = (query: string) => Promise<unknown>;
const throughYoga = (yoga: typeof gateway): Send => async (query) => {
  const body = bodyOf(query);
  const response = await yoga.fetch('http://bench/graphql', { method: 'POST', headers: headers(body), body });
  return check(await response.json());
};
const contenders: Record<string, Send> = {
  gateway: throughYoga(gateway),
  'gateway without metrics': throughYoga(gatewayWithoutMetrics),
  'Yoga: compiled execution, auth, context': throughYoga(minimalYoga),
  'no Yoga: Request and Response': async (query) => {
    const body = bodyOf(query);
    const request = new FetchRequest('http://bench/graphql', { method: 'POST', headers: headers(body), body });
    const text = await executeDirectly((await request.json()) as { query: string }, request.headers.get('authorization'));
    return check(await new FetchResponse(text, { headers: { 'content-type': 'application/graphql-response+json; charset=utf-8' } }).json());
  },
  'no HTTP objects': async (query) => check(JSON.parse(await executeDirectly(JSON.parse(bodyOf(query)), `Bearer ${tenantKey.key}`))),
};
function check(answer: unknown): unknown {
  if ((answer as { errors?: unknown }).errors) throw new Error(`the bench operation failed: ${JSON.stringify(answer)}`);
  return answer;
}

const operations = {
  '{ __typename }': '{ __typename }',
  callsByPhoneNumber: CALLS_BY_PHONE_NUMBER,
  // One request of `npm run bench`'s 100 separate `_entities` requests.
  '_entities, 1 assistant': entitiesQuery([assistantId]),
};
const rounds = Number(values.rounds);
const batch = Number(values.batch);
console.log(`dialgraph bench:request — ${Number(values.calls).toLocaleString('en')} calls, ${rounds} rounds of ${batch} requests, ${values['sweep-mb']} MB swept before each request and inside its store call\n`);
console.log('| operation | contender | ms per request outside the store (median of rounds) | p95 of rounds |');
console.log('|---|---|---:|---:|');
for (const [label, query] of Object.entries(operations)) {
  for (const send of Object.values(contenders)) for (let i = 0; i < 60; i += 1) await send(query);
  const perRound = new Map<string, number[]>(Object.keys(contenders).map((name) => [name, []]));
  // Contenders take turns within each round, so each round's machine state is shared.
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, send] of Object.entries(contenders)) {
      let outside = 0;
      for (let i = 0; i < batch; i += 1) {
        sweepCaches(sweep);
        storeMs = 0;
        const start = performance.now();
        await send(query);
        outside += performance.now() - start - storeMs;
      }
      perRound.get(name)!.push(outside / batch);
    }
  }
  for (const [name, samples] of perRound) {
    const { median, p95 } = summarize(samples);
    console.log(`| ${label} | ${name} | ${fmt(median)} | ${fmt(p95)} |`);
  }
}
