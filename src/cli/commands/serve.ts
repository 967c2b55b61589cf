import { DEFAULT_FUNNEL_STAGES } from '../../contract/call-document.ts';
import { createGateway } from '../../graphql/yoga.ts';
import { DEFAULT_DRAIN_MS, HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, listen } from '../../server.ts';
import { DEFAULT_BREAKER_FAILURES, DEFAULT_BREAKER_PROBE_MS } from '../../store/decorators/with-circuit-breaker.ts';
import { UsageError, readBooleanFlag, readPositiveInt, type Command, type OptionValues } from '../command.ts';
import { openStore } from '../open-store.ts';
import { useDashboard } from '../../dashboard/use-dashboard.ts';
import { listenMetrics } from '../../metrics-server.ts';
import { readTrustedDocuments } from '../../graphql/plugins/use-trusted-documents.ts';
import { consoleLogger, createLogger, LOG_LEVELS, type LogLevel } from '../../observability/logger.ts';
import { metricsRegistry } from '../../observability/metrics.ts';
import { startTracing } from '../../observability/start-tracing.ts';
import { isLoopback, serveTabs } from '../../graphql/graphiql/serve-tabs.ts';
import { assertPortFree, portError } from '../port-check.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the GraphQL gateway (GraphiQL at /graphql): embedded engine with sample data by default, or MongoDB.',
  options: {
    data: { type: 'string', env: 'DIALGRAPH_DATA', placeholder: 'calls.ndjson', description: 'Serve this NDJSON (Extended JSON) call file on the embedded engine instead of sample data.' },
    vocabulary: { type: 'string', env: 'DIALGRAPH_VOCABULARY', placeholder: 'vocabulary.ndjson', description: 'Account vocabularies (tags, outcomes, projects; NDJSON) for the embedded engine (default: the sample accounts\' with sample data, none with --data).' },
    keys: { type: 'string', env: 'DIALGRAPH_KEYS', placeholder: 'keys.json', description: 'API keys file for the embedded engine (default: the demo keys).' },
    port: { type: 'string', env: 'PORT', default: '4000', placeholder: 'n', description: 'HTTP port (0 picks a free one).' },
    host: { type: 'string', env: 'HOST', default: '127.0.0.1', placeholder: 'addr', description: 'Interface to listen on.' },
    'mongodb-uri': { type: 'string', env: 'MONGODB_URI', placeholder: 'uri', description: 'Use MongoDB instead of the embedded engine.' },
    db: { type: 'string', env: 'DIALGRAPH_DB', default: 'dialgraph', placeholder: 'name', description: 'MongoDB database (collections calls and api_keys).' },
    'read-preference': { type: 'string', env: 'DIALGRAPH_READ_PREFERENCE', placeholder: 'mode', description: 'MongoDB read preference, e.g. secondaryPreferred to keep analytics off the primary.' },
    'max-time-ms': { type: 'string', env: 'DIALGRAPH_MAX_TIME_MS', default: '15000', placeholder: 'ms', description: 'Time budget of one pipeline in ms, on both engines (over it: QUERY_TIMEOUT).' },
    'max-depth': { type: 'string', env: 'DIALGRAPH_MAX_DEPTH', default: '12', placeholder: 'n', description: 'Deepest field nesting of an operation (introspection exempt); over it: OPERATION_LIMIT.' },
    'max-aliases': { type: 'string', env: 'DIALGRAPH_MAX_ALIASES', default: '30', placeholder: 'n', description: 'Most aliased fields in an operation.' },
    'max-tokens': { type: 'string', env: 'DIALGRAPH_MAX_TOKENS', default: '5000', placeholder: 'n', description: 'Most lexical tokens in a document.' },
    'max-directives': { type: 'string', env: 'DIALGRAPH_MAX_DIRECTIVES', default: '50', placeholder: 'n', description: 'Most directives in an operation.' },
    'cost-budget': { type: 'string', env: 'DIALGRAPH_COST_BUDGET', default: '10000', placeholder: 'n', description: 'Most estimated cost (@cost/@listSize, by range, page size and buckets) one operation may have.' },
    'rate-limit': { type: 'string', env: 'DIALGRAPH_RATE_LIMIT', default: '20', placeholder: 'n', description: 'Requests per second per API key (token bucket); over it: 429 RATE_LIMITED.' },
    'rate-burst': { type: 'string', env: 'DIALGRAPH_RATE_BURST', default: '40', placeholder: 'n', description: 'Burst size of the per-key token bucket.' },
    'tenant-in-flight': { type: 'string', env: 'DIALGRAPH_TENANT_IN_FLIGHT', default: '4', placeholder: 'n', description: 'Operations one tenant may execute at once.' },
    'tenant-queue': { type: 'string', env: 'DIALGRAPH_TENANT_QUEUE', default: '8', placeholder: 'n', description: 'Operations of one tenant that may wait for a slot; beyond: 429 RATE_LIMITED.' },
    'sample-calls': { type: 'string', env: 'DIALGRAPH_SAMPLE_CALLS', default: '100000', placeholder: 'n', description: 'Sample calls to generate when no --data is given.' },
    seed: { type: 'string', env: 'DIALGRAPH_SEED', default: '1', placeholder: 'n', description: 'Seed of the sample data.' },
    'funnel-stages': { type: 'string', env: 'DIALGRAPH_FUNNEL_STAGES', default: DEFAULT_FUNNEL_STAGES.join(','), placeholder: 'a,b,c', description: 'Conversion funnel stages, lowest first.' },
    'log-level': { type: 'string', env: 'DIALGRAPH_LOG_LEVEL', default: 'info', placeholder: 'level', description: `JSON log level on stdout: ${LOG_LEVELS.join(', ')} (info writes one access line per request).` },
    'response-cache': { type: 'string', env: 'DIALGRAPH_RESPONSE_CACHE', default: 'auto', placeholder: 'auto|on|off', description: 'Per-tenant response cache: auto is on for the embedded engine (fixed data) and off for MongoDB.' },
    'response-cache-ttl': { type: 'string', env: 'DIALGRAPH_RESPONSE_CACHE_TTL', default: '10000', placeholder: 'ms', description: 'How long a cached answer is served (milliseconds).' },
    'trusted-documents': { type: 'string', env: 'DIALGRAPH_TRUSTED_DOCUMENTS', placeholder: 'manifest.json', description: 'Run only the operations of this persisted-documents manifest (id → document), sent by id; npm run codegen writes test/generated/persisted-documents.json.' },
    'server-selection-timeout-ms': { type: 'string', env: 'DIALGRAPH_SERVER_SELECTION_TIMEOUT_MS', placeholder: 'ms', description: 'MongoDB: how long a request looks for a usable server before SERVICE_UNAVAILABLE (default 5000, or the URI\'s serverSelectionTimeoutMS).' },
    'breaker-failures': { type: 'string', env: 'DIALGRAPH_BREAKER_FAILURES', default: String(DEFAULT_BREAKER_FAILURES), placeholder: 'n', description: 'Consecutive "store unavailable" failures that open the store circuit breaker (then requests fail at once with 503).' },
    'breaker-probe-ms': { type: 'string', env: 'DIALGRAPH_BREAKER_PROBE_MS', default: String(DEFAULT_BREAKER_PROBE_MS), placeholder: 'ms', description: 'While the circuit is open, the store is pinged once every this many ms; the first answer closes it.' },
    'cors-origins': { type: 'string', env: 'DIALGRAPH_CORS_ORIGINS', placeholder: 'a,b', description: 'Browser origins allowed to call the API with credentials, e.g. https://app.example.com (default: any origin may read, none gets credentials).' },
    'drain-ms': { type: 'string', env: 'DIALGRAPH_DRAIN_MS', default: String(DEFAULT_DRAIN_MS), placeholder: 'ms', description: 'On SIGTERM/SIGINT, how long in-flight requests may finish before they are cut.' },
    'request-timeout-ms': { type: 'string', env: 'DIALGRAPH_REQUEST_TIMEOUT_MS', default: String(REQUEST_TIMEOUT_MS), placeholder: 'ms', description: 'A request (headers and body) must arrive within this time; a slow-body socket is then answered 408 and closed.' },
    'headers-timeout-ms': { type: 'string', env: 'DIALGRAPH_HEADERS_TIMEOUT_MS', default: String(HEADERS_TIMEOUT_MS), placeholder: 'ms', description: 'The request headers must arrive within this time (at most --request-timeout-ms).' },
    'allow-demo-keys': { type: 'boolean', env: 'DIALGRAPH_ALLOW_DEMO_KEYS', description: 'Serve the public demo keys on a non-loopback --host anyway (refused otherwise).' },
    'metrics-port': { type: 'string', env: 'DIALGRAPH_METRICS_PORT', placeholder: 'n', description: 'Serve /metrics on this port instead of the API port.' },
  },
  async run(values) {
    const port = readPort(values);
    // Validated before the store opens, so a bad budget fails fast on either engine.
    const maxTimeMS = readPositiveInt(values, 'max-time-ms');
    const limit = (flag: string) => readPositiveInt(values, flag) as number;
    const operationLimits = { depth: limit('max-depth'), aliases: limit('max-aliases'), tokens: limit('max-tokens'), directives: limit('max-directives') };
    const costBudget = limit('cost-budget');
    const rateLimit = { perSecond: limit('rate-limit'), burst: limit('rate-burst') };
    const tenantConcurrency = { inFlight: limit('tenant-in-flight'), queue: readNonNegativeInt(values, 'tenant-queue') };
    const metricsPort = values['metrics-port'] === undefined || values['metrics-port'] === '' ? undefined : readPort(values, 'metrics-port');
    const log = createLogger({ level: readLogLevel(values) });
    const cacheMode = readCacheMode(values);
    const cacheTtlMs = readPositiveInt(values, 'response-cache-ttl');
    const trustedPath = values['trusted-documents'] as string | undefined;
    const trustedDocuments = trustedPath ? await readTrustedDocuments(trustedPath).catch((error: Error) => { throw new UsageError(error.message); }) : undefined;
    const drainMs = readPositiveInt(values, 'drain-ms') ?? DEFAULT_DRAIN_MS;
    const requestTimeoutMs = limit('request-timeout-ms');
    const headersTimeoutMs = limit('headers-timeout-ms');
    if (headersTimeoutMs > requestTimeoutMs) throw new UsageError(`--headers-timeout-ms (${headersTimeoutMs}) must not exceed --request-timeout-ms (${requestTimeoutMs})`);
    const corsOrigins = readCorsOrigins(values);
    const breaker = { failures: limit('breaker-failures'), probeMs: limit('breaker-probe-ms') };
    // Without --keys (and MongoDB) the embedded engine serves the public demo keys, super-admin included.
    const servesDemoKeys = !values.keys && !values['mongodb-uri'];
    if (servesDemoKeys && !isLoopback(String(values.host)) && !readBooleanFlag(values, 'allow-demo-keys')) {
      throw new UsageError(
        `refusing to serve the public demo keys (a super-admin key among them) on --host ${String(values.host)}, which is not loopback: ` +
          'give real keys with --keys FILE, listen on 127.0.0.1, or pass --allow-demo-keys if this really is a demo',
      );
    }
    const host = String(values.host);
    // Before any data is generated: a busy port should not cost the 5–20 s of generation first.
    await assertPortFree(port, host);
    if (metricsPort !== undefined) await assertPortFree(metricsPort, host, 'metrics-port');
    const opened = await openStore(values);
    const responseCache = (cacheMode === 'auto' ? opened.store.engine === 'embedded' : cacheMode === 'on') && cacheTtlMs ? { ttlMs: cacheTtlMs } : false;
    // Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
    const tracing = await startTracing();
    const loopback = isLoopback(host);
    const tabs = await serveTabs({
      loopback,
      tenantKey: opened.graphiqlKey,
      adminKey: opened.adminKey,
      sampleNow: opened.sampleNow,
      tenantId: opened.demoKeys.find((key) => key.key === opened.graphiqlKey)?.tenant_id,
    });
    let stopping = false;
    const gateway = createGateway({
      store: opened.store,
      config: { funnelStages: readFunnelStages(values), ...(maxTimeMS ? { maxTimeMS } : {}) },
      graphiql: { apiKey: loopback ? opened.graphiqlKey : undefined, tabs, warm: true },
      plugins: [useDashboard({ demoKey: loopback ? opened.graphiqlKey : undefined, warm: true })],
      logger: consoleLogger(log),
      accessLog: log,
      tracing: tracing !== null,
      metrics: { endpoint: metricsPort === undefined ? '/metrics' : false },
      responseCache,
      trustedDocuments,
      operationLimits,
      costBudget,
      rateLimit,
      tenantConcurrency,
      corsOrigins,
      breaker,
      // /ready turns 503 at SIGTERM while in-flight requests drain.
      draining: () => stopping,
    });
    const { url, close } = await listen({ yoga: gateway, port, host, drainMs, requestTimeoutMs, headersTimeoutMs }).catch((error: unknown) => {
      throw portError(error, port, host);
    });
    const metrics = metricsPort === undefined ? null : await listenMetrics({ registry: metricsRegistry, port: metricsPort, host: String(values.host) });
    console.log(`\ndialgraph is serving ${opened.description}`);
    console.log(`GraphiQL: ${url}`);
    console.log(`Dashboard: ${new URL('/dashboard', url)}`);
    console.log(`Metrics:   ${metrics ? metrics.url : url.replace(/\/graphql$/, '/metrics')}`);
    console.log(`Cache:     ${responseCache ? `per tenant, ${responseCache.ttlMs} ms` : 'off'}`);
    if (trustedDocuments) console.log(`Trusted:   only the ${Object.keys(trustedDocuments).length} operations of ${trustedPath}, by id`);
    if (tracing) console.log('Traces:    OTLP (OTEL_EXPORTER_OTLP_ENDPOINT)');
    console.log('');
    if (opened.demoKeys.length) {
      console.log('Demo API keys (send as "Authorization: Bearer <key>"):');
      for (const key of opened.demoKeys) console.log(`  ${key.role.padEnd(11)} ${key.tenant_id.padEnd(20)} ${key.user_id ? `user ${key.user_id}`.padEnd(14) : ''.padEnd(14)} ${key.key}`);
      console.log('');
    }
    if (loopback && opened.graphiqlKey) {
      const tenant = opened.demoKeys.find((key) => key.key === opened.graphiqlKey)?.tenant_id;
      console.log(`GraphiQL and the dashboard open with the ${tenant} key (${opened.graphiqlKey});`);
      if (opened.adminKey) console.log(`its second tab holds the super-admin examples with ${opened.adminKey}.`);
    } else if (opened.graphiqlKey) {
      console.log(`GraphiQL pre-fills no key: ${host} is not a loopback address. Send a key as "Authorization: Bearer <key>".`);
    }
    console.log('Stop the server with Ctrl+C (or SIGTERM).\n');
    // Stop accepting, let in-flight requests finish (up to --drain-ms), then close the store and exit 0.
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await close();
      await metrics?.close();
      await tracing?.shutdown();
      await opened.store.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
};

function readPort(values: OptionValues, flag = 'port'): number {
  const raw = values[flag];
  const port = Number(raw);
  if (raw === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--${flag} must be a whole number from 0 to 65535 (0 picks a free port), got "${String(raw)}"`);
  return port;
}

function readCacheMode(values: OptionValues): 'auto' | 'on' | 'off' {
  const mode = String(values['response-cache']);
  if (mode !== 'auto' && mode !== 'on' && mode !== 'off') throw new UsageError(`--response-cache must be auto, on or off, got "${mode}"`);
  return mode;
}

/** `--cors-origins a,b`: each an origin (`scheme://host[:port]`), nothing else. */
function readCorsOrigins(values: OptionValues): string[] {
  const raw = values['cors-origins'];
  if (typeof raw !== 'string' || raw.trim() === '') return [];
  const origins = raw.split(',').map((origin) => origin.trim()).filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = null;
    }
    if (!parsed || parsed.origin !== origin) throw new UsageError(`--cors-origins takes origins such as https://app.example.com, got "${origin}"`);
  }
  return origins;
}

function readLogLevel(values: OptionValues): LogLevel {
  const level = String(values['log-level']) as LogLevel;
  if (!LOG_LEVELS.includes(level)) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got "${String(values['log-level'])}"`);
  return level;
}

function readFunnelStages(values: OptionValues): string[] {
  const stages = String(values['funnel-stages']).split(',').map((s) => s.trim()).filter(Boolean);
  if (stages.length === 0) throw new UsageError('--funnel-stages needs at least one stage');
  if (new Set(stages).size !== stages.length) throw new UsageError('--funnel-stages repeats a stage');
  return stages;
}


function readNonNegativeInt(values: OptionValues, flag: string): number {
  const raw = String(values[flag]);
  const n = Number(raw);
  if (raw === '' || !Number.isSafeInteger(n) || n < 0) throw new UsageError(`--${flag} must be 0 or a positive integer, got "${raw}"`);
  return n;
}
