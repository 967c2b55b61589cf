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
  const loader = requestLoader({
    context,
    name: `entity-analytics:${request.entity}:${range.from.toISOString()}/${range.to.toISOString()}`,
    create: () =>
      // At most 1,000 keys per `$in`: a larger batch is split into several pipelines.
      new DataLoader<string, EntityCallAnalytics, string>((keys) => analyticsOf({ context, entity: request.entity, range, keys }), {
        maxBatchSize: MAX_ENTITY_KEYS_PER_PIPELINE,
      }),
  });
  return loader.load(request.key);
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
