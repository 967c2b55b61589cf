import { GraphQLDirective, GraphQLEnumType, GraphQLNonNull, GraphQLSchema, DirectiveLocation } from 'graphql';

/** The scope-auth scope each `Role` of `@auth(requires:)` stands for. */
export const ROLE_SCOPES = { SUPER_ADMIN: 'superAdmin', USER: 'user' } as const;
export type Role = keyof typeof ROLE_SCOPES;

/**
 * Adds `directive @auth(requires: Role! = SUPER_ADMIN) on FIELD_DEFINITION` to a built schema.
 * The `Role` enum is defined through the builder; the directive has to reference that very
 * enum instance, so it is attached after the build.
 */
export function withAuthDirectiveDefinition(schema: GraphQLSchema): GraphQLSchema {
  const role = schema.getType('Role');
  if (!(role instanceof GraphQLEnumType)) throw new Error('Role enum missing from schema');
  const auth = new GraphQLDirective({
    name: 'auth',
    description: 'The field requires a key with this role; enforced by the same declaration (scope-auth).',
    locations: [DirectiveLocation.FIELD_DEFINITION],
    args: { requires: { type: new GraphQLNonNull(role), defaultValue: 'SUPER_ADMIN' } },
  });
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, directives: [...config.directives.filter((d) => d.name !== 'auth'), auth] });
}
