/**
 * Errors the pure analytics layer raises. They carry no GraphQL dependency: the GraphQL layer
 * turns them into `GraphQLError`s with `extensions.code` (see src/graphql/errors.ts).
 */

/** Valid types, bad values: becomes `BAD_USER_INPUT` with `extensions.argument`. */
export class UserInputError extends Error {
  override readonly name = 'UserInputError';
  /** Path of the offending argument, e.g. `input.filters.dateFrom` or `limit`. */
  readonly argument: string;

  constructor(argument: string, message: string) {
    super(message.includes(argument) ? message : `${argument}: ${message}`);
    this.argument = argument;
  }
}

/** The caller's key does not grant what the query asks for (e.g. a cross-tenant scope). */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';

  /** @param argument Path of the argument that asked beyond the key, when one did (`search.allUsers`). */
  constructor(
    message: string,
    readonly argument?: string,
  ) {
    super(message);
  }
}
