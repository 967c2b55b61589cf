import type { GraphQLSchema } from 'graphql';
import { printSubgraphSdl } from '../subgraph.ts';

/**
 * A graphql-codegen plugin that writes the Federation v2 subgraph SDL (with `@link`, entity
 * keys and `@auth`). codegen hands plugins its own schema copy, which loses the federation
 * extensions, so the SDL is printed from the code's subgraph schema instead.
 */
export const plugin = (_schema: GraphQLSchema): string => printSubgraphSdl();
