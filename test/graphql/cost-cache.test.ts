import { type DocumentNode, parse } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { createCachedOperationCost } from '../../src/graphql/cost/cached-operation-cost.ts';
import { operationCost } from '../../src/graphql/cost/operation-cost.ts';
import { buildSubgraphSchema } from '../../src/graphql/subgraph.ts';
import { calls, KEYS } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';
import type { GraphQLContext } from '../../src/graphql/context.ts';

const schema = buildSubgraphSchema();
const QUERY = parse(`query Panel($limit: Int!) { groupedCalls(groupBy: [SOURCE], limit: $limit) { rows { source count } } }`);

describe('the remembered cost estimate', () => {
  it('answers what operationCost answers, per operation name and variables', () => {
    const estimate = createCachedOperationCost();
    for (const limit of [10, 500, 10, 500]) {
      expect(estimate({ schema, document: QUERY, variables: { limit } })).toBe(operationCost({ schema, document: QUERY, variables: { limit } }));
    }
    expect(estimate({ schema, document: QUERY, variables: { limit: 10 } })).not.toBe(estimate({ schema, document: QUERY, variables: { limit: 500 } }));
    // Variables that do not coerce stay undefined (execution reports them), cached or not.
    expect(estimate({ schema, document: QUERY, variables: { limit: 'x' } })).toBeUndefined();
    expect(estimate({ schema, document: QUERY, variables: { limit: 'x' } })).toBeUndefined();
  });

  it('walks a document once per variables, and again once the estimate is a minute old (an open range ends "now")', () => {
    let clock = 0;
    let walks = 0;
    const estimate = createCachedOperationCost({ now: () => clock, measure: (request) => ((walks += 1), operationCost(request)) });
    const ask = (limit: number) => estimate({ schema, document: QUERY, variables: { limit } });
    ask(10);
    ask(10);
    ask(20);
    expect(walks).toBe(2);
    clock = 59_000;
    ask(10);
    expect(walks).toBe(2);
    clock = 61_000;
    expect(ask(10)).toBe(operationCost({ schema, document: QUERY, variables: { limit: 10 } }));
    expect(walks).toBe(3);
  });

  it('measures variables too deep for JSON.stringify without caching them', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 20_000; i += 1) deep = [deep];
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    const estimate = createCachedOperationCost();
    expect(estimate({ schema, document: QUERY, variables: { limit: deep } })).toBe(operationCost({ schema, document: QUERY, variables: { limit: deep } }));
  });

  it('sees one DocumentNode per query text across requests, so the cache is hit', async () => {
    const documents: DocumentNode[] = [];
    const recorder: Plugin<GraphQLContext> = { onExecute: ({ args }) => void documents.push(args.document) };
    const gateway = testGateway({ calls: calls(2, { started_at: '2026-01-05T00:00:00Z' }), now: '2026-01-15T12:00:00Z', plugins: [recorder] });
    for (let i = 0; i < 2; i += 1) {
      const { body } = await gateway.query('{ groupedCalls(groupBy: [SOURCE]) { count } }', {}, KEYS.t1);
      expect(body.errors).toBeUndefined();
      expect(body.extensions?.cost).toBeDefined();
    }
    expect(documents).toHaveLength(2);
    expect(documents[1]).toBe(documents[0]);
  });
});
