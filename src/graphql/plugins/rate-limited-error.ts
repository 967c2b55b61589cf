import { GraphQLError } from 'graphql';

/** `RATE_LIMITED` as DESIGN section 6 gives it: HTTP 429 with `Retry-After` (whole seconds). */
export function rateLimitedError(message: string, retryAfterSeconds: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new GraphQLError(message, {
    extensions: { code: 'RATE_LIMITED', retryAfter: seconds, http: { status: 429, headers: { 'Retry-After': String(seconds) } } },
  });
}
