import { openTestDatabase } from '../support/mongo-database.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/graphql/yoga.ts';
import { demoApiKeys } from '../../src/sample/demo-keys.ts';
import { generateSampleCalls } from '../../src/sample/generate.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { toApiKeyRecords } from '../../src/store/load/keys-file.ts';

/**
 * `callsConnection`: walking every page forwards (first/after) and backwards (last/before)
 * gives exactly the offset list's order for every sort, on the compiled executor; cursors of
 * another sort, another tenant or edited ones are refused naming the argument.
 */
const NOW = new Date('2026-01-15T12:00:00Z');
const calls = generateSampleCalls({ calls: 3000, seed: 7, now: NOW });
const keys = demoApiKeys();
const store = createEmbeddedStore({ calls, apiKeys: toApiKeyRecords(keys, NOW) });
const yoga = createGateway({ store, now: () => NOW, graphiql: false, logger: { error: () => {}, warn: () => {}, info: () => {} } });
const tenantKey = keys.find((k) => k.role === 'user' && !k.user_id)!;
const otherKey = keys.find((k) => k.role === 'user' && !k.user_id && k.tenant_id !== tenantKey.tenant_id)!;
const userKey = keys.find((k) => k.role === 'user' && k.user_id)!;
const SEARCH = '{ dayFrom: "2025-12-01", dayTo: "2026-01-15" }';

async function query(document: string, key = tenantKey.key, variables: Record<string, unknown> = {}) {
  const response = await yoga.fetch('http://dialgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: document, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

const PAGE = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }`;

async function walk(sort: string, direction: 'forwards' | 'backwards', size: number, key = tenantKey.key) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 500; pages++) {
    const args = direction === 'forwards' ? `first: ${size}${cursor ? `, after: "${cursor}"` : ''}` : `last: ${size}${cursor ? `, before: "${cursor}"` : ''}`;
    const body = await query(`{ callsConnection(search: ${SEARCH}, ${sort}, ${args}) { ${PAGE} } }`, key);
    expect(body.errors).toBeUndefined();
    const page = body.data.callsConnection;
    const pageIds = page.edges.map((edge: { node: { id: string } }) => edge.node.id);
    if (direction === 'forwards') ids.push(...pageIds);
    else ids.unshift(...pageIds);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    const more = direction === 'forwards' ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
    if (!more) return { ids, totalCount: page.totalCount };
    cursor = direction === 'forwards' ? page.pageInfo.endCursor : page.pageInfo.startCursor;
  }
  throw new Error('too many pages');
}

describe('callsConnection pages in the offset list order', () => {
  it.each([
    'sortBy: TIMESTAMP, sortDirection: DESC',
    'sortBy: TIMESTAMP, sortDirection: ASC',
    'sortBy: TALK_TIME, sortDirection: DESC',
    'sortBy: TALK_TIME, sortDirection: ASC',
    'sortBy: ANSWER_TIME, sortDirection: DESC',
    'sortBy: ANSWER_TIME, sortDirection: ASC',
  ])('%s, forwards and backwards', async (sort) => {
    const list = await query(`{ calls(search: ${SEARCH}, ${sort}, itemsPerPage: 1000) { totalItems calls { id } } }`);
    const expected = list.data.calls.calls.map((call: { id: string }) => call.id);
    expect(expected.length).toBe(list.data.calls.totalItems);
    expect(expected.length).toBeGreaterThan(100);
    const before = store.engineRuns;
    const forwards = await walk(sort, 'forwards', 37);
    expect(forwards).toEqual({ ids: expected, totalCount: expected.length });
    const backwards = await walk(sort, 'backwards', 41);
    expect(backwards.ids).toEqual(expected);
    expect(store.engineRuns.mingo - before.mingo).toBe(0);
  });

  it('a user-bound key pages through its own calls only', async () => {
    const list = await query(`{ calls(search: ${SEARCH}, itemsPerPage: 1000) { calls { id } } }`, userKey.key);
    const forwards = await walk('sortBy: TIMESTAMP', 'forwards', 25, userKey.key);
    expect(forwards.ids).toEqual(list.data.calls.calls.map((call: { id: string }) => call.id));
  });

  it('first page, page info and an empty page past the end', async () => {
    const first = await query(`{ callsConnection(search: ${SEARCH}, first: 2) { ${PAGE} } }`);
    expect(first.data.callsConnection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.data.callsConnection.edges).toHaveLength(2);
    const none = await query(`{ callsConnection(search: { dayFrom: "2020-01-01", dayTo: "2020-01-02" }) { ${PAGE} } }`);
    expect(none.data.callsConnection).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });
});

describe('callsConnection refuses what is not its cursor or size', () => {
  const cursorOf = async (sort: string, key = tenantKey.key) => {
    const body = await query(`{ callsConnection(search: ${SEARCH}, ${sort}, first: 1) { pageInfo { endCursor } } }`, key);
    return body.data.callsConnection.pageInfo.endCursor as string;
  };
  const refusal = async (args: string, key = tenantKey.key) => {
    const body = await query(`{ callsConnection(search: ${SEARCH}, ${args}) { totalCount edges { cursor } } }`, key);
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    return body.errors![0];
  };

  it('a cursor of another sort, another tenant, edited, or garbage: BAD_USER_INPUT naming after/before', async () => {
    const talkCursor = await cursorOf('sortBy: TALK_TIME');
    const ascCursor = await cursorOf('sortDirection: ASC');
    const otherTenant = await cursorOf('sortBy: TIMESTAMP', otherKey.key);
    const mine = await cursorOf('sortBy: TIMESTAMP');
    const decoded = JSON.parse(Buffer.from(mine, 'base64url').toString());
    const edited = Buffer.from(JSON.stringify({ ...decoded, k: decoded.k.replace(/"[^"]*"\]$/, '"call-0"]') })).toString('base64url');
    for (const [args, argument] of [
      [`first: 5, after: "${talkCursor}"`, 'after'],
      [`first: 5, after: "${ascCursor}"`, 'after'],
      [`first: 5, after: "${otherTenant}"`, 'after'],
      [`last: 5, before: "${otherTenant}"`, 'before'],
      [`first: 5, after: "${edited}"`, 'after'],
      ['first: 5, after: "garbage"', 'after'],
      ['last: 5, before: ""', 'before'],
      [`first: 5, after: "${Buffer.from('{"s":"calls:TIMESTAMP:DESC","k":"[{\\"$where\\":1}]","t":"x"}').toString('base64url')}"`, 'after'],
    ]) {
      const error = await refusal(args);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(error.message).toMatch(new RegExp(`^${argument}: not a cursor of this connection`));
    }
  });

  it('first and last bounded like itemsPerPage; one direction at a time', async () => {
    for (const [args, argument] of [
      ['first: 0', 'first'],
      ['first: 1001', 'first'],
      ['last: 0', 'last'],
      ['last: 5000', 'last'],
      ['first: 5, last: 5', 'last'],
      ['first: 5, before: "x"', 'before'],
      ['last: 5, after: "x"', 'after'],
    ]) {
      const error = await refusal(args);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });
});

describe('groupedCallsConnection pages in the groupedCalls order', () => {
  const ROWS = 'date source count avgDuration p90Duration';
  it.each([
    'groupBy: [DATE, SOURCE], sortBy: COUNT, sortOrder: DESC',
    'groupBy: [DATE, SOURCE], sortBy: AVG_DURATION, sortOrder: ASC',
    'groupBy: [DATE, SOURCE], sortBy: SOURCE, sortOrder: DESC',
    'groupBy: [DATE, SOURCE], sortBy: P90_DURATION, sortOrder: DESC, having: [{ metric: COUNT, op: GTE, value: 2 }]',
  ])('%s, forwards and backwards', async (args) => {
    const filter = 'filter: { startDate: "2025-12-01", endDate: "2026-01-15" }';
    const list = await query(`{ groupedCalls(${args}, ${filter}, limit: 1000) { count rows { ${ROWS} } } }`);
    const expected = list.data.groupedCalls.rows;
    expect(expected.length).toBeGreaterThan(30);
    for (const [size, direction] of [[7, 'forwards'], [9, 'backwards']] as const) {
      const rows: unknown[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 200; pages++) {
        const paging = direction === 'forwards' ? `first: ${size}${cursor ? `, after: "${cursor}"` : ''}` : `last: ${size}${cursor ? `, before: "${cursor}"` : ''}`;
        const body = await query(`{ groupedCallsConnection(${args}, ${filter}, ${paging}) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { ${ROWS} } } } }`);
        expect(body.errors).toBeUndefined();
        const page = body.data.groupedCallsConnection;
        expect(page.totalCount).toBe(list.data.groupedCalls.count);
        const nodes = page.edges.map((edge: { node: unknown }) => edge.node);
        if (direction === 'forwards') rows.push(...nodes);
        else rows.unshift(...nodes);
        const more = direction === 'forwards' ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
        if (!more) break;
        cursor = direction === 'forwards' ? page.pageInfo.endCursor : page.pageInfo.startCursor;
      }
      expect(rows).toEqual(expected);
    }
  });

  it('refuses a cursor of another grouping or sort, naming after', async () => {
    const page = await query('{ groupedCallsConnection(groupBy: [SOURCE], first: 1) { pageInfo { endCursor } } }');
    const cursor = page.data.groupedCallsConnection.pageInfo.endCursor;
    for (const args of [`groupBy: [STATUS], first: 2, after: "${cursor}"`, `groupBy: [SOURCE], sortBy: SOURCE, first: 2, after: "${cursor}"`]) {
      const body = await query(`{ groupedCallsConnection(${args}) { totalCount } }`);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    }
    const other = await query(`{ groupedCallsConnection(groupBy: [SOURCE], first: 2, after: "${cursor}") { totalCount } }`, otherKey.key);
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});

/**
 * MongoDB suite (CI sets MONGODB_TEST_URI; skipped here): the same pages on a live server, whose
 * seek runs on the indexes (the plan shapes are checked with explain in test/mongo), equal the
 * embedded engine's, cursor for cursor.
 */
const uri = process.env.MONGODB_TEST_URI;
describe.skipIf(!uri)('connections on MongoDB equal the embedded engine', () => {
  let mongoFetch: (document: string) => Promise<any> = async () => undefined;
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const database = await openTestDatabase({ uri: uri!, prefix: 'conn', calls, keys: toApiKeyRecords(keys, NOW), indexes: true });
    const mongo = database.store;
    const mongoYoga = createGateway({ store: mongo, now: () => NOW, graphiql: false });
    mongoFetch = async (document) => {
      const response = await mongoYoga.fetch('http://dialgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tenantKey.key}` },
        body: JSON.stringify({ query: document }),
      });
      return response.json();
    };
    close = database.close;
  }, 60_000);

  afterAll(() => close());

  it.each([
    ['callsConnection', 'sortBy: TALK_TIME, sortDirection: DESC', `search: ${SEARCH}`],
    ['callsConnection', 'sortBy: ANSWER_TIME, sortDirection: ASC', `search: ${SEARCH}`],
    ['groupedCallsConnection', 'groupBy: [SOURCE, DATE], sortBy: AVG_DURATION', 'filter: { startDate: "2025-12-01", endDate: "2026-01-15" }'],
  ])('%s %s: three pages forwards and one backwards', async (field, sort, scope) => {
    const node = field === 'callsConnection' ? 'id talkTime' : 'source date count avgDuration';
    let cursor: string | null = null;
    for (let page = 0; page < 3; page++) {
      const document = `{ ${field}(${scope}, ${sort}, first: 25${cursor ? `, after: "${cursor}"` : ''}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${node} } } } }`;
      const embedded = await query(document);
      expect(await mongoFetch(document)).toEqual(embedded);
      cursor = embedded.data[field].pageInfo.endCursor;
    }
    const back = `{ ${field}(${scope}, ${sort}, last: 10, before: "${cursor}") { pageInfo { hasPreviousPage startCursor } edges { cursor } } }`;
    expect(await mongoFetch(back)).toEqual(await query(back));
  });
});
