import { createRequire } from 'node:module';
import { getOperationAST, print } from 'graphql';
import type { JsonSchema, RestRoute } from './route.ts';
import { FORMAT_PARAMETER } from './params.ts';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    success: { const: false },
    message: { type: 'string' },
    request_id: { type: 'string', description: 'Only on an unexpected error: quote it to the operator.' },
  },
  required: ['success', 'message'],
  additionalProperties: false,
};

const ERROR_RESPONSES: Record<string, string> = {
  400: 'A parameter is missing, unknown, of the wrong type or not one of the seed’s values; or (where the seed has no 422) a value the query refuses.',
  401: 'No API key, or an unknown or revoked one.',
  403: 'The key may not ask this (not a super-admin, or a user-bound key asking beyond its user).',
  422: 'Valid types, invalid values: a reversed or too long range, a value out of bounds, a bad payload filter.',
  429: 'The key is over its request rate or concurrency; see Retry-After.',
  500: 'Unexpected error (a bug); the message carries a request id.',
  503: 'The call store is unavailable; see Retry-After.',
  504: 'The query ran over its time budget.',
};

/** The schema without its description, which OpenAPI carries on the parameter itself. */
function withoutDescription(schema: JsonSchema): JsonSchema {
  const { description: _, ...rest } = schema;
  return rest;
}

function parameters(route: RestRoute): JsonSchema[] {
  const properties = (route.query.properties ?? {}) as Record<string, JsonSchema>;
  const required = (route.query.required ?? []) as string[];
  const list = Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    ...(schema.description ? { description: schema.description } : {}),
    schema: withoutDescription(schema),
    // Seed 004's comma lists: `group_by=source,date`.
    ...(schema.type === 'array' ? { style: 'form', explode: false } : {}),
  }));
  if (route.csv) {
    list.push({
      name: FORMAT_PARAMETER,
      in: 'query',
      required: false,
      description: '`csv` answers RFC 4180 CSV of the rows (as does `Accept: text/csv`); default json.',
      schema: { enum: ['json', 'csv'] },
    });
  }
  return list;
}

function operation(route: RestRoute): JsonSchema {
  const graphqlOperation = getOperationAST(route.document)?.name?.value ?? route.id;
  const statuses = ['400', '401', '403', ...(route.invalidValueStatus === 422 ? ['422'] : []), '429', '500', '503', '504'];
  return {
    operationId: route.id,
    summary: route.summary,
    description: `Seed ${route.seed}. Runs the GraphQL operation \`${graphqlOperation}\` through the gateway (same keys, limits and answers):\n\n\`\`\`graphql\n${print(route.document)}\n\`\`\``,
    tags: [`seed ${route.seed}`],
    'x-graphql-operation': graphqlOperation,
    parameters: parameters(route),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
    security: route.apiKeyInQuery ? [{ apiKeyQuery: [] }, { bearer: [] }] : [{ bearer: [] }],
    responses: {
      200: {
        description: 'The seed’s answer.',
        content: {
          'application/json': { schema: route.response },
          ...(route.csv ? { 'text/csv': { schema: { type: 'string', description: 'RFC 4180, header row first.' } } } : {}),
        },
      },
      ...Object.fromEntries(statuses.map((status) => [status, { $ref: `#/components/responses/Error${status}` }])),
    },
  };
}

/** The OpenAPI 3.1 document of the seed routes, built from the route table. */
export function openApiDocument(routes: readonly RestRoute[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'dialgraph seed REST routes',
      version,
      description:
        'The HTTP APIs of the systems dialgraph replaces, served beside /graphql: each route runs one GraphQL operation of the same gateway and maps names and shapes only.',
    },
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: '`Authorization: Bearer <key>`.' },
        apiKeyQuery: { type: 'apiKey', in: 'query', name: 'api-key', description: 'Seed 003 sends the key as `?api-key=`.' },
      },
      schemas: { Error: ERROR_SCHEMA },
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([status, description]) => [
          `Error${status}`,
          { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ]),
      ),
    },
  };
}
