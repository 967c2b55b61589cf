// What codegen.ts loads as "the schema": the client-facing schema (schema/schema.graphql);
// the subgraph SDL is printed by subgraph-sdl-plugin.ts.
import { buildSchema } from '../schema.ts';

export const schema = buildSchema();
export default schema;
