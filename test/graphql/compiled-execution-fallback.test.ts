import { describe, expect, it, vi } from 'vitest';
import { createGateway } from '../../src/graphql/yoga.ts';
import type { ExecutionMode } from '../../src/graphql/plugins/use-compiled-execution.ts';
import { demoApiKeys } from '../../src/sample/demo-keys.ts';
import { generateSampleCalls } from '../../src/sample/generate.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { toApiKeyRecords } from '../../src/store/load/keys-file.ts';

/**
 * Compiled code that throws (a graphql-jit bug; resolver errors come back as an answer) falls
 * back to graphql-js: the client gets graphql-js's answer, never the masked "Unexpected error.".
 */
vi.mock('graphql-jit', async (importOriginal) => {
  const real = await importOriginal<typeof import('graphql-jit')>();
  return {
    ...real,
    compileQuery: (...args: Parameters<typeof real.compileQuery>) => {
      const compiled = real.compileQuery(...args);
      if (!real.isCompiledQuery(compiled as never)) return compiled;
      return {
        ...compiled,
        query: (...queryArgs: unknown[]) => {
          // Half the runs throw at once, half reject: both paths must fall back.
          if ((queryArgs[2] as { reject?: boolean } | undefined)?.reject) return Promise.reject(new Error('compiled code failed'));
          throw new Error('compiled code failed');
        },
      };
    },
  };
});

const NOW = new Date('2026-01-15T12:00:00.000Z');
const keys = demoApiKeys();
const modes: ExecutionMode[] = [];
const yoga = createGateway({
  store: createEmbeddedStore({ calls: generateSampleCalls({ calls: 500, seed: 5, now: NOW }), apiKeys: toApiKeyRecords(keys, NOW) }),
  now: () => NOW,
  graphiql: false,
  metrics: false,
  logger: { error: () => {}, warn: () => {}, info: () => {} },
  compiledExecution: { interpretedRuns: 0, onRun: (mode) => modes.push(mode) },
});

describe('compiled execution that throws', () => {
  it.each([false, true])('answers through graphql-js (rejecting: %s)', async (reject) => {
    modes.length = 0;
    const response = await yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys[0].key}` },
      body: JSON.stringify({ query: 'query($reject: Boolean!) { callsByPhoneNumber { totalCalls } ok: __typename @include(if: true) r: __typename @skip(if: $reject) }', variables: { reject } }),
    });
    const body = await response.json();
    expect(modes).toEqual(['reinterpreted']);
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.ok).toBe('Query');
    expect(body.data.callsByPhoneNumber.length).toBeGreaterThan(0);
  });
});
