import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrustedDocuments } from '../../src/graphql/plugins/use-trusted-documents.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { call, KEYS, testKeys } from '../support/calls.ts';

const MANIFEST = new URL('../generated/persisted-documents.json', import.meta.url).pathname;
const CALLS = [call({ utm_campaign: 'spring', started_at: '2024-03-01T10:00:00Z' })];

async function gateway(trusted: boolean) {
  const trustedDocuments = trusted ? await readTrustedDocuments(MANIFEST) : undefined;
  const yoga = createGateway({ store: createEmbeddedStore({ calls: CALLS, apiKeys: testKeys() }), now: () => new Date('2024-03-15T12:00:00Z'), graphiql: false, trustedDocuments });
  return async (body: Record<string, unknown>) => {
    const response = await yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.t1}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
}

/** The id codegen gave the example operation `name`, without its `sha256:` prefix. */
async function idOf(name: string): Promise<string> {
  const manifest = await readTrustedDocuments(MANIFEST);
  const [id] = Object.entries(manifest).find(([, document]) => document.startsWith(`query ${name}(`) || document.startsWith(`query ${name} `))!;
  return id.replace(/^sha256:/, '');
}

describe('trusted documents', () => {
  it('codegen writes the manifest of schema/operations/ (every example, by sha256)', async () => {
    const manifest = await readTrustedDocuments(MANIFEST);
    expect(Object.keys(manifest).length).toBeGreaterThanOrEqual(10);
    for (const id of Object.keys(manifest)) expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('with --trusted-documents: runs a listed operation sent by id, refuses text and unknown ids', async () => {
    const ask = await gateway(true);
    const id = await idOf('BestHours');
    const listed = await ask({ extensions: { persistedQuery: { version: 1, sha256Hash: id } } });
    expect(listed.body.errors).toBeUndefined();
    expect(listed.status).toBe(200);
    expect(listed.body.data.groupedCalls).toBeDefined();

    const text = await ask({ query: '{ groupedCalls { count } }' });
    expect(text.status).toBe(400);
    expect(text.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
    const unknown = await ask({ extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('without the flag: arbitrary operations run as before', async () => {
    const ask = await gateway(false);
    const text = await ask({ query: '{ groupedCalls { count } }' });
    expect(text.status).toBe(200);
    expect(text.body.data.groupedCalls.count).toBe(1);
  });

  it('without the flag: automatic persisted queries (APQ) register a document by its hash and run it by hash', async () => {
    const ask = await gateway(false);
    const query = '{ groupedCalls(filter: { startDate: "2024-03-01", endDate: "2024-03-15" }) { count } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const persistedQuery = { version: 1, sha256Hash };

    const unknown = await ask({ extensions: { persistedQuery } });
    expect(unknown.body.errors[0]).toMatchObject({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    const registered = await ask({ query, extensions: { persistedQuery } });
    expect(registered.body).toMatchObject({ data: { groupedCalls: { count: 1 } } });
    const byHash = await ask({ extensions: { persistedQuery } });
    expect(byHash.status).toBe(200);
    expect(byHash.body).toMatchObject({ data: { groupedCalls: { count: 1 } } });
    // A document that does not hash to the id it claims is refused, so no one can plant a document under another's hash.
    const forged = await ask({ query: '{ groupedCalls { count } }', extensions: { persistedQuery: { version: 1, sha256Hash: '1'.repeat(64) } } });
    expect(forged.body.errors[0].message).toBe('PersistedQueryMismatch');
    expect(forged.body.data).toBeUndefined();
  });

  it('with --trusted-documents: APQ cannot register new documents', async () => {
    const ask = await gateway(true);
    const query = '{ groupedCalls { count } }';
    const refused = await ask({ query, extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } } });
    expect(refused.status).toBe(400);
    expect(refused.body.data).toBeUndefined();
  });

  it('refuses a manifest that is not id → document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialgraph-trusted-'));
    const cases: [string, RegExp][] = [['[]', /expected an object/], ['{}', /lists no document/], ['{"a": 1}', /"a" is not a document/], ['{', /JSON/]];
    return Promise.all(
      cases.map(([text, message], i) => {
        const file = join(dir, `m${i}.json`);
        writeFileSync(file, text);
        return expect(readTrustedDocuments(file)).rejects.toThrow(message);
      }),
    );
  });
});
