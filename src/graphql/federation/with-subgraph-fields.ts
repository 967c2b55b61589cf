import { hasResolvableKey } from '@pothos/plugin-federation';
import { entitiesField, EntityType, serviceField } from '@apollo/subgraph/dist/types.js';
import { checkRepresentations, entityKeysOf } from './check-representations.ts';
import { GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLUnionType, isObjectType } from 'graphql';

/**
 * Adds the subgraph entry points a federation gateway calls: `_service { sdl }` (answering
 * `sdl`) and, when the schema has resolvable entities, `_entities(representations:)` over a
 * `_Entity` union of them. Pothos' `toSubGraphSchema` does the same, but prints its own SDL
 * from a schema that cannot yet hold `@auth`'s definition (it references the built `Role`
 * enum), so dialgraph assembles the two fields itself.
 */
export function withSubgraphFields(schema: GraphQLSchema, sdl: string): GraphQLSchema {
  const config = schema.toConfig();
  const query = schema.getQueryType();
  if (!query) throw new Error('A subgraph needs a Query type');
  const entities = config.types.filter((type) => isObjectType(type) && hasResolvableKey(type)) as GraphQLObjectType[];
  const entityUnion = new GraphQLUnionType({ ...EntityType.toConfig(), types: entities });

  const queryConfig = query.toConfig();
  const federatedQuery = new GraphQLObjectType({
    ...queryConfig,
    fields: {
      ...(entities.length ? { _entities: checkedEntitiesField(entityUnion, entityKeysOf(entities)) } : {}),
      _service: { ...serviceField, resolve: () => ({ sdl }) },
      ...queryConfig.fields,
    },
  });
  return new GraphQLSchema({
    ...config,
    query: federatedQuery,
    types: [...config.types.filter((type) => type !== query), federatedQuery],
  });
}

/** Apollo's `_entities` field, refusing malformed representations before its resolver sees them. */
function checkedEntitiesField(union: GraphQLUnionType, keys: ReturnType<typeof entityKeysOf>): typeof entitiesField {
  return {
    ...entitiesField,
    type: new GraphQLNonNull(new GraphQLList(union)),
    resolve(source, args, context, info) {
      checkRepresentations((args as { representations?: unknown }).representations, keys);
      return entitiesField.resolve!(source, args, context, info);
    },
  };
}
