import { EJSON } from 'bson';
import type { Plugin } from 'graphql-yoga';
import type { CallStore, PlanSummary } from '../../store/call-store.ts';
import type { GraphQLContext } from '../context.ts';

/** The request header that asks for `extensions.explain`. */
export const EXPLAIN_HEADER = 'x-dialgraph-explain';

/** One pipeline the request ran, as `extensions.explain` reports it. */
export interface ExplainEntry {
  /** Response path of the field that ran it, e.g. `groupedCalls` or `_entities.0.callAnalytics`. */
  path: string | null;
  engine: CallStore['engine'];
  /** The collection, when not `calls` (`call_vocabularies`: the list's account vocabulary). */
  collection?: string;
  /** The pipeline exactly as the store received it, in relaxed Extended JSON (paste it into mongosh). */
  pipeline: unknown[];
  ms: number;
  rows: number;
  /** MongoDB only: the winning plan's indexes and what it examined. */
  plan?: PlanSummary;
  /** MongoDB only, when the server would not explain the pipeline: why. */
  planError?: string;
}

/**
 * With `x-dialgraph-explain: 1`, the response carries `extensions.explain`: one entry per
 * pipeline the request ran (shared pipelines once). Every entry comes from this request's own
 * store calls, whose pipelines the compiler scoped to the caller, so explain shows nothing the
 * caller's key could not ask for. On MongoDB each entry also gets the plan summary, which runs
 * the pipeline once more under `explain("executionStats")`: explain is for looking, not for
 * production traffic. Without the header this plugin does nothing.
 */
export function useExplain(options: { store: CallStore }): Plugin<GraphQLContext> {
  const { store } = options;
  return {
    onExecute({ args }) {
      const context = args.contextValue as GraphQLContext & { request?: Request };
      if (context.request?.headers.get(EXPLAIN_HEADER) !== '1') return;
      return {
        async onExecuteDone({ result, setResult }) {
          if (!('data' in result) && !('errors' in result)) return;
          const entries: ExplainEntry[] = await Promise.all(
            context.storeCalls.map(async (call) => ({
              path: call.fieldPath ?? null,
              engine: call.engine,
              ...(call.collection ? { collection: call.collection } : {}),
              pipeline: EJSON.serialize(call.pipeline, { relaxed: true }) as unknown[],
              ms: Math.round(call.ms * 100) / 100,
              rows: call.rows,
              ...(store.explain ? await planOf(store.explain.bind(store), call.pipeline, call.collection) : {}),
            })),
          );
          setResult({ ...result, extensions: { ...result.extensions, explain: entries } });
        },
      };
    },
  };
}

/** A plan that cannot be had (the server refused explain) leaves the entry without a plan, not the answer without data. */
async function planOf(
  explain: NonNullable<CallStore['explain']>,
  pipeline: ExplainablePipeline,
  collection: ExplainOptions['collection'],
): Promise<Pick<ExplainEntry, 'plan' | 'planError'>> {
  try {
    return { plan: await explain(pipeline, collection ? { collection } : undefined) };
  } catch (error) {
    return { planError: String((error as Error)?.message ?? error).slice(0, 200) };
  }
}

type ExplainablePipeline = Parameters<NonNullable<CallStore['explain']>>[0];
type ExplainOptions = NonNullable<Parameters<NonNullable<CallStore['explain']>>[1]>;
