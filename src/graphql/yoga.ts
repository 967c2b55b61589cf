import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { GraphQLError } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { DEFAULT_FUNNEL_STAGES } from '../analytics/call-document.ts';
import { AuthenticationError, authenticate, keyLookup } from '../auth/authenticate.ts';
import type { CallStore, Pipeline } from '../store/call-store.ts';
import type { GatewayConfig, GraphQLContext } from './context.ts';
import { createErrorMasker, type Logger } from './errors.ts';
import { useRequestBodyLimit } from './plugins/use-request-body-limit.ts';
import { useRequestErrorStatus } from './plugins/use-request-error-status.ts';
import { buildSubgraphSchema } from './subgraph.ts';

export interface GatewayOptions {
  store: CallStore;
  /** @default { funnelStages: DEFAULT_FUNNEL_STAGES } */
  config?: Partial<GatewayConfig>;
  /** The clock; tests pin it. @default () => new Date() */
  now?: () => Date;
  /** @default console */
  logger?: Logger;
  /** GraphiQL settings; `false` turns the page off. @default {} */
  graphiql?: { apiKey?: string; defaultQuery?: string } | false;
}

/**
 * Builds the Yoga instance (no port: `server.ts` listens, tests call `yoga.fetch`). Each
 * GraphQL request authenticates its key, gets a fixed "now", and shares identical pipelines.
 */
export function createGateway(options: GatewayOptions): YogaServerInstance<Record<string, unknown>, GraphQLContext> {
  const { store, now = () => new Date(), logger = console } = options;
  const config: GatewayConfig = { funnelStages: DEFAULT_FUNNEL_STAGES, ...options.config };
  const graphiql = options.graphiql ?? {};
  const findKey = keyLookup(store);

  return createYoga<Record<string, unknown>, GraphQLContext>({
    // The subgraph schema: every field plus `_service`/`_entities`, so a gateway can federate it.
    schema: buildSubgraphSchema(),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // Our body limit replaces Yoga's (same cap and errors, without a stream per request).
    maxRequestBodySize: false,
    plugins: [useRequestBodyLimit(), useRequestErrorStatus()],
    logging: false,
    maskedErrors: { maskError: createErrorMasker(logger) },
    renderGraphiQL,
    graphiql:
      graphiql === false
        ? false
        : {
            title: 'dialgraph',
            headers: JSON.stringify(graphiql.apiKey ? { Authorization: `Bearer ${graphiql.apiKey}` } : {}, null, 2),
            defaultQuery: graphiql.defaultQuery,
            shouldPersistHeaders: false,
          },
    context: async ({ request }): Promise<GraphQLContext> => {
      const principal = await authenticate(request.headers.get('authorization'), findKey).catch((error: unknown) => {
        if (error instanceof AuthenticationError) {
          throw new GraphQLError(error.message, {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } },
          });
        }
        throw error;
      });
      return { principal, store, config, now: now(), aggregate: sharedAggregate(store), loaders: new Map() };
    },
  });
}

/** Identical pipelines within one request run once (e.g. the same entity batch twice). */
function sharedAggregate(store: CallStore): GraphQLContext['aggregate'] {
  const runs = new Map<string, Promise<unknown[]>>();
  return <T>(pipeline: Pipeline) => {
    const key = JSON.stringify(pipeline);
    let run = runs.get(key);
    if (!run) {
      run = store.aggregate(pipeline);
      runs.set(key, run);
    }
    return run as Promise<T[]>;
  };
}
