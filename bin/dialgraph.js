#!/usr/bin/env -S node --min-semi-space-size=16
// --min-semi-space-size=16: a 16 MB young generation from the start. With a million calls
// resident every young-generation collection costs ~2.5 ms however little survives, and V8
// otherwise keeps the young generation at 1 MB (it grows it only when much survives), so a
// burst of requests paid one collection per megabyte allocated. `npm start` passes the same flag.
// Runs the TypeScript sources directly through tsx, so `npm install && npm start` needs no build step.
import { register } from 'tsx/esm/api';

register();
// graphql-js checks every type test for a second copy of itself unless NODE_ENV is
// "production"; those checks cost about a tenth of executing a large response.
process.env.NODE_ENV ??= 'production';
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
