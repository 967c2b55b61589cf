import { type APQStore, createInMemoryAPQStore, useAPQ } from '@graphql-yoga/plugin-apq';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger as PinoLogger } from 'pino';
import { DEFAULT_FUNNEL_STAGES } from '../contract/call-document.ts';
import type { CallStore } from '../store/call-store.ts';
import { withDeadline } from '../store/decorators/with-deadline.ts';
import { type CircuitBreakerOptions, withCircuitBreaker } from '../store/decorators/with-circuit-breaker.ts';
import { storeUp } from '../observability/metrics.ts';
import { useReadiness } from './plugins/use-readiness.ts';
import { useStoreDownFastPath } from './plugins/use-store-down-fast-path.ts';
import { corsOptions, useVaryOrigin } from './cors.ts';
import type { GatewayConfig, GraphQLContext } from './context.ts';
import { restRouteDocuments } from '../rest/route-documents.ts';
import { useRestRoutes } from '../rest/use-rest-routes.ts';
import { createErrorMasker, type Logger } from './errors.ts';
import { useApiKeyAuth } from './plugins/use-api-key-auth.ts';
import { useExplain } from './plugins/use-explain.ts';
import { useCallContext } from './plugins/use-call-context.ts';
import { metricsObserver } from '../observability/metrics-observer.ts';
import { traceStoreCall } from '../observability/tracing-observer.ts';
import { withInstrumentation } from '../store/decorators/with-instrumentation.ts';
import { useAccessLog } from './plugins/use-access-log.ts';
import { type MetricsOptions, useMetrics } from './plugins/use-metrics.ts';
import { usePipelineFields } from './plugins/use-pipeline-fields.ts';
import type { GraphiQLTab } from './graphiql/example-tabs.ts';
import { useGraphiQLPage } from './plugins/use-graphiql-page.ts';
import { useBoundedErrorMessages } from './plugins/use-bounded-error-messages.ts';
import { useNestingGuard } from './plugins/use-nesting-guard.ts';
import { useRequestBodyLimit } from './plugins/use-request-body-limit.ts';
import { useRequestErrorStatus } from './plugins/use-request-error-status.ts';
import { useVariableErrorCodes } from './plugins/use-variable-error-codes.ts';
import { useTimeoutStatus } from './plugins/use-timeout-status.ts';
import { DEFAULT_COST_BUDGET, useCostLimit } from './plugins/use-cost-limit.ts';
import { useRateLimit, type RateLimitOptions } from './plugins/use-rate-limit.ts';
import { useTenantConcurrency, type TenantConcurrencyOptions } from './plugins/use-tenant-concurrency.ts';
import { DEFAULT_OPERATION_LIMITS, useOperationLimits, type OperationLimits } from './plugins/use-operation-limits.ts';
import { useRequestId } from './plugins/use-request-id.ts';
import { useTenantResponseCache } from './plugins/use-tenant-response-cache.ts';
import { type TrustedDocuments, useTrustedDocuments } from './plugins/use-trusted-documents.ts';
import { useTracing } from './plugins/use-tracing.ts';
import { type CompiledExecutionOptions, useCompiledExecution } from './plugins/use-compiled-execution.ts';
import { buildSubgraphSchema } from './subgraph.ts';

export interface GatewayOptions {
  store: CallStore;
  /** @default { funnelStages: DEFAULT_FUNNEL_STAGES, maxTimeMS: DEFAULT_MAX_TIME_MS } */
  config?: Partial<GatewayConfig>;
  /** The clock; tests pin it. @default () => new Date() */
  now?: () => Date;
  /** @default console */
  logger?: Logger;
  /**
   * GraphiQL settings; `false` turns the page off. `tabs` are the opening tabs (each with its
   * own headers); `apiKey` fills the headers of a new tab. @default {}
   */
  graphiql?: { apiKey?: string; defaultQuery?: string; tabs?: GraphiQLTab[]; warm?: boolean } | false;
  /**
   * More Yoga/envelop plugins (limits, rate limits, cache, metrics, logs), run after the
   * built-in ones: by their `onContextBuilding` the context already holds the principal and
   * the rest of `GraphQLContext`. @default []
   */
  plugins?: readonly Plugin<GraphQLContext>[];
  /**
   * Documents sent again run compiled (graphql-jit); `false`: always graphql-js. Answers are the
   * same either way (see `useCompiledExecution`). @default { interpretedRuns: 1 }
   */
  compiledExecution?: CompiledExecutionOptions | false;
  /** Shape limits of one operation (depth, aliases, tokens, directives). @default DEFAULT_OPERATION_LIMITS */
  operationLimits?: Partial<OperationLimits>;
  /** Prometheus metrics; `false` turns them off. @default { endpoint: '/metrics' } */
  metrics?: MetricsOptions | false;
  /** Writes one JSON access line per request here (`serve` passes its pino logger). @default none */
  accessLog?: PinoLogger;
  /** Request, operation, field and store spans through the global OpenTelemetry API. @default false */
  tracing?: boolean;
  /** Most estimated cost one operation may have (see `useCostLimit`). @default DEFAULT_COST_BUDGET */
  costBudget?: number;
  /** Token bucket per API key (429 RATE_LIMITED); `serve` turns it on (20/s, burst 40). @default off */
  rateLimit?: RateLimitOptions;
  /** Operations in flight per tenant, then a queue, then 429; `serve` turns it on (4 + 8). @default off */
  tenantConcurrency?: TenantConcurrencyOptions;
  /**
   * Per-principal response cache (`serve` turns it on by default on the embedded engine, whose
   * data is fixed); `false` or absent: off. @default false
   */
  responseCache?: { ttlMs: number; maxEntries?: number } | false;
  /** Run only these operations, sent by id (`--trusted-documents`); absent: any operation. @default none */
  trustedDocuments?: TrustedDocuments;
  /**
   * Browser origins allowed to call the API with credentials (`--cors-origins`). Without a
   * list any origin may read answers (`*`), but no credentials are ever granted to it: the
   * key travels in `Authorization`, which a browser sends only where the page's code puts it.
   * @default []
   */
  corsOrigins?: readonly string[];
  /**
   * The store's circuit breaker (`--breaker-failures`, `--breaker-probe-ms`): while the store is
   * known to be down, calls fail at once with SERVICE_UNAVAILABLE. @default DEFAULT_BREAKER_FAILURES / DEFAULT_BREAKER_PROBE_MS
   */
  breaker?: Omit<CircuitBreakerOptions, 'onStateChange'>;
  /** `GET /ready` is 503 while this says false (the data is still loading). @default () => true */
  loaded?: () => boolean;
  /** `GET /ready` is 503 ("shutting down") once this says true, so balancers stop sending. @default () => false */
  draining?: () => boolean;
}

/**
 * Builds the Yoga instance (no port: `server.ts` listens, tests call `yoga.fetch`). Each
 * GraphQL request authenticates its key (`useApiKeyAuth`), gets a fixed "now" and shares
 * identical pipelines (`useCallContext`), then runs `options.plugins`.
 */
export function createGateway(options: GatewayOptions): YogaServerInstance<Record<string, unknown>, GraphQLContext> {
  const { now = () => new Date(), logger = console, tracing = false } = options;
  const config: GatewayConfig = { funnelStages: DEFAULT_FUNNEL_STAGES, maxTimeMS: DEFAULT_MAX_TIME_MS, ...options.config };
  const metrics = options.metrics !== false;
  // Every pipeline carries the time budget, on both engines, and reports its time, rows and
  // outcome by engine and family (and a span).
  let storeWasUp = true;
  // Innermost, so every other layer (and readiness) sees the same fast failures while it is open.
  const guarded = withCircuitBreaker(options.store, {
    ...options.breaker,
    onStateChange: (state, reason) => {
      if (metrics) storeUp.set({ engine: options.store.engine }, state === 'up' ? 1 : 0);
      // Once per outage: a failed probe reopens the circuit every --breaker-probe-ms.
      if (state === 'down' && storeWasUp) logger.warn(`[dialgraph] store circuit open: requests fail at once (503) until a probe succeeds (${reason ?? 'store unavailable'})`);
      if (state === 'up') logger.info('[dialgraph] store circuit closed: the store answers again');
      if (state !== 'probing') storeWasUp = state === 'up';
    },
  });
  if (metrics) storeUp.set({ engine: options.store.engine }, 1);
  const store = withInstrumentation(withDeadline(guarded, { maxTimeMS: config.maxTimeMS }), {
    start: metrics ? metricsObserver.start : undefined,
    observe: (call) => {
      if (metrics) metricsObserver.observe(call);
      if (tracing) traceStoreCall(call);
    },
  });
  const graphiql = options.graphiql ?? {};

  const yoga: YogaServerInstance<Record<string, unknown>, GraphQLContext> = createYoga<Record<string, unknown>, GraphQLContext>({
    // The subgraph schema: every field plus `_service`/`_entities`, so a gateway can federate it.
    schema: buildSubgraphSchema(),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // Our body limit replaces Yoga's (same cap and errors, without a stream per request).
    maxRequestBodySize: false,
    plugins: [
      useVaryOrigin(options.corsOrigins),
      // GET /ready (no key); GET /health is Yoga's own (200 while the process serves).
      useReadiness({ health: guarded.health, engine: options.store.engine, loaded: options.loaded, draining: options.draining }),
      // The GraphiQL page (rendered once, compressed, ETag) instead of Yoga's.
      ...(graphiql === false ? [] : [useGraphiQLPage({ endpoint: '/graphql', render: () => renderPage(graphiql), warm: graphiql.warm })]),
      // Before the REST routes, so a route's inner GraphQL request carries the same request id.
      useRequestId({ logger }),
      // The seed REST routes (src/rest/): this early, so a route request ends here and its GraphQL
      // operation comes back through this same instance, where every plugin below applies.
      useRestRoutes({ gateway: () => yoga, logger }),
      ...(options.accessLog ? [useAccessLog({ log: options.accessLog })] : []),
      // Before every plugin that wraps execution (tracing's context, the response cache), so they wrap it.
      ...(options.compiledExecution === false ? [] : [useCompiledExecution(options.compiledExecution)]),
      ...(tracing ? [useTracing()] : []),
      ...(options.metrics === false ? [] : [useMetrics(options.metrics)]),
      usePipelineFields(),
      useStoreDownFastPath(guarded.health),
      useRequestBodyLimit(),
      useOperationLimits({ ...DEFAULT_OPERATION_LIMITS, ...options.operationLimits }),
      // After the limits: it wraps the parser they install.
      useNestingGuard(),
      useRequestErrorStatus(),
      useVariableErrorCodes(),
      useBoundedErrorMessages(),
      useTimeoutStatus(),
      // Locked to trusted documents, or open to any operation with automatic persisted queries.
      // Either way the REST routes' own documents are known by id: the routes send only the id.
      options.trustedDocuments
        ? useTrustedDocuments({ documents: { ...options.trustedDocuments, ...restRouteDocuments() } })
        : useAPQ({ store: apqStoreKnowing(restRouteDocuments()) }),
      ...(options.responseCache ? [useTenantResponseCache({ keys: store, now, ...options.responseCache })] : []),
      useApiKeyAuth({ keys: store, now }),
      useCallContext({ store, config, now }),
      ...(options.rateLimit ? [useRateLimit(options.rateLimit)] : []),
      useCostLimit({ budget: options.costBudget ?? DEFAULT_COST_BUDGET }),
      useExplain({ store }),
      ...(options.tenantConcurrency ? [useTenantConcurrency(options.tenantConcurrency)] : []),
      ...(options.plugins ?? []),
    ],
    logging: false,
    cors: corsOptions(options.corsOrigins),
    maskedErrors: { maskError: createErrorMasker(logger) },
    graphiql: false,
  });
  return yoga;
}

/** The time budget of one pipeline when none is configured (DESIGN section 8). */
export const DEFAULT_MAX_TIME_MS = 15_000;

function renderPage(graphiql: { apiKey?: string; defaultQuery?: string; tabs?: GraphiQLTab[] }): string {
  const headers = JSON.stringify(graphiql.apiKey ? { Authorization: `Bearer ${graphiql.apiKey}` } : {}, null, 2);
  const [first] = graphiql.tabs ?? [];
  const options: Parameters<typeof renderGraphiQL>[0] & { variables?: string } = {
    title: 'dialgraph',
    // Yoga's GraphiQL puts `headers` and `variables` into the opening tab's editors over what
    // `defaultTabs` says, so they must repeat the first tab's.
    headers: first?.headers ?? headers,
    variables: first?.variables,
    defaultHeaders: headers,
    defaultQuery: graphiql.defaultQuery,
    defaultTabs: graphiql.tabs,
    shouldPersistHeaders: false,
  };
  return renderGraphiQL(options);
}

/**
 * The APQ store: the gateway's own documents first (never evicted by clients registering many
 * hashes), then the bounded in-memory store of what clients register.
 */
function apqStoreKnowing(own: Record<string, string>): APQStore {
  const registered = createInMemoryAPQStore();
  const fixed = new Map(Object.entries(own));
  return {
    get: (hash) => fixed.get(hash) ?? registered.get(hash),
    set: (hash, query) => (fixed.has(hash) ? undefined : registered.set(hash, query)),
  };
}
