import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { TimeZoneResolver } from 'graphql-scalars';

/**
 * graphql-scalars' `TimeZone`, with the IANA check moved out of parsing: the contract wants an
 * unknown zone to be `BAD_USER_INPUT` naming the argument (src/analytics/time/time-zone.ts),
 * not a document validation error. Non-strings are still rejected at validation.
 */
export const TimeZoneScalar = new GraphQLScalarType<string, string>({
  name: TimeZoneResolver.name,
  description: `${TimeZoneResolver.description ?? 'An IANA time zone.'} Unknown names are rejected with BAD_USER_INPUT.`,
  specifiedByURL: TimeZoneResolver.specifiedByURL,
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new GraphQLError('TimeZone must be a string such as "Europe/Berlin"');
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('TimeZone must be a string such as "Europe/Berlin"', { nodes: ast });
    return ast.value;
  },
});
