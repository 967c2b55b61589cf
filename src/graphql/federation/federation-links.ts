import { Kind, parse, type GraphQLSchema, type SchemaExtensionNode } from 'graphql';

/** The Federation version dialgraph's subgraph SDL links to (2.9: the first with `@cost`/`@listSize`). */
export const FEDERATION_SPEC_URL = 'https://specs.apollo.dev/federation/v2.9';

/**
 * dialgraph's own spec for `@auth`. A composer keeps a custom directive in the supergraph only
 * when it is imported through its own `@link` and named by `@composeDirective`.
 */
export const AUTH_SPEC_URL = 'https://dialgraph.dev/auth/v1.0';

/** Federation directives Pothos may apply (entity keys, `externalRef`'s `@extends`/`@external`, field options). */
const FEDERATION_DIRECTIVES = new Set([
  'key', 'extends', 'external', 'requires', 'provides', 'shareable', 'inaccessible', 'override', 'tag',
  'interfaceObject', 'authenticated', 'requiresScopes', 'policy', 'cost', 'listSize',
]);

/**
 * The schema extension every subgraph SDL starts with: `@link` to Federation v2 importing the
 * federation directives the schema uses (plus `@composeDirective`), `@link` to the auth spec
 * importing `@auth`, and `@composeDirective(name: "@auth")` so `@auth` reaches the supergraph.
 */
export function federationLinks(schema: GraphQLSchema): SchemaExtensionNode {
  const imports = [...usedFederationDirectives(schema)].sort().map((name) => `@${name}`);
  const sdl = `extend schema
    @link(url: ${JSON.stringify(FEDERATION_SPEC_URL)}, import: ${JSON.stringify([...imports, '@composeDirective'])})
    @link(url: ${JSON.stringify(AUTH_SPEC_URL)}, import: ["@auth"])
    @composeDirective(name: "@auth")`;
  const [node] = parse(sdl).definitions;
  if (node?.kind !== Kind.SCHEMA_EXTENSION) throw new Error('federation links did not parse as a schema extension');
  return node;
}

/** Names of the federation directives applied to any type or field (Pothos records them in `extensions.directives`). */
function usedFederationDirectives(schema: GraphQLSchema): Set<string> {
  const used = new Set<string>();
  const collect = (extensions: { directives?: unknown } | null | undefined) => {
    const directives = extensions?.directives;
    if (!directives || typeof directives !== 'object') return;
    const names = Array.isArray(directives) ? directives.map((d: { name: string }) => d.name) : Object.keys(directives);
    for (const name of names) if (FEDERATION_DIRECTIVES.has(name)) used.add(name);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    collect(type.extensions);
    if ('getFields' in type) for (const field of Object.values(type.getFields())) collect(field.extensions);
  }
  return used;
}
