import { type DocumentNode, type ExecutionArgs, getOperationAST, getVariableValues, type GraphQLSchema, type VariableDefinitionNode } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { handleMaybePromise } from '@whatwg-node/promise-helpers';

/** Options of {@link useCompiledExecution}. */
export interface CompiledExecutionOptions {
  /**
   * How many times a document runs interpreted before it is compiled. Compiling costs more
   * than one interpreted run, so a document sent once never pays for it. @default 1
   */
  interpretedRuns?: number;
  /** Told how each execution ran (metrics, tests). */
  onRun?: (mode: ExecutionMode) => void;
}

/** How one execution ran: compiled, or by graphql-js (first runs, refused variables, errors). */
export type ExecutionMode = 'compiled' | 'interpreted' | 'reinterpreted';

/** A compiled operation and its variable definitions (read once, checked on every run). */
interface Compiled {
  query: CompiledQuery;
  variables: readonly VariableDefinitionNode[];
}

/** A document's state: how often it ran interpreted, or its compiled form (null: not compilable). */
type Compilation = { runs: number } | { compiled: Compiled | null };

/**
 * Executes documents that clients send again through graphql-jit: the selection is compiled
 * once into plain functions, so a 1,000-point series no longer pays graphql-js's per-value
 * walk (field lookups, an info object per field and value, null-prototype result objects that
 * `JSON.stringify` writes at half speed). Measured on the hourly series: execution 2.2 → 0.8 ms,
 * serialization 1.6 → 1.1 ms (docs/performance.md).
 *
 * graphql-js stays the reference and runs whenever the compiled form could answer differently:
 * - a document's first runs (see `interpretedRuns`), so one-off documents cost no compilation;
 * - a document graphql-jit cannot compile (it refuses some shapes, and a very deep argument
 *   literal exhausts its recursion);
 * - variables that graphql-js refuses: its messages are the contract (DESIGN 6, and
 *   `useVariableErrorCodes` reads them), so those requests go to graphql-js to be refused;
 * - every answer that carries an error: graphql-jit's errors have no AST nodes (so no
 *   `locations` once an error is rebuilt) and it orders `data` before `errors`. Such an answer is
 *   discarded and graphql-js makes it again. Within one request identical pipelines run once and
 *   loaders keep their results, so this costs the resolvers' own work, not the store's.
 *
 * Resolvers, field wrappers (`usePipelineFields`) and `resolveType` are the schema's own, so
 * every answer's data and resolver errors are the same; the contract tests run both executors
 * (test/graphql/compiled-execution.test.ts). Installed early: plugins after it (the response
 * cache) wrap the executor it sets.
 */
export function useCompiledExecution(options: CompiledExecutionOptions = {}): Plugin {
  const { interpretedRuns = 1, onRun } = options;
  // Keyed by the parsed document: Yoga's parser cache hands the same object for the same text,
  // and an evicted document takes its compiled form with it.
  const compilations = new WeakMap<DocumentNode, Map<string, Compilation>>();

  const compilationOf = (args: ExecutionArgs): Compilation => {
    let byOperation = compilations.get(args.document);
    if (!byOperation) compilations.set(args.document, (byOperation = new Map()));
    const operationName = args.operationName ?? '';
    let state = byOperation.get(operationName);
    if (!state) byOperation.set(operationName, (state = { runs: 0 }));
    if ('runs' in state && state.runs >= interpretedRuns) {
      state = { compiled: compile(args.schema, args.document, args.operationName ?? undefined) };
      byOperation.set(operationName, state);
    }
    return state;
  };

  return {
    onExecute({ executeFn, setExecuteFn }) {
      const interpreted = executeFn;
      setExecuteFn((args) => {
        const state = compilationOf(args);
        if ('runs' in state) state.runs += 1;
        const compiled = 'compiled' in state ? state.compiled : null;
        if (!compiled || !variablesAccepted(args, compiled.variables)) {
          onRun?.('interpreted');
          return interpreted(args);
        }
        return handleMaybePromise(
          () => compiled.query.query(args.rootValue, args.contextValue, args.variableValues ?? {}),
          (result) => {
            // An answer with errors is made again by graphql-js (see above): the request's
            // pipelines and loaders are shared within it, so this re-runs no pipeline.
            onRun?.(result.errors?.length ? 'reinterpreted' : 'compiled');
            return result.errors?.length ? interpreted(args) : result;
          },
          // Compiled code that throws (a graphql-jit bug, not a resolver error, which it returns
          // as an answer) must not reach the masked "Unexpected error.": graphql-js answers.
          () => {
            onRun?.('reinterpreted');
            return interpreted(args);
          },
        );
      });
    },
  };
}

function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Compiled | null {
  try {
    const query = compileQuery(schema, document, operationName);
    if (!isCompiledQuery(query)) return null;
    return { query, variables: getOperationAST(document, operationName)?.variableDefinitions ?? [] };
  } catch {
    // Its own recursion limits (a deep literal): graphql-js answers this one.
    return null;
  }
}

/** Whether graphql-js accepts the request's variables (no variables: yes). */
function variablesAccepted(args: ExecutionArgs, definitions: readonly VariableDefinitionNode[]): boolean {
  return definitions.length === 0 || !getVariableValues(args.schema, definitions, args.variableValues ?? {}, { maxErrors: 1 }).errors;
}
