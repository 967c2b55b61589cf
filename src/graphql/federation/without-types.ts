import { GraphQLSchema } from 'graphql';

/**
 * The schema without the named types. Only types nothing else references may be dropped
 * (federation entities and what only they reference); anything else is a programming error.
 */
export function withoutTypes(schema: GraphQLSchema, names: readonly string[]): GraphQLSchema {
  const dropped = new Set(names);
  const config = schema.toConfig();
  const kept = new GraphQLSchema({ ...config, types: config.types.filter((type) => !dropped.has(type.name)) });
  const stillThere = names.filter((name) => kept.getType(name));
  if (stillThere.length) throw new Error(`cannot drop ${stillThere.join(', ')}: other types reference them`);
  return kept;
}
