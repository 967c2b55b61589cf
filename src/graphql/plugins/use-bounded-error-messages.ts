import { type ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { MAX_ECHOED_CHARACTERS } from '../../shared/echo-value.ts';

/** Longest error message sent, whatever it quotes: a backstop above the per-value cap. */
export const MAX_ERROR_MESSAGE_CHARACTERS = 1_000;

/** A double-quoted JSON-style string in a message (graphql-js and scalars quote what they echo). */
const QUOTED = /"((?:[^"\\]|\\.)*)"/g;

/**
 * Error messages repeat at most 100 characters of any value (DESIGN 6). dialgraph's own
 * messages quote values through `echoValue`; graphql-js ("Variable "$x" got invalid value …")
 * and scalar libraries quote whole values, so every error of every result passes through here
 * on its way out: each quoted string longer than 100 characters is cut with `…`, and a message
 * is never longer than 1,000 characters. A 1 MB time zone costs the client 100 characters.
 */
export function useBoundedErrorMessages(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !isExecutionResult(result) || !result.errors?.length) return;
      if (!result.errors.some((error) => boundMessage(error.message) !== error.message)) return;
      setResult({
        ...result,
        errors: result.errors.map((error) => {
          const message = boundMessage(error.message);
          if (message === error.message) return error;
          return new GraphQLError(message, {
            nodes: error.nodes,
            source: error.source,
            positions: error.positions,
            path: error.path,
            originalError: error.originalError,
            extensions: error.extensions,
          });
        }),
      });
    },
  };
}

/** The message with long quoted values cut and the whole capped. */
export function boundMessage(message: string): string {
  if (message.length <= MAX_ECHOED_CHARACTERS + 2) return message;
  const cut = message.replace(QUOTED, (whole, inner: string) =>
    inner.length > MAX_ECHOED_CHARACTERS ? `"${inner.slice(0, MAX_ECHOED_CHARACTERS).replace(/\\$/, '')}…"` : whole,
  );
  return cut.length > MAX_ERROR_MESSAGE_CHARACTERS ? `${cut.slice(0, MAX_ERROR_MESSAGE_CHARACTERS)}…` : cut;
}

function isExecutionResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && 'errors' in value;
}
