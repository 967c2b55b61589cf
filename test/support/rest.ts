import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createGateway, type GatewayOptions } from '../../src/graphql/yoga.ts';
import { demoApiKeys } from '../../src/sample/demo-keys.ts';
import { generateSampleCalls } from '../../src/sample/generate.ts';
import type { CallStore } from '../../src/store/call-store.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { toApiKeyRecords } from '../../src/store/load/keys-file.ts';

/** Sample data whose range covers seed 004's March 2026 examples. */
export const NOW = new Date('2026-03-31T12:00:00.000Z');
export const keys = demoApiKeys();
export const tenantKey = keys.find((k) => k.role === 'user' && !k.user_id)!;
export const userKey = keys.find((k) => k.user_id)!;
export const adminKey = keys.find((k) => k.role === 'super_admin')!;
export const sampleCalls = generateSampleCalls({ calls: 5_000, seed: 7, now: NOW });

export interface RestAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** A gateway over the sample calls (or `store`) and helpers that speak to it as clients do. */
export function restGateway(options: { store?: CallStore; logger?: Pick<Console, 'error' | 'warn' | 'info'>; gateway?: Partial<GatewayOptions> } = {}) {
  const store = options.store ?? createEmbeddedStore({ calls: sampleCalls, apiKeys: toApiKeyRecords(keys, NOW) });
  const logger = options.logger ?? { error: () => {}, warn: () => {}, info: () => {} };
  const yoga = createGateway({ store, now: () => NOW, graphiql: false, logger, ...options.gateway });

  async function rest(
    method: string,
    path: string,
    options: { body?: unknown; key?: string | null; headers?: Record<string, string> } = {},
  ): Promise<RestAnswer> {
    const { body, key = tenantKey.key, headers = {} } = options;
    const response = await yoga.fetch(`http://dialgraph.test${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  async function graphql<T = any>(query: string, variables: Record<string, unknown> = {}, key = tenantKey.key): Promise<T> {
    const response = await yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const result = (await response.json()) as { data: T; errors?: unknown };
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  }

  return { yoga, rest, graphql };
}

/**
 * Checks answers against the OpenAPI document the server publishes: the document is first
 * validated by swagger-parser, then each answer by ajv against its operation's response schema.
 */
export async function openApiChecker(document: unknown) {
  const api = (await SwaggerParser.validate(structuredClone(document) as never)) as any;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its function is the default export's `default` under ESM.
  const add = ((addFormats as unknown as { default?: unknown }).default ?? addFormats) as (ajv: Ajv2020) => void;
  add(ajv);
  return (method: string, path: string, answer: RestAnswer): string[] => {
    const operation = api.paths[path]?.[method.toLowerCase()];
    if (!operation) return [`no operation ${method} ${path}`];
    const response = operation.responses[String(answer.status)];
    if (!response) return [`status ${answer.status} is not documented for ${method} ${path}`];
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return [`no JSON schema for ${answer.status}`];
    const validate = ajv.compile(schema);
    return validate(answer.json) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}
