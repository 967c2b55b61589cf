import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/rest/openapi.ts';
import { REST_ROUTES } from '../../src/rest/routes.ts';
import { openApiChecker, restGateway } from '../support/rest.ts';

/** `GET /openapi.json`: a valid OpenAPI 3.1 document, generated from the route table. */
const { rest } = restGateway();

describe('GET /openapi.json', () => {
  it('is served without a key and is valid OpenAPI 3.1 (swagger-parser)', async () => {
    const answer = await rest('GET', '/openapi.json', { key: null });
    expect(answer.status).toBe(200);
    expect(answer.json.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(answer.json)).resolves.toBeTruthy();
  });

  it('has one operation per row of the route table, with the row’s parameters and schemas', async () => {
    const { json: document } = await rest('GET', '/openapi.json', { key: null });
    const operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    expect(operations).toHaveLength(REST_ROUTES.length);
    for (const route of REST_ROUTES) {
      const operation = document.paths[route.path][route.method.toLowerCase()];
      expect(operation.operationId).toBe(route.id);
      const names = operation.parameters.map((parameter: any) => parameter.name);
      expect(names).toEqual([...Object.keys(route.query.properties as object), ...(route.csv ? ['format'] : [])]);
      expect(operation.requestBody?.content['application/json'].schema).toEqual(route.body);
      expect(operation.responses['200'].content['application/json'].schema).toEqual(route.response);
      expect(Boolean(operation.responses['200'].content['text/csv'])).toBe(Boolean(route.csv));
      expect(operation.security).toEqual(route.apiKeyInQuery ? [{ apiKeyQuery: [] }, { bearer: [] }] : [{ bearer: [] }]);
      expect(Object.keys(operation.responses)).toContain(route.invalidValueStatus === 422 ? '422' : '400');
      expect(operation.description).toContain(operation['x-graphql-operation']);
    }
  });

  it('follows the table: a table of one route gives a document of one operation', () => {
    const document = openApiDocument([REST_ROUTES[0]]) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual([REST_ROUTES[0].path]);
  });

  it('its response schemas reject what the seed would not send', async () => {
    const conforms = await openApiChecker((await rest('GET', '/openapi.json', { key: null })).json);
    const answer = await rest('GET', '/api/v1/analytics/calls?group_by=source');
    expect(conforms('GET', '/api/v1/analytics/calls', answer)).toEqual([]);
    const renamed = { ...answer, json: { data: { ...answer.json.data, rows: answer.json.data.data } } };
    expect(conforms('GET', '/api/v1/analytics/calls', renamed)).not.toEqual([]);
    const camel = { ...answer, json: { data: { ...answer.json.data, data: [{ avgDuration: 1 }] } } };
    expect(conforms('GET', '/api/v1/analytics/calls', camel)).not.toEqual([]);
    expect(conforms('GET', '/api/v1/analytics/calls', { ...answer, status: 418 })).toEqual(['status 418 is not documented for GET /api/v1/analytics/calls']);
  });
});
