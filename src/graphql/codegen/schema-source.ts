// What codegen.ts loads as "the schema": the served schema as the code builds it.
import { buildSchema } from '../schema.ts';

export const schema = buildSchema();
export default schema;
