import { callListQuery, shapeCallList } from '../../analytics/families/dialer/call-list.ts';
import type { CallSearchArgs } from '../../analytics/families/dialer/call-search.ts';
import { callStatsQuery, shapeCallStats } from '../../analytics/families/dialer/call-stats.ts';
import type { VocabularyPart } from '../../analytics/families/dialer/call-vocabulary.ts';
import { compileCallQuery } from '../../analytics/query/compile-call-query.ts';
import { costDirectives } from '../cost/field-costs.ts';
import { builder } from '../builder.ts';
import { dayString } from '../day-string.ts';
import { SortDirectionEnum } from '../enums.ts';
import { selectedFieldNames } from '../selection.ts';
import { CallListRef, CallSearchInput, CallSortFieldEnum, DateIntervalEnum, DetailedCallStatsRef } from './dialer-types.ts';

type CallSearchInputShape = typeof CallSearchInput.$inferInput;

const VOCABULARY_PARTS: readonly VocabularyPart[] = ['tags', 'outcomes', 'projects'];
const BOUND_FIELDS = ['minTalkTime', 'maxTalkTime', 'minAnswerTime', 'maxAnswerTime'];

/** GraphQL input → the analytics search: days as `YYYY-MM-DD`, IDs as strings. */
function toSearchArgs(input: CallSearchInputShape): CallSearchArgs {
  const ids = (values: readonly (string | number)[] | null | undefined) => values?.map(String) ?? null;
  return {
    ...input,
    dayFrom: dayString(input.dayFrom) as string,
    dayTo: dayString(input.dayTo) as string,
    agentIds: ids(input.agentIds),
    teamIds: ids(input.teamIds),
    uniqueIds: ids(input.uniqueIds),
    projectIds: ids(input.projectIds),
    userId: input.userId == null ? null : String(input.userId),
  };
}

builder.queryFields((t) => ({
  calls: t.field({
    description: 'Dialer calls matching a search, sorted and paged, with the filter choices present in the tenant’s calls.',
    directives: costDirectives('Query.calls'),
    type: CallListRef,
    args: {
      search: t.arg({ type: CallSearchInput, required: true }),
      page: t.arg.int({ required: false, defaultValue: 1, description: '1 or more; past the last page is an empty page.' }),
      itemsPerPage: t.arg.int({ required: false, defaultValue: 100, description: '1–1000.' }),
      sortBy: t.arg({ type: CallSortFieldEnum, required: false, defaultValue: 'TIMESTAMP' }),
      sortDirection: t.arg({ type: SortDirectionEnum, required: false, defaultValue: 'DESC' }),
    },
    resolve: async (_root, args, context, info) => {
      const selected = selectedFieldNames(info, []);
      const { queries, plan } = callListQuery({
        principal: context.principal,
        now: context.now,
        // An explicit null means the documented default, as for an omitted argument.
        args: {
          page: args.page ?? 1,
          itemsPerPage: args.itemsPerPage ?? 100,
          sortBy: args.sortBy ?? 'TIMESTAMP',
          sortDirection: args.sortDirection ?? 'DESC',
          search: toSearchArgs(args.search),
        },
        vocabulary: new Set(VOCABULARY_PARTS.filter((part) => selected.has(part))),
        fields: selectedFieldNames(info, ['calls']),
        bounds: BOUND_FIELDS.some((field) => selected.has(field)),
      });
      // Three pipelines, each on its own index (see docs/mongodb.md), run side by side.
      const [page, count, choices] = await Promise.all([
        context.aggregate(compileCallQuery(queries.page)),
        context.aggregate(compileCallQuery(queries.count)),
        queries.choices ? context.aggregate(compileCallQuery(queries.choices)) : null,
      ]);
      return shapeCallList({ page, count, choices }, plan);
    },
  }),
  callStats: t.field({
    description: 'Detailed statistics (all, inbound, outbound, internal) of the calls a search matches.',
    directives: costDirectives('Query.callStats'),
    type: DetailedCallStatsRef,
    args: {
      search: t.arg({ type: CallSearchInput, required: true }),
      dateInterval: t.arg({
        type: DateIntervalEnum,
        required: false,
        description: 'Also fill `intervals`: one entry per local bucket of the searched days (search time zone, empty ones included).',
      }),
    },
    resolve: async (_root, args, context, info) => {
      const { query, plan } = callStatsQuery({
        principal: context.principal,
        now: context.now,
        search: toSearchArgs(args.search),
        // Buckets cost work only when the answer shows them.
        dateInterval: selectedFieldNames(info, []).has('intervals') ? args.dateInterval : null,
      });
      return shapeCallStats(await context.aggregate(compileCallQuery(query)), plan);
    },
  }),
}));
