import type { RestRoute } from './route.ts';

/** A GraphQL error as it arrives in a response body. */
export interface GraphQLErrorJson {
  message: string;
  extensions?: { code?: string; requestId?: string; [key: string]: unknown };
}

/**
 * The seed routes' status for a GraphQL error code (DESIGN 5.6 and 6). A value the core refuses
 * is 422 or 400 as the route's seed distinguishes; codes this table does not know keep the
 * status the GraphQL response had (an error with HTTP 200 becomes 500: a route never answers
 * 200 with an error).
 */
const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  QUERY_TIMEOUT: 504,
  INTERNAL_SERVER_ERROR: 500,
};
const VALUE_CODES = new Set(['BAD_USER_INPUT', 'OPERATION_LIMIT']);

export function statusOf(error: GraphQLErrorJson, route: RestRoute, graphqlStatus: number): number {
  const code = error.extensions?.code;
  if (code && VALUE_CODES.has(code)) return route.invalidValueStatus;
  if (code && STATUS_BY_CODE[code]) return STATUS_BY_CODE[code];
  if (graphqlStatus >= 400) return graphqlStatus;
  return 500;
}

/**
 * The error's message with GraphQL argument names replaced by the seed's (`startDate` or the
 * variable `$startDate` → `start_date`), longest first so `filter.startDate` wins over `startDate`.
 */
export function seedMessage(message: string, route: RestRoute): string {
  const names = Object.keys(route.names).sort((a, b) => b.length - a.length);
  if (!names.length) return message;
  const pattern = new RegExp(`(?<![\\w.])\\$?(${names.map((name) => name.replace(/\./g, '\\.')).join('|')})(?![\\w])`, 'g');
  return message.replace(pattern, (_, name: string) => route.names[name]);
}
