import { DirectiveLocation, GraphQLBoolean, GraphQLDirective, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLSchema, GraphQLString } from 'graphql';

/**
 * `@cost` and `@listSize` as Federation 2.9 defines them (the IBM GraphQL cost spec that
 * Apollo Router and Hive Gateway demand control read). The subgraph SDL imports them through
 * its Federation `@link`; the client-facing schema defines them itself.
 */
export const COST_DIRECTIVES: readonly GraphQLDirective[] = [
  new GraphQLDirective({
    name: 'cost',
    description: 'The work of one call of this field (dialgraph: one pipeline over 31 days of range; longer ranges and time-series buckets add to it).',
    locations: [
      DirectiveLocation.ARGUMENT_DEFINITION,
      DirectiveLocation.ENUM,
      DirectiveLocation.FIELD_DEFINITION,
      DirectiveLocation.INPUT_FIELD_DEFINITION,
      DirectiveLocation.OBJECT,
      DirectiveLocation.SCALAR,
    ],
    args: { weight: { type: new GraphQLNonNull(GraphQLInt) } },
  }),
  new GraphQLDirective({
    name: 'listSize',
    description: 'How many items a list returns: the value of a slicing argument, or an assumed size.',
    locations: [DirectiveLocation.FIELD_DEFINITION],
    args: {
      assumedSize: { type: GraphQLInt },
      slicingArguments: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) },
      sizedFields: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) },
      requireOneSlicingArgument: { type: GraphQLBoolean, defaultValue: true },
    },
  }),
];

/** The schema with the `@cost`/`@listSize` definitions (replacing any of the same name). */
export function withCostDirectiveDefinitions(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  const names = new Set(COST_DIRECTIVES.map((d) => d.name));
  return new GraphQLSchema({ ...config, directives: [...config.directives.filter((d) => !names.has(d.name)), ...COST_DIRECTIVES] });
}
