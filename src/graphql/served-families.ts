import { FAMILIES } from '../analytics/families/index.ts';
import type { Operation } from '../analytics/operation.ts';

const served = new Set<string>();

/**
 * Marks `operation` as served by the calling Pothos module and returns it; a field module
 * calls this once per family it resolves, when it is loaded.
 */
export function serves<Args, Result, Row>(operation: Operation<Args, Result, Row>): Operation<Args, Result, Row> {
  served.add(operation.name);
  return operation;
}

/**
 * Throws when a family of `FAMILIES` has no field: a field module left out of schema.ts would
 * otherwise make its fields silently disappear from the schema.
 */
export function assertEveryFamilyServed(): void {
  const missing = FAMILIES.filter((family) => !served.has(family.name)).map((family) => family.name);
  if (missing.length) {
    throw new Error(`No GraphQL field serves ${missing.join(', ')}: import its module in src/graphql/schema.ts`);
  }
}
