import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { JsonSchema, RestRoute, RouteInput } from './route.ts';

/**
 * Checks a request's parameters against its route's schemas (the ones OpenAPI publishes), so a
 * wrong type, an unknown name or a value outside the seed's spellings is refused with the
 * parameter named before anything runs. Query strings are coerced to their schema types
 * ("10" → 10, "true" → true) and comma lists split; JSON bodies are taken as typed.
 */
export class RouteParameterError extends Error {
  override readonly name = 'RouteParameterError';
  constructor(
    message: string,
    /** A well-formed value outside its bounds (a seed may answer 422), not a malformed request. */
    readonly outOfBounds = false,
  ) {
    super(message);
  }
}

const BOUND_KEYWORDS = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);

/** Names the query string may carry besides the route's own parameters. */
export const API_KEY_PARAMETER = 'api-key';
export const FORMAT_PARAMETER = 'format';

export interface ParameterReader {
  read(url: URL, body: unknown): RouteInput;
}

const queryAjv = new Ajv2020({ coerceTypes: true, allErrors: false, strict: false, verbose: true });
const bodyAjv = new Ajv2020({ coerceTypes: false, allErrors: false, strict: false, verbose: true });

export function parameterReader(route: RestRoute): ParameterReader {
  const properties = (route.query.properties ?? {}) as Record<string, JsonSchema>;
  const lists = new Set(Object.keys(properties).filter((name) => properties[name].type === 'array'));
  const reserved = new Set([...(route.apiKeyInQuery ? [API_KEY_PARAMETER] : []), ...(route.csv ? [FORMAT_PARAMETER] : [])]);
  const checkQuery = queryAjv.compile(route.query);
  const checkBody = route.body ? bodyAjv.compile(route.body) : null;

  return {
    read(url, body) {
      const query: Record<string, unknown> = {};
      for (const name of new Set(url.searchParams.keys())) {
        if (reserved.has(name)) continue;
        const values = url.searchParams.getAll(name);
        if (values.length > 1) throw new RouteParameterError(`${name} is given more than once; ${lists.has(name) ? 'list its values comma-separated' : 'give it once'}.`);
        query[name] = lists.has(name) ? values[0].split(',').map((value) => value.trim()).filter(Boolean) : values[0];
      }
      check(checkQuery, query, '');
      if (!checkBody) return { query, body: {} };
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new RouteParameterError('The request body must be a JSON object.');
      check(checkBody, body, '');
      return { query, body: body as Record<string, unknown> };
    },
  };
}

function check(validate: ValidateFunction, data: unknown, prefix: string): void {
  if (validate(data)) return;
  const error = validate.errors![0];
  throw new RouteParameterError(describe(error, prefix), BOUND_KEYWORDS.has(error.keyword));
}

/** One ajv error as a sentence naming the parameter in the seed's spelling (`filters.date_from`). */
function describe(error: ErrorObject, prefix: string): string {
  const at = `${prefix}${error.instancePath.slice(1).replace(/\//g, '.')}`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `Unknown parameter ${at ? `${at}.` : ''}${String(params.additionalProperty)}.`;
    case 'required':
      return `${at ? `${at}.` : ''}${String(params.missingProperty)} is required.`;
    case 'enum':
      return `${at} must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}; got ${echo(error.data)}.`;
    case 'pattern':
      return `${at} is not in the expected format; got ${echo(error.data)}.`;
    default:
      return `${at || 'The request body'} ${error.message ?? 'is invalid'}${error.keyword === 'type' ? `; got ${echo(error.data)}` : ''}.`;
  }
}

/** At most 100 characters of a value, as DESIGN 6 allows an error to echo. */
function echo(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
