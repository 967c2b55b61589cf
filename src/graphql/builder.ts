import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import { DateResolver, EmailAddressResolver, JSONObjectResolver, JSONResolver, SafeIntResolver } from 'graphql-scalars';
import { DateTimeScalar, TimeZoneScalar } from './scalars.ts';
import AuthDirectivePlugin from './auth/auth-directive-plugin.ts';
import type { GraphQLContext } from './context.ts';
import type { ListSize } from './cost/field-costs.ts';

/** The one Pothos builder: plugins, context and scalar typing live here. */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  AuthScopes: { superAdmin: boolean; user: boolean };
  Directives: {
    auth: { locations: 'FIELD_DEFINITION'; args: { requires: 'USER' | 'SUPER_ADMIN' } };
    cost: { locations: 'FIELD_DEFINITION'; args: { weight: number } };
    listSize: { locations: 'FIELD_DEFINITION'; args: ListSize };
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Date: { Input: Date; Output: Date | string };
    TimeZone: { Input: string; Output: string };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
    JSON: { Input: unknown; Output: unknown };
    EmailAddress: { Input: string; Output: string };
    SafeInt: { Input: number; Output: number };
  };
}>({
  defaultFieldNullability: false,
  // AuthDirective after Directives: hooks run in reverse order (see the plugin).
  plugins: [ScopeAuthPlugin, DirectivesPlugin, FederationPlugin, AuthDirectivePlugin],
  directives: { useGraphQLToolsUnorderedDirectives: true },
  scopeAuth: {
    authScopes: (context) => ({
      superAdmin: context.principal.role === 'super_admin',
      user: true,
    }),
    unauthorizedError: (_parent, _context, info) =>
      new GraphQLError(`${info.parentType.name}.${info.fieldName} requires a super-admin key.`, {
        extensions: { code: 'FORBIDDEN' },
      }),
  },
});

builder.addScalarType('DateTime', DateTimeScalar);
builder.addScalarType('Date', DateResolver);
builder.addScalarType('TimeZone', TimeZoneScalar);
builder.addScalarType('JSONObject', JSONObjectResolver);
builder.addScalarType('JSON', JSONResolver);
builder.addScalarType('EmailAddress', EmailAddressResolver);
builder.addScalarType('SafeInt', SafeIntResolver);

builder.enumType('Role', {
  description: 'Who may use a field guarded by @auth.',
  values: { USER: { description: 'Any valid API key.' }, SUPER_ADMIN: { description: 'A super-admin key.' } } as const,
});

builder.queryType({ description: 'Call analytics, always scoped to the caller’s tenant unless marked @auth(requires: SUPER_ADMIN).' });
