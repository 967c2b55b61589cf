import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Pothos and Yoga load graphql's CJS build; without this alias vitest hands our code the ESM
  // build and graphql throws "Cannot use GraphQLSchema from another module or realm".
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
