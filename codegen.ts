import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents: scalars as they travel in JSON. */
const typedDocuments = {
  preset: 'client',
  presetConfig: { fragmentMasking: false },
  config: { useTypeImports: true, enumsAsTypes: true, emitLegacyCommonJSImports: false, scalars: { DateTime: 'string', Date: 'string', TimeZone: 'string', JSONObject: 'Record<string, unknown>', EmailAddress: 'string', SafeInt: 'number' } },
} as const;

/**
 * Generates the committed SDL and the typed documents. `npm test` runs this with `--check`, so
 * it fails when the committed files differ from what the code produces. Run it as
 * `npm run codegen` (it needs tsx to load the TypeScript schema).
 * - `schema/operations/` are GraphiQL's examples; the tests get them typed in `test/generated/`.
 * - `src/rest/operations/` are the operations the seed REST routes run; the route table runs
 *   the typed documents of `src/rest/generated/`, so a document that stops matching the schema,
 *   or a mapper that reads a field the document does not select, fails codegen or the typecheck.
 * - `src/dashboard/operations/` are the dashboard's panels, typed the same way.
 */
const config: CodegenConfig = {
  schema: './src/graphql/codegen/schema-source.ts',
  ignoreNoDocuments: false,
  generates: {
    './schema/schema.graphql': {
      plugins: ['./src/graphql/codegen/schema-sdl-plugin.ts'],
    },
    './schema/subgraph.graphql': {
      plugins: ['./src/graphql/codegen/subgraph-sdl-plugin.ts'],
    },
    // Also the persisted-documents manifest of the examples (test/generated/persisted-documents.json,
    // sha256 → document): the file `serve --trusted-documents` takes to run only these operations.
    './test/generated/': {
      ...typedDocuments,
      presetConfig: { ...typedDocuments.presetConfig, persistedDocuments: { hashAlgorithm: 'sha256' } },
      documents: ['./schema/operations/*.graphql'],
    },
    './src/rest/generated/': { ...typedDocuments, documents: ['./src/rest/operations/*.graphql'] },
    // The dashboard's operations as typed strings: the browser bundle needs no graphql-js.
    './src/dashboard/generated/': {
      ...typedDocuments,
      config: { ...typedDocuments.config, documentMode: 'string' },
      documents: ['./src/dashboard/operations/*.graphql'],
    },
  },
};

export default config;
