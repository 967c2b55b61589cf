import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as a plain object. */
export type JsonSchema = Record<string, unknown>;

/** What a request brought, after its parameters were checked against the route's schemas. */
export interface RouteInput {
  /** Query parameters (without `api-key` and `format`), coerced to their schema types. */
  query: Record<string, unknown>;
  /** The JSON body of a POST route. */
  body: Record<string, unknown>;
}

/**
 * CSV of a route's rows: the columns (the header row, in order) and each row's cells in that
 * order, the same values its JSON answer gives under those names. The rows are taken as the
 * body streams, a chunk at a time (`csvStream`).
 */
export interface CsvShape<D> {
  columns(input: RouteInput): string[];
  rows(data: D, input: RouteInput): Iterable<readonly unknown[]>;
}

/**
 * One seed REST route: one row of the route table (`routes.ts`). The route layer converts names
 * and shapes only; what the answer means is the GraphQL operation's.
 */
export interface RestRoute<D = any, V = any> {
  /** The OpenAPI operationId. */
  id: string;
  seed: '000' | '001' | '002' | '003' | '004';
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  /** The committed operation it runs (`src/rest/operations/`, typed by codegen). */
  document: TypedDocumentNode<D, V>;
  /** Query parameters: an object schema whose properties are the parameters. */
  query: JsonSchema;
  /** The JSON body of a POST route: an object schema. */
  body?: JsonSchema;
  /** Accepts the key as `?api-key=` as well as `Authorization: Bearer` (seed 003). */
  apiKeyInQuery?: boolean;
  /**
   * The status of a value the core refuses (`BAD_USER_INPUT`): 422 where the seed tells bad
   * values from malformed requests (002), otherwise 400.
   */
  invalidValueStatus: 400 | 422;
  /** GraphQL argument names as the core's messages spell them → the seed's names. */
  names: Record<string, string>;
  /** Parameters → GraphQL variables. */
  variables(input: RouteInput): V;
  /** GraphQL data → the seed's JSON. */
  respond(data: D, input: RouteInput): unknown;
  /** The schema of `respond`'s answer (HTTP 200). */
  response: JsonSchema;
  /** Routes that also answer `text/csv`. */
  csv?: CsvShape<D>;
}

/** Keeps a row's data and variable types tied to its document while the table holds any row. */
export function defineRoute<D, V>(route: RestRoute<D, V>): RestRoute<D, V> {
  return route;
}
