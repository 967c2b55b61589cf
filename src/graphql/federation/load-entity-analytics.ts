import DataLoader from 'dataloader';
import {
  CALL_ANALYTICS,
  MAX_ENTITY_KEYS_PER_PIPELINE,
  normalizeEntityRange,
  type EntityAnalyticsArgs,
  type EntityCallAnalytics,
  type EntityKind,
} from '../../analytics/families/entity-analytics.ts';
import type { TimeRange } from '../../analytics/query/scope.ts';
import type { GraphQLContext } from '../context.ts';
import { requestLoader } from './request-loader.ts';
import { currentField, runInField, type PipelineField } from '../../observability/pipeline-scope.ts';

/**
 * `callAnalytics` of one entity. Every load of one request with the same entity kind and the
 * same (normalised) range joins one batch, so all references of an `_entities` call are
 * answered by ONE aggregation: the keys as an `$in`, grouped by key.
 */
export function loadEntityAnalytics(
  context: GraphQLContext,
  request: { entity: EntityKind; key: string; args: EntityAnalyticsArgs },
): Promise<EntityCallAnalytics> {
  // Validated here, so a reversed range fails on its own field before anything is batched.
  const range = normalizeEntityRange(request.args, context.now);
  const batching = requestLoader({
    context,
    name: `entity-analytics:${request.entity}:${range.from.toISOString()}/${range.to.toISOString()}`,
    create: () => {
      const state: FieldBatchingLoader = {
        batchField: undefined,
        // At most 1,000 keys per `$in`: a larger batch is split into several pipelines.
        loader: new DataLoader<string, EntityCallAnalytics, string>(
          (keys) => {
            // A batch runs after the resolvers that filled it: it runs for the first of them.
            const field = state.batchField;
            state.batchField = undefined;
            return runInField(field, () => analyticsOf({ context, entity: request.entity, range, keys }));
          },
          { maxBatchSize: MAX_ENTITY_KEYS_PER_PIPELINE },
        ),
      };
      return state;
    },
  });
  batching.batchField ??= currentField();
  return batching.loader.load(request.key);
}

/** A loader and the field that started its pending batch (the field its pipeline runs for). */
interface FieldBatchingLoader {
  batchField: PipelineField | undefined;
  readonly loader: DataLoader<string, EntityCallAnalytics, string>;
}

/** One batch: one pipeline through `CALL_ANALYTICS` and the request's shared `aggregate`. */
function analyticsOf(options: {
  context: GraphQLContext;
  entity: EntityKind;
  range: TimeRange;
  keys: readonly string[];
}): Promise<EntityCallAnalytics[]> {
  const { context, entity, range, keys } = options;
  return context.run(CALL_ANALYTICS, { entity, keys, startDate: range.from, endDate: range.to });
}
