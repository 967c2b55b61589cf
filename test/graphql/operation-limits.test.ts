import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { calls, KEYS } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';

/**
 * Shape limits (DESIGN sections 6 and 8): each refusal is OPERATION_LIMIT with
 * `extensions { limit, value, max }`, HTTP 400, and no pipeline runs.
 */
const NOW = '2026-01-15T12:00:00Z';
const gateway = () => testGateway({ calls: calls(3, { started_at: '2026-01-05T00:00:00Z' }), now: NOW });

const nested = (levels: number) => `{ ${'... on Query { '.repeat(levels)}__typename${' }'.repeat(levels)} }`;
const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: groupedCalls(groupBy: [DATE, SOURCE, HOUR_OF_DAY]) { count }`).join(' ')} }`;

const CASES = [
  { limit: 'depth', document: nested(14), value: 15, max: 12 },
  { limit: 'aliases', document: aliased(31), value: 31, max: 30 },
  // The 97 KB request: the parser stops it first.
  { limit: 'tokens', document: aliased(500), value: 7502, max: 5000 },
  { limit: 'directives', document: `{ groupedCalls { ${'count @include(if: true) '.repeat(51)} } }`, value: 51, max: 50 },
  { limit: 'tokens', document: `{ groupedCalls(groupBy: [${'DATE '.repeat(5100)}]) { count } }`, value: 5112, max: 5000 },
] as const;

describe('operation limits', () => {
  for (const { limit, document, value, max } of CASES) {
    it(`refuses ${value} ${limit} (max ${max}) with OPERATION_LIMIT and HTTP 400, running nothing`, async () => {
      const g = gateway();
      const { status, body } = await g.query(document, {}, KEYS.t1);
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'OPERATION_LIMIT', limit, value, max });
      expect(body.errors?.[0]?.message).toContain(`at most ${max}`);
      expect(g.pipelines).toHaveLength(0);
    });
  }

  it('lets the full introspection query through (GraphiQL docs explorer, codegen)', async () => {
    const g = gateway();
    const { status, body } = await g.query(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }), {}, KEYS.t1);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.__schema.queryType.name).toBe('Query');
  });

  it('lets a deep but ordinary operation and 30 aliases through', async () => {
    const g = gateway();
    const { status, body } = await g.query(
      `{ _entities(representations: [{ __typename: "Assistant", id: "a1" }]) { ... on Assistant { callAnalytics { totalCalls } } } ${aliased(29).slice(1, -1)} }`,
      {},
      KEYS.t1,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});
