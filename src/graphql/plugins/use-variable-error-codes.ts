import { type DocumentNode, GraphQLError, Kind, type OperationDefinitionNode, type ValueNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * graphql-js refuses a variable of the wrong type ("Variable "$r" got invalid value null at
 * "r[0]"; …", "… was not provided", "… must not be null") with an error that has no
 * `extensions.code`. DESIGN 6 wants every refusal coded and naming the argument: these become
 * `BAD_USER_INPUT` with `extensions.argument` the argument the variable feeds, in the path form
 * the core's own refusals use (`search.dayFrom`, `representations[0]`), and `variable` the
 * variable's path (`r[0]`). The status stays what `useRequestErrorStatus` gives (400).
 */
export function useVariableErrorCodes(): Plugin {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length || result.data !== undefined) return;
          let changed = false;
          const errors = result.errors.map((error) => {
            if (error.extensions?.code !== undefined) return error;
            const refused = variableRefused(error.message);
            if (!refused) return error;
            changed = true;
            const operation = findOperation(args.document, args.operationName ?? undefined);
            const usage = operation ? argumentPathOf(operation, refused.variable) : undefined;
            return new GraphQLError(error.message, {
              nodes: error.nodes,
              source: error.source,
              positions: error.positions,
              path: error.path,
              extensions: {
                ...error.extensions,
                code: 'BAD_USER_INPUT',
                argument: usage === undefined ? `$${refused.variable}${refused.at}` : `${usage}${refused.at}`,
                variable: `${refused.variable}${refused.at}`,
              },
            });
          });
          if (changed) setResult({ ...result, errors });
        },
      };
    },
  };
}

const NAME = '[_A-Za-z][_0-9A-Za-z]*';

/** The variable a coercion error is about, and the path inside its value (`[0].id`), or null. */
export function variableRefused(message: string): { variable: string; at: string } | null {
  const head = new RegExp(`^Variable "\\$(${NAME})" (got invalid value |of required type |of non-null type )`).exec(message);
  if (!head) return null;
  const variable = head[1];
  // The path is printed last, after the (client-chosen) value: take the last match.
  const paths = [...message.matchAll(new RegExp(` at "${variable}((?:\\.${NAME}|\\[\\d+\\])*)"; `, 'g'))];
  return { variable, at: paths.at(-1)?.[1] ?? '' };
}

function findOperation(document: DocumentNode, name: string | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return name ? operations.find((o) => o.name?.value === name) : operations[0];
}

/** The first argument (or argument field, list item) whose value is `$variable`, e.g. `input.filters.payloadFilters`. */
function argumentPathOf(operation: OperationDefinitionNode, variable: string): string | undefined {
  let found: string | undefined;
  visit(operation, {
    Argument(node) {
      if (found !== undefined) return false;
      found = pathIn(node.value, node.name.value, variable);
      return false;
    },
  });
  return found;
}

function pathIn(value: ValueNode, path: string, variable: string): string | undefined {
  if (value.kind === Kind.VARIABLE) return value.name.value === variable ? path : undefined;
  if (value.kind === Kind.LIST) {
    for (const [i, item] of value.values.entries()) {
      const inner = pathIn(item, `${path}[${i}]`, variable);
      if (inner !== undefined) return inner;
    }
  }
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const inner = pathIn(field.value, `${path}.${field.name.value}`, variable);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}
