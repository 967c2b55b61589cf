import { describe, expect, it } from 'vitest';
import { variableRefused } from '../../src/graphql/plugins/use-variable-error-codes.ts';
import { call, KEYS } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';

/** A variable of the wrong type is a coded refusal naming the argument it feeds (found by the fuzz suite). */
const gateway = testGateway({ calls: [call({ started_at: '2024-06-29T10:00:00Z', assistant_id: 'as1' })], now: '2024-06-30T12:00:00Z' });

describe('variables the schema refuses', () => {
  it.each<[string, string, Record<string, unknown>, string, string]>([
    ['a null item of a non-null list', 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: [null] }, 'representations[0]', 'r[0]'],
    ['a wrong type inside an input object', 'query($s: CallSearch!) { calls(search: $s) { totalItems } }', { s: { dayFrom: 5, dayTo: '2024-06-30' } }, 'search.dayFrom', 's.dayFrom'],
    ['a variable nested in a literal', 'query($p: JSONObject) { analyticsQuery(input: { queryType: CALL_COUNT, filters: { payloadFilters: $p } }) { total } }', { p: [true] }, 'input.filters.payloadFilters', 'p'],
    ['a missing required variable', 'query($s: CallSearch!) { calls(search: $s) { totalItems } }', {}, 'search', 's'],
    ['an unknown enum value', 'query($g: [CallDimension!]) { groupedCalls(groupBy: $g) { count } }', { g: ['SOURCE', 'NOPE'] }, 'groupBy[1]', 'g[1]'],
  ])('%s is BAD_USER_INPUT (400) naming the argument', async (_name, document, variables, argument, variable) => {
    const { status, body } = await gateway.query(document, variables, KEYS.t1);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument, variable });
    expect(body.errors?.[0].message).toMatch(/^Variable "\$/);
  });

  it('reads the path from the end of the message, whatever the value printed before it', () => {
    expect(variableRefused('Variable "$r" got invalid value "x at "r[9]"; y" at "r[0].id"; ID cannot represent value: {}')).toEqual({ variable: 'r', at: '[0].id' });
    expect(variableRefused('Variable "$s" of required type "CallSearch!" was not provided.')).toEqual({ variable: 's', at: '' });
    expect(variableRefused('Cannot query field "x" on type "Query".')).toBeNull();
  });
});
