import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { countRefusal } from '../../observability/metrics.ts';
import { createCachedOperationCost } from '../cost/cached-operation-cost.ts';
import { operationLimitError } from './use-operation-limits.ts';

/** The default cost budget of one operation: a 20-panel dashboard fits, 500 aliased reports do not. */
export const DEFAULT_COST_BUDGET = 10_000;

/**
 * Estimates each operation's cost before it executes (`operationCost`: the schema's
 * `@cost`/`@listSize` refined by argument values) and refuses one over `budget` with
 * `OPERATION_LIMIT` (`limit: "cost"`), HTTP 400, before any pipeline runs. Because every list
 * costs its size, the budget also bounds the rows one operation can return. Every answer
 * reports `extensions.cost: { estimated, max }`.
 */
export function useCostLimit(options: { budget: number } = { budget: DEFAULT_COST_BUDGET }): Plugin {
  const max = options.budget;
  // One cache per gateway: a document belongs to the schema it was validated against.
  const estimate = createCachedOperationCost();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const estimated = estimate({
        schema: args.schema,
        document: args.document,
        operationName: args.operationName,
        variables: args.variableValues as Record<string, unknown> | undefined,
      });
      if (estimated === undefined) return;
      const cost = { estimated, max };
      if (estimated > max) {
        countRefusal('cost');
        setResultAndStopExecution({ errors: [operationLimitError('cost', estimated, max)], extensions: { cost } });
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (!isExecutionResult(result)) return;
          setResult({ ...result, extensions: { ...result.extensions, cost } });
        },
      };
    },
  };
}

function isExecutionResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && !(Symbol.asyncIterator in value);
}
