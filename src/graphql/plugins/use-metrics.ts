import { type DocumentNode, getOperationAST, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { createBoundedLabel } from '../../observability/bounded-label.ts';
import { errorCodesOf } from '../../observability/error-codes.ts';
import { graphqlErrors, graphqlHttpDuration, graphqlOperationDuration, graphqlOperations, metricsRegistry, type OperationLabels } from '../../observability/metrics.ts';
import { familyOfRootField } from '../pipeline-fields.ts';

export interface MetricsOptions {
  /** Path that serves the Prometheus text on the API port; `false` when `--metrics-port` serves it apart. @default '/metrics' */
  endpoint?: string | false;
  /** Distinct operation names kept as label values; later names count as `_other`. @default 100 */
  maxOperationNames?: number;
}

const MAX_NAMES_PER_DOCUMENT = 16;

/**
 * Prometheus metrics over `prom-client`: operations and their execution time by operation name
 * and field family, HTTP time by method and status, and errors by `extensions.code`; the
 * store's pipeline metrics and the process metrics live in the same registry
 * (observability/metrics.ts). Label values are bounded: the operation name (client text) keeps
 * its first N distinct values, the family comes from the schema's closed set, and no tenant,
 * key or argument value becomes a label.
 *
 * Written here rather than taken from `@graphql-yoga/plugin-prometheus`: for the three metrics
 * we keep, that plugin ran five hooks per request, each filtering label objects and walking the
 * document again: 0.25–0.47 ms of a cold request's 1.8–2.0 ms, against about 0.1 ms for this one
 * (`npm run bench:request`, docs/decisions.md). The metric names, labels and buckets are the ones
 * it produced.
 */
export function useMetrics(options: MetricsOptions = {}): Plugin {
  const operationLabel = createBoundedLabel(options.maxOperationNames ?? 100);
  const endpoint = options.endpoint ?? '/metrics';
  // When each request arrived; `parsed` once its document parsed (only those count as GraphQL
  // requests in the HTTP histogram, as they did with the Yoga plugin).
  const arrivals = new WeakMap<Request, { start: number; parsed: boolean }>();
  const labelsByDocument = new WeakMap<DocumentNode, Map<string, OperationLabels>>();
  const labelsOf = (document: DocumentNode, operationName: string | undefined | null): OperationLabels => {
    let byName = labelsByDocument.get(document);
    if (!byName) labelsByDocument.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let labels = byName.get(key);
    if (!labels) {
      // The same reading as the Yoga plugin: the name the client sent, else the first
      // definition's name; the type is the first definition's.
      const first = document.definitions[0];
      const firstOperation = first?.kind === Kind.OPERATION_DEFINITION ? first : undefined;
      labels = {
        operationName: operationLabel(operationName || firstOperation?.name?.value || 'Anonymous'),
        operationType: firstOperation?.operation ?? 'unknown',
        family: familiesOf(document, operationName),
      };
      // A client picks the operation name: past a few per document the labels are not kept,
      // so names sent at random cannot grow this cache.
      if (byName.size < MAX_NAMES_PER_DOCUMENT) byName.set(key, labels);
    }
    return labels;
  };
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (endpoint !== false && url.pathname === endpoint) {
        return metricsRegistry.metrics().then((text) => endResponse(new fetchAPI.Response(text, { headers: { 'Content-Type': metricsRegistry.contentType } })));
      }
      arrivals.set(request, { start: performance.now(), parsed: false });
      return undefined;
    },
    onParse({ context }) {
      const arrival = arrivals.get((context as { request: Request }).request);
      return arrival
        ? ({ result }) => {
            if (result && !(result instanceof Error)) arrival.parsed = true;
          }
        : undefined;
    },
    onExecute({ args }) {
      const start = performance.now();
      const labels = labelsOf(args.document, args.operationName);
      return {
        onExecuteDone() {
          graphqlOperations.inc(labels);
          graphqlOperationDuration.observe(labels, (performance.now() - start) / 1000);
        },
      };
    },
    onResultProcess({ result }) {
      for (const one of Array.isArray(result) ? result : [result]) {
        if (typeof one !== 'object' || one === null || !('errors' in one)) continue;
        for (const code of errorCodesOf((one as { errors?: never }).errors)) graphqlErrors.inc({ code });
      }
    },
    onResponse({ request, response }) {
      const arrival = arrivals.get(request);
      if (arrival?.parsed) graphqlHttpDuration.observe({ method: request.method, statusCode: String(response.status) }, (performance.now() - arrival.start) / 1000);
    },
  };
}

/** The field families an operation's root fields stand for, e.g. `groupedCalls+callStats`. */
function familiesOf(document: DocumentNode, operationName: string | undefined | null): string {
  const operation = getOperationAST(document, operationName);
  const names = new Set<string>();
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind === Kind.FIELD && selection.name.value !== '__typename') names.add(familyOfRootField(selection.name.value));
    else if (selection.kind !== Kind.FIELD) names.add('other');
  }
  return names.size ? [...names].sort().join('+') : 'none';
}
