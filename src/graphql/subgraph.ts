import { printSubgraphSchema } from '@apollo/subgraph';
import { GraphQLSchema } from 'graphql';
import { withAuthDirectiveDefinition } from './auth/auth-directive.ts';
import { withCostDirectiveDefinitions } from './cost/cost-directives.ts';
import { builder } from './builder.ts';
import { federationLinks } from './federation/federation-links.ts';
import { withSubgraphFields } from './federation/with-subgraph-fields.ts';
import { buildSchema } from './schema.ts';

let cached: { schema: GraphQLSchema; sdl: string } | undefined;

function buildSubgraph(): { schema: GraphQLSchema; sdl: string } {
  buildSchema(); // registers every field module before the builder builds again
  const built = withCostDirectiveDefinitions(withAuthDirectiveDefinition(builder.toSchema({ sortSchema: false })));
  const linked = new GraphQLSchema({ ...built.toConfig(), extensionASTNodes: [...built.extensionASTNodes, federationLinks(built)] });
  const sdl = printSubgraphSchema(linked);
  return { schema: withSubgraphFields(linked, sdl), sdl };
}

/**
 * The served schema: a Federation v2 subgraph (every field, the entity types, `_service` and
 * `_entities`), carrying `@auth` through `@link` + `@composeDirective`. Built once per process.
 */
export function buildSubgraphSchema(): GraphQLSchema {
  cached ??= buildSubgraph();
  return cached.schema;
}

/** The subgraph SDL as a supergraph composer reads it (also what `_service { sdl }` answers). */
export function printSubgraphSdl(): string {
  cached ??= buildSubgraph();
  return cached.sdl;
}
