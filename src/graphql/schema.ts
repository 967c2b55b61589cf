import type { GraphQLSchema } from 'graphql';
import { withoutTypes } from './federation/without-types.ts';
import { withAuthDirectiveDefinition } from './auth/auth-directive.ts';
import { withCostDirectiveDefinitions } from './cost/cost-directives.ts';
import { builder } from './builder.ts';
import './fields/phone-numbers.ts';
import './fields/grouped-calls.ts';
import './fields/dialer.ts';
import './fields/connections.ts';
import './fields/analytics-query.ts';
import { FEDERATION_ONLY_TYPES } from './fields/federation.ts';
import { assertEveryFamilyServed } from './served-families.ts';

let cached: GraphQLSchema | undefined;

/**
 * The client-facing schema (what `schema/schema.graphql` prints): every query field with its
 * `@auth`, without the federation entities that only a gateway reaches through `_entities`.
 * Yoga serves the subgraph schema (subgraph.ts), which adds those. Built once per process.
 */
export function buildSchema(): GraphQLSchema {
  assertEveryFamilyServed();
  cached ??= withoutTypes(withCostDirectiveDefinitions(withAuthDirectiveDefinition(builder.toSchema({ sortSchema: false }))), FEDERATION_ONLY_TYPES);
  return cached;
}
