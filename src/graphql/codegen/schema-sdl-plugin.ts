import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from '../schema.ts';

/**
 * A graphql-codegen plugin that writes `schema/schema.graphql` from the code's own schema, in
 * declaration order (the contract's order) and with applied directives (`@auth`). codegen's
 * copy of the schema is sorted, which is what keeps its generated documents deterministic.
 */
export const plugin = (_schema: GraphQLSchema): string => `${printSchemaWithDirectives(buildSchema())}\n`;
