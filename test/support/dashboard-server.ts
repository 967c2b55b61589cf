import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { useDashboard } from '../../src/dashboard/use-dashboard.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { toApiKeyRecords } from '../../src/store/load/keys-file.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { demoApiKeys } from '../../src/sample/demo-keys.ts';
import { generateSampleCalls } from '../../src/sample/generate.ts';

/**
 * The gateway as `npm start` serves it (sample calls, demo keys, the dashboard with the demo key
 * pre-filled) on a free 127.0.0.1 port, for real-browser tests.
 */
export async function startDashboardServer(options: { calls: number; now: Date; demoKey: string }) {
  const calls = generateSampleCalls({ calls: options.calls, seed: 1, now: options.now });
  const store = createEmbeddedStore({ calls, apiKeys: toApiKeyRecords(demoApiKeys(), options.now) });
  const yoga = createGateway({ store, graphiql: false, plugins: [useDashboard({ demoKey: options.demoKey })], logger: { error: () => {}, warn: () => {}, info: () => {} } });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** The API's own answer, for comparing with what the page shows. */
  async function query<T>(document: string, variables: Record<string, unknown>, key = options.demoKey): Promise<T> {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: document, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors || !body.data) throw new Error(`API error: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  return {
    origin,
    query,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
