import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSampleServer } from '../../scripts/sample-server.ts';
import { exampleVariables } from '../../src/graphql/graphiql/example-variables.ts';
import { splitOperations, type ExampleOperation } from '../../src/graphql/graphiql/example-operations.ts';
import { buildSubgraphSchema } from '../../src/graphql/subgraph.ts';
import { demoApiKeys } from '../../src/sample/demo-keys.ts';
import { sampleTenant } from '../../src/sample/tenants.ts';

/**
 * The reference's examples run: every ```graphql runnable block of docs/*.md is split into its
 * named operations, and each runs against `npm start`'s data (a real `dialgraph serve`) with the
 * acme-health key (the super-admin key for admin fields), its variables taken from the values the
 * GraphiQL page fills in. Each must answer without errors and with some non-zero number, so an
 * example written against ids or days the sample does not have fails here.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const schema = buildSubgraphSchema();
const TENANT = 'acme-health';
const keys = demoApiKeys();
const tenantKey = keys.find((k) => k.tenant_id === TENANT && k.role === 'user' && !k.user_id)!.key;
const adminKey = keys.find((k) => k.role === 'super_admin')!.key;

const examples: Array<[string, ExampleOperation]> = readdirSync(join(ROOT, 'docs'))
  .filter((file) => file.endsWith('.md'))
  .flatMap((file) =>
    runnableBlocks(readFileSync(join(ROOT, 'docs', file), 'utf8')).flatMap((block) =>
      splitOperations(block, schema).map((operation) => [`docs/${file} ${operation.name}`, operation] as [string, ExampleOperation]),
    ),
  );

let server: Awaited<ReturnType<typeof startSampleServer>>;
beforeAll(async () => {
  // A smaller sample than `npm start`'s (the README test starts that one at the same time);
  // every example still finds rows in it.
  server = await startSampleServer(['--sample-calls', '30000']);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('runnable examples of docs/', () => {
  it('has some', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
  });

  it.each(examples)('%s runs on the sample data', async (_, operation) => {
    // The sample ends "now"; the variables are relative to it, as on the GraphiQL page.
    const values = exampleVariables(new Date(), sampleTenant(TENANT));
    const variables = Object.fromEntries([...operation.variables.keys()].map((name) => [name, values[name]]));
    const response = await fetch(server.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${operation.admin ? adminKey : tenantKey}` },
      body: JSON.stringify({ query: operation.text, operationName: operation.name, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(response.status).toBe(200);
    expect(JSON.stringify(body.data)).toMatch(/[1-9]/);
  });
});

/** The bodies of the fenced blocks whose info string is `graphql runnable`. */
function runnableBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```graphql runnable\n([\s\S]*?)^```/gm)].map((m) => m[1]);
}
