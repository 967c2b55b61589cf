import type { CallDocument } from '../../src/contract/call-document.ts';
import type { GatewayConfig } from '../../src/graphql/context.ts';
import { createGateway, type GatewayOptions } from '../../src/graphql/yoga.ts';
import type { Pipeline } from '../../src/contract/pipeline.ts';
import type { QueryCollection } from '../../src/contract/collections.ts';
import type { VocabularyEntry } from '../../src/contract/vocabulary-entry.ts';
import type { CallStore } from '../../src/store/call-store.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { testKeys } from './calls.ts';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  body: { data?: T | null; errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[]; extensions?: Record<string, any> };
}

/**
 * A gateway over hand-made calls (and account vocabularies) on the embedded engine, with a
 * pinned clock and a pipeline log (`collections[i]`: the collection `pipelines[i]` ran over).
 */
export function testGateway(options: {
  calls: CallDocument[];
  vocabularies?: VocabularyEntry[];
  now: string;
  config?: Partial<GatewayConfig>;
  store?: CallStore;
  operationLimits?: GatewayOptions['operationLimits'];
  costBudget?: number;
  plugins?: GatewayOptions['plugins'];
}) {
  const inner = options.store ?? createEmbeddedStore({ calls: options.calls, vocabularies: options.vocabularies, apiKeys: testKeys() });
  const pipelines: Pipeline[] = [];
  const collections: QueryCollection[] = [];
  const store: CallStore = {
    engine: inner.engine,
    aggregate: (pipeline, opts) => {
      pipelines.push(pipeline);
      collections.push(opts?.collection ?? 'calls');
      return inner.aggregate(pipeline, opts);
    },
    findApiKeys: (hashes) => inner.findApiKeys(hashes),
    close: () => inner.close(),
  };
  const logged: unknown[][] = [];
  const logger = { error: (...args: unknown[]) => logged.push(args), warn: () => {}, info: () => {} };
  const yoga = createGateway({
    store,
    now: () => new Date(options.now),
    logger,
    config: options.config,
    operationLimits: options.operationLimits,
    costBudget: options.costBudget,
    plugins: options.plugins,
  });

  async function query<T = Record<string, any>>(
    document: string,
    variables: Record<string, unknown> = {},
    key: string | null = null,
    extraHeaders: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...extraHeaders };
    if (key) headers.authorization = `Bearer ${key}`;
    const response = await yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse<T>['body'] };
  }

  return { yoga, query, pipelines, collections, logged };
}
