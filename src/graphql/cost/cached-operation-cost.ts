import type { DocumentNode, GraphQLSchema } from 'graphql';
import { operationCost } from './operation-cost.ts';

/** How long one estimate is reused: an open range is measured to "now", so estimates age. */
const ESTIMATE_TTL_MS = 60_000;
/** Estimates kept per document (one per distinct operation name and variables). */
const ESTIMATES_PER_DOCUMENT = 64;

/**
 * `operationCost`, remembered per parsed document (Yoga's parser cache hands the same
 * `DocumentNode` to every request with the same text) and per operation name and variables.
 * A dashboard re-sends the same few operations with the same variables; walking the document
 * again for each of them was a few percent of what GraphQL adds to a request. An entry lives
 * `ESTIMATE_TTL_MS` because a range without an end is measured to the current time.
 */
export function createCachedOperationCost(options: { now?: () => number; measure?: typeof operationCost } = {}) {
  const { now = () => performance.now(), measure = operationCost } = options;
  const byDocument = new WeakMap<DocumentNode, Map<string, { estimated: number | undefined; at: number }>>();
  return (request: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; variables?: Record<string, unknown> | null }) => {
    let estimates = byDocument.get(request.document);
    if (!estimates) byDocument.set(request.document, (estimates = new Map()));
    const key = estimateKey(request.operationName, request.variables);
    // Variables too deep to write as text (JSON.stringify overflows) are measured uncached;
    // execution then refuses them with an error naming the argument.
    if (key === undefined) return measure(request);
    const at = now();
    const known = estimates.get(key);
    if (known && at - known.at < ESTIMATE_TTL_MS) return known.estimated;
    const estimated = measure(request);
    estimates.delete(key);
    if (estimates.size >= ESTIMATES_PER_DOCUMENT) estimates.delete(estimates.keys().next().value!);
    estimates.set(key, { estimated, at });
    return estimated;
  };
}

function estimateKey(operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): string | undefined {
  try {
    return `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
  } catch {
    return undefined;
  }
}
