import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, Lexer, Source, TokenKind, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { countRefusal } from '../../observability/metrics.ts';

/** The shape limits of one operation (DESIGN section 8), each a serve flag and env variable. */
export interface OperationLimits {
  /** Deepest field nesting; introspection's `__schema` does not count. */
  depth: number;
  /** Aliased fields (`__typename` aliases are free). */
  aliases: number;
  /** Lexical tokens of the whole document. */
  tokens: number;
  /** Directives used in the operation. */
  directives: number;
}

/** Depth 12 leaves room for every field of the schema (the deepest is 5) and for GraphiQL's and codegen's introspection. */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = { depth: 12, aliases: 30, tokens: 5000, directives: 50 };

type LimitName = keyof OperationLimits;

/**
 * Refuses an operation over a shape limit before it executes, with graphql-armor's checks
 * (max depth, aliases, directives as validation rules; tokens in the parser). Armor's own
 * error is a bare "Syntax Error: … limit … exceeded"; each rejection is turned into the
 * contract's `OPERATION_LIMIT` with `extensions { limit, value, max }` and HTTP 400.
 * Armor's field-suggestion blocking and its generic cost limit are off: the cost limit is
 * `useCostLimit`, which reads the schema's `@cost`/`@listSize`.
 */
export function useOperationLimits(limits: OperationLimits = DEFAULT_OPERATION_LIMITS): Plugin {
  // The parser rejects on the first token past the limit; the true count (for `value`) is
  // read from the source, which `onParse` sees just before armor's parser runs (synchronously).
  let source = '';
  const reportFromRule = (limit: Exclude<LimitName, 'tokens'>) => ({
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const value = Number(/found (\d+)/.exec(error.message)?.[1] ?? limits[limit] + 1);
        const refusal = operationLimitError(limit, value, limits[limit]);
        if (context) context.reportError(refusal);
        else throw refusal;
      },
    ],
  });
  const armor = EnvelopArmorPlugin({
    blockFieldSuggestion: { enabled: false },
    costLimit: { enabled: false },
    maxDepth: { n: limits.depth, ignoreIntrospection: true, ...reportFromRule('depth') },
    maxAliases: { n: limits.aliases, ...reportFromRule('aliases') },
    maxDirectives: { n: limits.directives, ...reportFromRule('directives') },
    maxTokens: {
      n: limits.tokens,
      onReject: [
        () => {
          countRefusal('operation_limit');
          throw operationLimitError('tokens', countTokens(source, limits.tokens * 10), limits.tokens);
        },
      ],
    },
  });
  return {
    onParse({ params }) {
      source = typeof params.source === 'string' ? params.source : params.source.body;
    },
    onPluginInit({ addPlugin }) {
      addPlugin(armor as Plugin);
    },
    // One refusal per request, however many shape limits its document breaks.
    onValidate() {
      return ({ result }) => {
        if (result.some((error) => error.extensions?.code === 'OPERATION_LIMIT')) countRefusal('operation_limit');
      };
    },
  };
}

/** `OPERATION_LIMIT` as DESIGN section 6 gives it. */
export function operationLimitError(limit: string, value: number, max: number): GraphQLError {
  const hint = limit === 'cost' ? ' Ask for shorter ranges, smaller pages or fewer time buckets.' : '';
  return new GraphQLError(`The operation's ${limit} is ${value}${value >= max * 10 && limit === 'tokens' ? ' or more' : ''}; at most ${max} ${limit === 'cost' ? 'is' : 'are'} allowed.${hint}`, {
    extensions: { code: 'OPERATION_LIMIT', limit, value, max, http: { status: 400 } },
  });
}

/** Tokens in `source`, counting no further than `cap` (a refused document may be 25 MB). */
function countTokens(source: string, cap: number): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (count < cap && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A lexical error past the limit: what was counted stands.
  }
  return count;
}
