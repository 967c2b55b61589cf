import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Generates the committed SDL and the typed documents the tests use. `npm test` runs this
 * with `--check`, so it fails when the committed files differ from what the code produces.
 * Run it as `npm run codegen` (it needs tsx to load the TypeScript schema).
 */
const config: CodegenConfig = {
  schema: './src/graphql/codegen/schema-source.ts',
  documents: ['./schema/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    './schema/schema.graphql': {
      plugins: ['./src/graphql/codegen/schema-sdl-plugin.ts'],
    },
    './schema/subgraph.graphql': {
      plugins: ['./src/graphql/codegen/subgraph-sdl-plugin.ts'],
    },
    './test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, emitLegacyCommonJSImports: false, scalars: { DateTime: 'string', Date: 'string', TimeZone: 'string', JSONObject: 'Record<string, unknown>', EmailAddress: 'string', SafeInt: 'number' } },
    },
  },
};

export default config;
