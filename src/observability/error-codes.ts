import type { GraphQLError } from 'graphql';

/**
 * The codes a response's errors carry, as the client sees them. Codes are set by the gateway
 * and its plugins only (a closed set in SCREAMING_SNAKE case); anything else is reported as
 * `OTHER`, so a metric label or a log field cannot fill with arbitrary text.
 */
export function errorCodesOf(errors: readonly GraphQLError[] | undefined): string[] {
  if (!errors?.length) return [];
  return errors.map((error) => {
    const code = error.extensions?.code;
    return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,47}$/.test(code) ? code : 'OTHER';
  });
}
