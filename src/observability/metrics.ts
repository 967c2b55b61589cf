import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's one Prometheus registry. `/metrics` serves it; `useMetrics` records the GraphQL
 * request metrics below. Plugins that refuse work (rate limits, cost) import
 * `countRefusal` from this module rather than owning a registry of their own.
 *
 * No label here carries a tenant id, a key or an argument value: every label's values come
 * from a closed set (engines, families, error codes, refusal reasons) or are bounded.
 */
export const metricsRegistry = new Registry();
// The standard names (process_*, nodejs_*) that ready-made dashboards expect.
collectDefaultMetrics({ register: metricsRegistry });

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Labels of the two operation metrics: the operation's (bounded) name, its type and its field families. */
export const OPERATION_LABELS = ['operationName', 'operationType', 'family'] as const;

/** Values of {@link OPERATION_LABELS}. */
export type OperationLabels = Record<(typeof OPERATION_LABELS)[number], string>;

/** GraphQL operations executed (the names Yoga's prometheus plugin used, kept for dashboards). */
export const graphqlOperations = new Counter({
  name: 'graphql_envelop_request',
  help: 'GraphQL operations executed, by operation name and field family.',
  labelNames: OPERATION_LABELS,
  registers: [metricsRegistry],
});

/** Time to execute one GraphQL operation. */
export const graphqlOperationDuration = new Histogram({
  name: 'graphql_envelop_request_duration',
  help: 'Time to execute a GraphQL operation (seconds), by operation name and field family.',
  labelNames: OPERATION_LABELS,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

/** Time of one GraphQL HTTP request, from its arrival to its response. */
export const graphqlHttpDuration = new Histogram({
  name: 'graphql_yoga_http_duration',
  help: 'Time of a GraphQL HTTP request (seconds), by method and status.',
  labelNames: ['method', 'statusCode'] as const,
  registers: [metricsRegistry],
});

/** Time of one store aggregation, by engine, field family and outcome. */
export const pipelineDuration = new Histogram({
  name: 'dialgraph_pipeline_duration_seconds',
  help: 'Time of one store aggregation (pipeline) by engine, field family and outcome (ok or error).',
  labelNames: ['engine', 'family', 'outcome'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

/** Rows one aggregation returned, by engine and family. */
export const pipelineRows = new Counter({
  name: 'dialgraph_pipeline_rows_total',
  help: 'Rows returned by store aggregations, by engine and field family.',
  labelNames: ['engine', 'family'] as const,
  registers: [metricsRegistry],
});

/** Aggregations running now. */
export const pipelinesInFlight = new Gauge({
  name: 'dialgraph_pipelines_in_flight',
  help: 'Store aggregations (pipelines) running now, by engine.',
  labelNames: ['engine'] as const,
  registers: [metricsRegistry],
});

/** 1 while the store's circuit is closed, 0 while it is open or probing (the breaker's view, shared with /ready). */
export const storeUp = new Gauge({
  name: 'dialgraph_store_up',
  help: 'Whether the store circuit breaker holds the store for up (1) or down (0: calls fail at once).',
  labelNames: ['engine'] as const,
  registers: [metricsRegistry],
});

/** Errors in responses, by the `extensions.code` the client saw. */
export const graphqlErrors = new Counter({
  name: 'dialgraph_graphql_errors_total',
  help: 'Errors in GraphQL responses by extensions.code (after masking: what clients saw).',
  labelNames: ['code'] as const,
  registers: [metricsRegistry],
});

/** Response cache lookups. */
export const responseCacheLookups = new Counter({
  name: 'dialgraph_response_cache_lookups_total',
  help: 'Response cache lookups by result (hit or miss).',
  labelNames: ['result'] as const,
  registers: [metricsRegistry],
});

/**
 * Why a request was refused before or instead of running its pipelines; `timeout` is a request
 * whose pipelines ran past their time budget (`QUERY_TIMEOUT`), counted once per response.
 */
export type RefusalReason = 'rate_limit' | 'cost' | 'operation_limit' | 'concurrency' | 'trusted_documents' | 'timeout' | 'body_size';

const refusals = new Counter({
  name: 'dialgraph_refusals_total',
  help: 'Requests refused by a limit, by reason (rate_limit, cost, operation_limit, concurrency, trusted_documents, timeout, body_size).',
  labelNames: ['reason'] as const,
  registers: [metricsRegistry],
});

/** Counts one refused request; the limit plugins call this where they refuse. */
export function countRefusal(reason: RefusalReason): void {
  refusals.inc({ reason });
}
