import { createCounter, createHistogram, type FillLabelsFnParams, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { type DocumentNode, getOperationAST, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { createBoundedLabel } from '../../observability/bounded-label.ts';
import { errorCodesOf } from '../../observability/error-codes.ts';
import { graphqlErrors, metricsRegistry } from '../../observability/metrics.ts';
import { familyOfRootField } from '../pipeline-fields.ts';

export interface MetricsOptions {
  /** Path that serves the Prometheus text on the API port; `false` when `--metrics-port` serves it apart. @default '/metrics' */
  endpoint?: string | false;
  /** Distinct operation names kept as label values; later names count as `_other`. @default 100 */
  maxOperationNames?: number;
}

const REQUEST_LABELS = ['operationName', 'operationType', 'family'] as const;

/**
 * Prometheus metrics (`@graphql-yoga/plugin-prometheus` over `prom-client`): operations and
 * their latency by operation name and field family, HTTP time by method and status, and
 * errors by `extensions.code`; the store's pipeline metrics and the process metrics live in
 * the same registry (observability/metrics.ts). Label values are bounded: the operation name
 * (client text) keeps its first N distinct values, the family comes from the schema's closed
 * set, and no tenant, key or argument value becomes a label.
 */
export function useMetrics(options: MetricsOptions = {}): Plugin {
  const operationLabel = createBoundedLabel(options.maxOperationNames ?? 100);
  const registry = metricsRegistry;
  const labels = (params: FillLabelsFnParams) => ({
    operationName: operationLabel(params.operationName),
    operationType: params.operationType ?? 'unknown',
    family: familiesOf(params.document, params.operationName),
  });
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        usePrometheus({
          registry,
          endpoint: options.endpoint ?? '/metrics',
          metrics: {
            graphql_envelop_request: createCounter({
              registry,
              counter: { name: 'graphql_envelop_request', help: 'GraphQL operations executed, by operation name and field family.', labelNames: REQUEST_LABELS },
              fillLabelsFn: labels,
            }),
            graphql_envelop_request_duration: createHistogram({
              registry,
              histogram: {
                name: 'graphql_envelop_request_duration',
                help: 'Time to execute a GraphQL operation (seconds), by operation name and field family.',
                labelNames: REQUEST_LABELS,
                buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
              },
              fillLabelsFn: labels,
            }),
            graphql_yoga_http_duration: createHistogram({
              registry,
              histogram: { name: 'graphql_yoga_http_duration', help: 'Time of a GraphQL HTTP request (seconds), by method and status.', labelNames: ['method', 'statusCode'] as const },
              fillLabelsFn: (params) => {
                const { request, response } = params as FillLabelsFnParams & { request: Request; response: Response };
                return { method: request.method, statusCode: response.status };
              },
            }),
            // Off: each would add per-operation series without telling more than the above,
            // and the error counter below counts the codes clients actually saw (after masking).
            graphql_envelop_request_time_summary: false,
            graphql_envelop_phase_parse: false,
            graphql_envelop_phase_validate: false,
            graphql_envelop_phase_context: false,
            graphql_envelop_phase_execute: false,
            graphql_envelop_phase_subscribe: false,
            graphql_envelop_error_result: false,
            graphql_envelop_deprecated_field: false,
            graphql_envelop_execute_resolver: false,
            graphql_envelop_schema_change: false,
          },
        }),
      );
    },
    onResultProcess({ result }) {
      for (const one of Array.isArray(result) ? result : [result]) {
        if (typeof one !== 'object' || one === null || !('errors' in one)) continue;
        for (const code of errorCodesOf((one as { errors?: never }).errors)) graphqlErrors.inc({ code });
      }
    },
  };
}

const familyCache = new WeakMap<DocumentNode, Map<string, string>>();

/** The field families an operation's root fields stand for, e.g. `groupedCalls+callStats`. */
function familiesOf(document: DocumentNode | undefined, operationName: string | undefined): string {
  if (!document) return 'none';
  let byName = familyCache.get(document);
  if (!byName) familyCache.set(document, (byName = new Map()));
  const key = operationName ?? '';
  let families = byName.get(key);
  if (families === undefined) {
    const operation = getOperationAST(document, operationName);
    const names = new Set<string>();
    for (const selection of operation?.selectionSet.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.name.value !== '__typename') names.add(familyOfRootField(selection.name.value));
      else if (selection.kind !== Kind.FIELD) names.add('other');
    }
    families = names.size ? [...names].sort().join('+') : 'none';
    byName.set(key, families);
  }
  return families;
}
