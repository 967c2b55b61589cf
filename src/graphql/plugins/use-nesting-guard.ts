import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Turns a stack overflow while parsing or validating a document (a list type or a value
 * literal nested thousands deep: graphql-js parses and validates recursively) into a clean
 * HTTP 400 `GRAPHQL_PARSE_FAILED` / `GRAPHQL_VALIDATION_FAILED` instead of a masked
 * "Unexpected error.". It wraps whatever parse and validate functions the plugins before it
 * installed (graphql-armor's token-limited parser among them), so install it after them.
 * Only `RangeError`s are caught; any other failure keeps its own path.
 */
export function useNestingGuard(): Plugin {
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parseFn(source, options);
        } catch (error) {
          throw isStackOverflow(error) ? tooDeep('GRAPHQL_PARSE_FAILED') : error;
        }
      });
    },
    onValidate({ validateFn, setValidationFn }) {
      setValidationFn((schema, document, rules, typeInfo, options) => {
        try {
          return validateFn(schema, document, rules, typeInfo, options);
        } catch (error) {
          if (isStackOverflow(error)) return [tooDeep('GRAPHQL_VALIDATION_FAILED')];
          throw error;
        }
      });
    },
  };
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

function tooDeep(code: string): GraphQLError {
  return new GraphQLError('The document is nested too deeply to process; flatten the list types or value literals.', {
    extensions: { code, http: { status: 400 } },
  });
}
