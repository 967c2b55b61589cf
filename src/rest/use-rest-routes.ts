import { getOperationAST, print } from 'graphql';
import type { Plugin, YogaServerInstance } from 'graphql-yoga';
import { MAX_REQUEST_BODY_BYTES } from '../graphql/plugins/use-request-body-limit.ts';
import { acceptsCsvFirst, csvStream } from './csv.ts';
import { seedMessage, statusOf, type GraphQLErrorJson } from './graphql-errors.ts';
import { openApiDocument } from './openapi.ts';
import { API_KEY_PARAMETER, FORMAT_PARAMETER, parameterReader, RouteParameterError, type ParameterReader } from './params.ts';
import type { RestRoute } from './route.ts';
import { documentIdOf } from './route-documents.ts';
import { REST_ROUTES } from './routes.ts';
import { markInnerRequest } from '../observability/inner-request.ts';
import { keepRouteResult, withResultSink } from './route-result.ts';

export const OPENAPI_PATH = '/openapi.json';

interface MountedRoute {
  route: RestRoute;
  parameters: ParameterReader;
  /** The id the route sends instead of its document's text (see route-documents.ts). */
  documentId: string;
  operationName: string | undefined;
}

/** A refusal of the route layer itself (before GraphQL runs): status and message. */
class RouteRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const JSON_TYPE = 'application/json; charset=utf-8';
/** Headers of the GraphQL response that describe the transport of that body, not the request. */
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'transfer-encoding']);
/**
 * The response cache's validators describe the GraphQL answer's bytes, not the route's (JSON in
 * the seed's shape, or CSV): they are not passed on, and a client's conditional headers are not
 * sent to the inner request, whose 304 would leave the route nothing to answer with.
 */
const VALIDATOR_HEADERS = new Set(['etag', 'last-modified']);
const CONDITIONAL_HEADERS = new Set(['if-none-match', 'if-modified-since', 'if-match', 'if-unmodified-since', 'if-range']);

/**
 * Serves the seed REST routes (`routes.ts`) and `GET /openapi.json` beside `/graphql`. A route
 * checks its parameters, maps them to variables and sends its GraphQL operation through this
 * very Yoga instance (`yoga.fetch`), so auth, limits and every other plugin apply as to any
 * GraphQL request, and reads the result object Yoga made (no JSON text between the two,
 * `route-result.ts`); then it maps the data to the seed's JSON (or CSV) and a GraphQL error to
 * the seed's status with `{ success: false, message }`.
 */
export function useRestRoutes(options: RestRoutesOptions): Plugin {
  const { routes = REST_ROUTES, logger } = options;
  const byPath = new Map<string, Map<string, MountedRoute>>();
  for (const route of routes) {
    const methods = byPath.get(route.path) ?? new Map<string, MountedRoute>();
    methods.set(route.method, {
      route,
      parameters: parameterReader(route),
      documentId: documentIdOf(print(route.document)),
      operationName: getOperationAST(route.document)?.name?.value,
    });
    byPath.set(route.path, methods);
  }
  let openapi: string | undefined;

  return {
    onResultProcess: keepRouteResult,
    onRequest({ request, url, endResponse, serverContext, fetchAPI }) {
      if (url.pathname === OPENAPI_PATH && (request.method === 'GET' || request.method === 'HEAD')) {
        openapi ??= JSON.stringify(openApiDocument(routes), null, 2);
        endResponse(new fetchAPI.Response(openapi, { headers: { 'content-type': JSON_TYPE } }));
        return;
      }
      const methods = byPath.get(url.pathname);
      if (!methods) return;
      const mounted = methods.get(request.method);
      const run = mounted
        ? serve(options.gateway(), mounted, request, url, serverContext, fetchAPI)
        : Promise.reject(new RouteRefusal(405, `${request.method} is not allowed here; use ${[...methods.keys()].join(', ')}.`, { allow: [...methods.keys()].join(', ') }));
      return run
        .catch((error: unknown) => {
          if (error instanceof RouteRefusal) return failure(fetchAPI, error.status, error.message, error.headers);
          logger.error(`[dialgraph] REST route ${url.pathname} failed`, error);
          return failure(fetchAPI, 500, 'Unexpected error.');
        })
        .then(endResponse);
    },
  };
}

/** The gateway the routes run their operations on: the Yoga instance (its server adapter). */
export type Gateway = Pick<YogaServerInstance<Record<string, unknown>, Record<string, any>>, 'fetch' | 'graphqlEndpoint'>;

export interface RestRoutesOptions {
  /** Returns the Yoga instance this plugin is installed in (it exists once requests arrive). */
  gateway: () => Gateway;
  logger: Pick<Console, 'error'>;
  /** @default REST_ROUTES */
  routes?: readonly RestRoute[];
}

type FetchAPI = Parameters<NonNullable<Plugin['onRequest']>>[0]['fetchAPI'];

async function serve(
  yoga: Gateway,
  mounted: MountedRoute,
  request: Request,
  url: URL,
  serverContext: Record<string, unknown> | undefined,
  fetchAPI: FetchAPI,
): Promise<Response> {
  const { route } = mounted;
  const format = route.csv ? url.searchParams.get(FORMAT_PARAMETER) : null;
  if (format !== null && format !== 'csv' && format !== 'json') throw new RouteRefusal(400, `format must be "json" or "csv"; got ${JSON.stringify(format.slice(0, 100))}.`);
  const csv = route.csv !== undefined && (format === 'csv' || (format === null && acceptsCsvFirst(request.headers.get('accept'))));

  let input;
  try {
    input = mounted.parameters.read(url, route.body ? await readJsonBody(request) : undefined);
  } catch (error) {
    if (error instanceof RouteParameterError) throw new RouteRefusal(error.outOfBounds ? route.invalidValueStatus : 400, error.message);
    throw error;
  }

  // The client's headers go along (request ids, forwarding, tracing); the body is ours.
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (!BODY_HEADERS.has(lower) && !CONDITIONAL_HEADERS.has(lower) && lower !== 'accept') headers[lower] = value;
  });
  const body = JSON.stringify({
    variables: route.variables(input),
    operationName: mounted.operationName,
    extensions: { persistedQuery: { version: 1, sha256Hash: mounted.documentId } },
  });
  headers['content-type'] = 'application/json';
  headers['content-length'] = String(Buffer.byteLength(body));
  headers.accept = 'application/json';
  const apiKey = route.apiKeyInQuery ? url.searchParams.get(API_KEY_PARAMETER) : null;
  if (apiKey !== null && headers.authorization === undefined) headers.authorization = `Bearer ${apiKey}`;

  // Marked as the route request's inner request: the access log writes one line for both. The
  // result comes back as the object Yoga executed, not as JSON text (route-result.ts); only an
  // answer made without executing anything (a plugin's own response) is read from its body.
  const inner = withResultSink(markInnerRequest(serverContext ?? {}, request));
  const response = await yoga.fetch(`${url.origin}${yoga.graphqlEndpoint}`, { method: 'POST', headers, body }, inner.serverContext);
  const passed = passedHeaders(response.headers);
  const result = (inner.sink.result ?? (await response.json())) as { data?: unknown; errors?: readonly GraphQLErrorJson[] };
  const error = result.errors?.[0];
  if (error) {
    const status = statusOf(error, route, response.status);
    const requestId = error.extensions?.requestId;
    return failure(fetchAPI, status, seedMessage(error.message, route), passed, requestId);
  }
  if (result.data == null) return failure(fetchAPI, 500, 'Unexpected error.', passed);

  if (csv) {
    const shape = route.csv!;
    return new fetchAPI.Response(csvStream(shape.columns(input), shape.rows(result.data, input)), {
      headers: { ...passed, 'content-type': 'text/csv; charset=utf-8; header=present' },
    });
  }
  return new fetchAPI.Response(JSON.stringify(route.respond(result.data, input)), { headers: { ...passed, 'content-type': JSON_TYPE } });
}

function passedHeaders(headers: Headers): Record<string, string> {
  const passed: Record<string, string> = {};
  headers.forEach((value, name) => {
    // Node's Headers may keep the sender's casing (`Content-Type`).
    const lower = name.toLowerCase();
    if (!BODY_HEADERS.has(lower) && !VALIDATOR_HEADERS.has(lower)) passed[lower] = value;
  });
  return passed;
}

function failure(fetchAPI: FetchAPI, status: number, message: string, headers: Record<string, string> = {}, requestId?: string): Response {
  const body = requestId ? { success: false, message, request_id: requestId } : { success: false, message };
  return new fetchAPI.Response(JSON.stringify(body), { status, headers: { ...headers, 'content-type': JSON_TYPE } });
}

/** The JSON body, at most MAX_REQUEST_BODY_BYTES (as /graphql); malformed JSON is the client's 400. */
async function readJsonBody(request: Request): Promise<unknown> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_REQUEST_BODY_BYTES) throw tooLarge();
  // With a declared length the HTTP parser delivers no more than it says, so text() is bounded;
  // a chunked body is counted as it streams.
  const text = declared !== null ? await request.text() : await boundedText(request);
  if (!text.trim()) throw new RouteRefusal(400, 'A JSON object body is required.');
  try {
    return JSON.parse(text);
  } catch {
    throw new RouteRefusal(400, 'The request body is not valid JSON.');
  }
}

async function boundedText(request: Request): Promise<string> {
  if (!request.body) return '';
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    if (bytes > MAX_REQUEST_BODY_BYTES) throw tooLarge();
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

const tooLarge = () => new RouteRefusal(413, `Request body too large: the limit is ${MAX_REQUEST_BODY_BYTES.toLocaleString('en')} bytes.`);
