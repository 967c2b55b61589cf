import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { composeServices, compositionHasErrors } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import type { CallDocument } from '../../src/contract/call-document.ts';
import { printSubgraphSdl } from '../../src/graphql/subgraph.ts';
import { call } from './calls.ts';
import type { GraphQLResponse } from './gateway.ts';
import { testGateway } from './gateway.ts';

/** A server bound to 127.0.0.1 on an ephemeral port. */
export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a fetch-style handler (Yoga, Hive Gateway) on 127.0.0.1 only, on a port the OS picks. */
export async function listenOnLoopback(handler: RequestListener, path = '/graphql'): Promise<LoopbackServer> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Assistant {
  id: string;
  name: string;
}
export interface PhoneNumber {
  number: string;
  label: string;
}

/** The owning service's SDL: it owns `Assistant` and `PhoneNumber`; dialgraph only adds fields. */
export const DIRECTORY_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  type Assistant @key(fields: "id") {
    id: ID!
    name: String!
  }

  type PhoneNumber @key(fields: "number") {
    number: String!
    label: String!
  }

  type Query {
    assistants: [Assistant!]!
    assistant(id: ID!): Assistant
    phoneNumbers: [PhoneNumber!]!
  }
`;

/** A small second subgraph (Apollo's `buildSubgraphSchema` on Yoga) owning assistants and numbers. */
export function directoryYoga(data: { assistants: Assistant[]; phoneNumbers: PhoneNumber[] }) {
  const schema = buildSubgraphSchema({
    typeDefs: parse(DIRECTORY_SDL),
    resolvers: {
      Query: {
        assistants: () => data.assistants,
        assistant: (_root: unknown, args: { id: string }) => data.assistants.find((a) => a.id === args.id) ?? null,
        phoneNumbers: () => data.phoneNumbers,
      },
      Assistant: {
        __resolveReference: (ref: { id: string }) => data.assistants.find((a) => a.id === ref.id) ?? null,
      },
      PhoneNumber: {
        __resolveReference: (ref: { number: string }) => data.phoneNumbers.find((p) => p.number === ref.number) ?? null,
      },
    } as never,
  });
  return createYoga({ schema, graphqlEndpoint: '/graphql', logging: false, landingPage: false });
}

/** Composes subgraph SDLs into a supergraph with the MIT composer; throws on composition errors. */
export function composeSupergraph(subgraphs: { name: string; url: string; sdl: string }[]): string {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (compositionHasErrors(result)) {
    throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  return result.supergraphSdl;
}

/**
 * dialgraph (over hand-made calls, logging its pipelines) and the directory subgraph served
 * over real HTTP on 127.0.0.1, composed into a supergraph, behind Hive Gateway's runtime, which
 * forwards the client's Authorization header to dialgraph (and to no one else).
 */
export async function startFederation(options: {
  calls: CallDocument[];
  now: string;
  assistants: Assistant[];
  phoneNumbers: PhoneNumber[];
}) {
  const dialgraph = testGateway({ calls: options.calls, now: options.now });
  const servers: LoopbackServer[] = [];
  const gateway = await (async () => {
    const dialgraphServer = await listenOnLoopback(dialgraph.yoga);
    servers.push(dialgraphServer);
    const directoryServer = await listenOnLoopback(directoryYoga(options));
    servers.push(directoryServer);
    const supergraphSdl = composeSupergraph([
      { name: 'directory', url: directoryServer.url, sdl: DIRECTORY_SDL },
      { name: 'dialgraph', url: dialgraphServer.url, sdl: printSubgraphSdl() },
    ]);
    const runtime = createGatewayRuntime({
      supergraph: parse(supergraphSdl),
      transports: { http: httpTransport },
      logging: false,
      propagateHeaders: {
        fromClientToSubgraphs: ({ request, subgraphName }) =>
          subgraphName === 'dialgraph' ? { authorization: request.headers.get('authorization') } : {},
      },
    });
    const gatewayServer = await listenOnLoopback(runtime);
    servers.push(gatewayServer);
    return { runtime, url: gatewayServer.url, supergraphSdl };
  })().catch(async (error: unknown) => {
    await Promise.all(servers.map((s) => s.close()));
    throw error;
  });

  async function query<T = Record<string, any>>(
    document: string,
    variables: Record<string, unknown> = {},
    key: string | null = null,
  ): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
    if (key) headers.authorization = `Bearer ${key}`;
    const response = await fetch(gateway.url, { method: 'POST', headers, body: JSON.stringify({ query: document, variables }) });
    return { status: response.status, body: (await response.json()) as GraphQLResponse<T>['body'] };
  }

  return {
    query,
    /** Every pipeline dialgraph's store ran, in order. */
    pipelines: dialgraph.pipelines,
    supergraphSdl: gateway.supergraphSdl,
    async close() {
      await gateway.runtime.dispose();
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}

/**
 * Calls for the federation tests, with the analytics computed by hand:
 * - assistant a1 / number +15550100 (t1): 270 s completed, 95 s completed, no duration no-answer
 *   → 3 calls, 365 s = 6.0833 min → 6.08, avg 2.0278 → 2.03, 2 answered → 66.7 %, last 06-20 11:30;
 * - assistant a2 (t1): 61 s busy on +15550200 plus a 30 s completed WEB session with that number
 *   → a2: 2 calls, 91 s → 1.52 min, avg 0.76, 1 answered → 50 %, last 06-16 08:00;
 *   → +15550200: the web session does not count → 1 call, 1.02 min, avg 1.02, 0 answered → 0 %;
 * - a1 before the default range (2024-05-01) and a1 in tenant t2 never count for t1's last 30 days;
 * - a3 and +15550999 have no calls: zeros.
 */
export const NOW = '2024-06-30T12:00:00.000Z';

export const ENTITY_CALLS = [
  call({ assistant_id: 'a1', platform_number: '+15550100', duration_sec: 270, status: 'completed', started_at: '2024-06-10T09:00:00Z' }),
  call({ assistant_id: 'a1', platform_number: '+15550100', duration_sec: 95, status: 'completed', started_at: '2024-06-12T10:00:00Z' }),
  call({ assistant_id: 'a1', platform_number: '+15550100', status: 'no-answer', started_at: '2024-06-20T11:30:00Z' }),
  call({ assistant_id: 'a2', platform_number: '+15550200', duration_sec: 61, status: 'busy', started_at: '2024-06-15T08:00:00Z' }),
  call({ assistant_id: 'a2', platform_number: '+15550200', channel: 'web', duration_sec: 30, status: 'completed', started_at: '2024-06-16T08:00:00Z' }),
  call({ assistant_id: 'a1', platform_number: '+15550100', duration_sec: 999, status: 'completed', started_at: '2024-05-01T08:00:00Z' }),
  call({ tenant_id: 't2', user_email: 'Owner@T2.example', assistant_id: 'a1', platform_number: '+15550100', duration_sec: 600, status: 'completed', started_at: '2024-06-11T09:00:00Z' }),
];

export const A1 = { totalCalls: 3, totalDurationMinutes: 6.08, avgDurationMinutes: 2.03, answeredCalls: 2, answerRate: 66.7, lastCallAt: '2024-06-20T11:30:00.000Z' };
export const A2 = { totalCalls: 2, totalDurationMinutes: 1.52, avgDurationMinutes: 0.76, answeredCalls: 1, answerRate: 50, lastCallAt: '2024-06-16T08:00:00.000Z' };
export const NUMBER_200 = { totalCalls: 1, totalDurationMinutes: 1.02, avgDurationMinutes: 1.02, answeredCalls: 0, answerRate: 0, lastCallAt: '2024-06-15T08:00:00.000Z' };
export const ZEROS = { totalCalls: 0, totalDurationMinutes: 0, avgDurationMinutes: 0, answeredCalls: 0, answerRate: 0, lastCallAt: null };

export const ANALYTICS_FIELDS = 'totalCalls totalDurationMinutes avgDurationMinutes answeredCalls answerRate lastCallAt';
