import type { ScopedPipeline } from '../../contract/pipeline.ts';
import type { CallQuery, GroupSpec, SortKey } from './call-query.ts';
import { combineConditions } from './conditions.ts';
import type { Expression, Stage } from './expression.ts';
import { perDocumentStages } from './per-document.ts';
import { scopeCondition, userFilter } from './scope.ts';

/**
 * The one query core: scope + filters (one leading `$match`, so an index bounds the scan) →
 * grouping levels → derived values → sort → page → projection, optionally beside side facets
 * over the same rows. Every field family compiles through here, so the tenant scope is always
 * the first `$match` and every sort has a deterministic tie-break. The result is branded
 * `ScopedPipeline`: the only pipeline type a store accepts.
 */
export function compileCallQuery(query: CallQuery): ScopedPipeline {
  const scope = scopeCondition({
    principal: query.principal,
    allTenants: query.allTenants,
    range: query.range,
    comparisonRange: query.comparisonRange,
    users: query.users,
    collection: query.collection,
  });
  // The `userId` argument is a filter like the others; a scope-only query applies none.
  const where = query.scopeOnly ? [] : [userFilter(query.users), ...(query.where ?? [])];
  const stages: Stage[] = [{ $match: combineConditions([scope, ...where]) }];
  const [firstGroup, ...laterGroups] = query.groups ?? [];
  const perDocument = perDocumentStages(query.perDocument, firstGroup);
  stages.push(...perDocument.stages);
  for (const group of perDocument.group ? [perDocument.group, ...laterGroups] : []) stages.push(...groupStages(group));

  const lastGroup = query.rowGroups?.at(-1) ?? query.groups?.at(-1);
  const rowStages: Stage[] = (query.rowGroups ?? []).flatMap(groupStages);
  const { sortFields, sortValues } = sortTargets(query.sort);
  const derive = { ...query.derive, ...sortValues };
  if (Object.keys(derive).length) rowStages.push({ $addFields: derive });
  if (query.rowFilter) rowStages.push({ $match: query.rowFilter });
  if (query.seek) rowStages.push({ $match: query.seek });
  // The rows as they reach the sort: what a row count counts (derived sort values aside).
  const countStages: Stage[] = [
    ...(query.rowGroups ?? []).flatMap(groupStages),
    ...(query.rowFilter && query.derive && Object.keys(query.derive).length ? [{ $addFields: query.derive }] : []),
    ...(query.rowFilter ? [{ $match: query.rowFilter }] : []),
    ...COUNT_FACET,
  ];
  const sort = sortStage(sortFields, lastGroup);
  if (sort) rowStages.push(sort);
  if (query.skip) rowStages.push({ $skip: query.skip });
  if (query.limit !== undefined) rowStages.push({ $limit: query.limit });
  if (query.project) rowStages.push({ $project: query.project });

  if (query.facets) {
    if (query.withoutRows && rowStages.length) throw new Error('a query without rows cannot shape rows');
    const facets = query.countRows ? { ...query.facets, count: countStages } : query.facets;
    const branches = query.withoutRows ? { ...facets } : { rows: rowStages, ...facets };
    stages.push({ $facet: branches as unknown as Expression });
  } else {
    stages.push(...rowStages);
  }
  return stages as ScopedPipeline;
}

/**
 * Each sort key as the field the `$sort` names: a field path sorts on its field; a computed
 * key becomes a derived `sortValue` (`sortValue2`, … for further ones) added before the sort.
 */
function sortTargets(keys: readonly SortKey[] | undefined): {
  sortFields: { field: string; direction: 1 | -1 }[];
  sortValues: Record<string, Expression>;
} {
  const sortFields: { field: string; direction: 1 | -1 }[] = [];
  const sortValues: Record<string, Expression> = {};
  for (const key of keys ?? []) {
    if (typeof key.by === 'string' && key.by.startsWith('$')) {
      sortFields.push({ field: key.by.slice(1), direction: key.direction });
      continue;
    }
    const count = Object.keys(sortValues).length;
    const field = count === 0 ? 'sortValue' : `sortValue${count + 1}`;
    sortValues[field] = key.by;
    sortFields.push({ field, direction: key.direction });
  }
  return { sortFields, sortValues };
}

/** The stages of one grouping level: its window stage (if any), then its `$group`. */
export function groupStages(group: GroupSpec): Stage[] {
  const keys = Object.keys(group.by);
  const stage: Stage = { $group: { _id: keys.length ? group.by : null, ...group.accumulate } };
  return group.window ? [group.window, stage] : [stage];
}

/**
 * The requested keys followed by every group-key part ascending (grouped rows), or `_id`
 * (document rows), so equal sort values always come out in one order on both engines.
 */
function sortStage(keys: readonly { field: string; direction: 1 | -1 }[], lastGroup: GroupSpec | undefined): Stage | null {
  if (!keys.length) return null;
  const spec: Record<string, 1 | -1> = {};
  for (const key of keys) if (!(key.field in spec)) spec[key.field] = key.direction;
  const tieBreaks = lastGroup ? Object.keys(lastGroup.by).map((part) => `_id.${part}`) : ['_id'];
  if (lastGroup && tieBreaks.length === 0) return Object.keys(spec).length ? { $sort: spec } : null;
  for (const field of tieBreaks) if (!(field in spec)) spec[field] = 1;
  return { $sort: spec };
}

/** Reads the single document a `$facet` pipeline returns. An empty `$count` means 0. */
export function readFacets<Row>(result: readonly Record<string, unknown>[]): {
  rows: Row[];
  count: number;
  facet: (name: string) => Record<string, unknown>[];
} {
  const doc = (result[0] ?? {}) as Record<string, Record<string, unknown>[] | undefined>;
  const countDoc = doc.count?.[0];
  return {
    rows: (doc.rows ?? []) as Row[],
    count: typeof countDoc?.n === 'number' ? countDoc.n : 0,
    facet: (name) => doc[name] ?? [],
  };
}

/** The `$count` side facet: number of rows before skip/limit. */
export const COUNT_FACET: readonly Stage[] = [{ $count: 'n' }];
