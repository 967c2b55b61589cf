#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npm install && npm start` needs no build step.
import { register } from 'tsx/esm/api';

register();
// graphql-js checks every type test for a second copy of itself unless NODE_ENV is
// "production"; those checks cost about a tenth of executing a large response.
process.env.NODE_ENV ??= 'production';
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
