import { UserInputError } from '../../errors.ts';
import type { CallQuery, SortKey } from '../../query/call-query.ts';
import { readFacets } from '../../query/compile-call-query.ts';
import type { Expression, Stage } from '../../query/expression.ts';
import type { Principal } from '../../../contract/principal.ts';
import { SORT_DIRECTION, type SortOrder } from '../../registry/enums.ts';
import { num, PARTIALS } from '../../registry/partials.ts';
import { callRecordProjection, type ProjectedCall } from './call-record.ts';
import { normalizeCallSearch, type CallSearchArgs } from './call-search.ts';
import { shapeVocabulary, vocabularyFacets, type CallVocabulary, type VocabularyPart } from './call-vocabulary.ts';

export const MAX_ITEMS_PER_PAGE = 1000;

/**
 * What each `CallSortField` sorts by. Talk and answer times sort on a derived value in which a
 * missing time is 0 (both engines agree on that, and it is how the filters and min/max read
 * it); the id breaks ties ascending.
 */
const SORT_FIELDS = {
  TIMESTAMP: { field: 'started_at' },
  TALK_TIME: { derive: { $ifNull: ['$talk_time_sec', 0] } },
  ANSWER_TIME: { derive: { $ifNull: ['$answer_time_sec', 0] } },
} as const satisfies Record<string, { field: string } | { derive: Expression }>;

export type CallSortField = keyof typeof SORT_FIELDS;
export const CALL_SORT_FIELDS = Object.keys(SORT_FIELDS) as CallSortField[];

export interface CallListArgs {
  search: CallSearchArgs;
  page: number;
  itemsPerPage: number;
  sortBy: CallSortField;
  sortDirection: SortOrder;
}

/** What shaping needs from compilation. */
export interface CallListPlan {
  page: number;
  itemsPerPage: number;
  timezone: string;
}

export interface CallList extends CallVocabulary {
  /** The page, each call projected to the selected record fields' sources (see `CALL_RECORD`). */
  calls: ProjectedCall[];
  page: number;
  pagesCount: number;
  totalItems: number;
  minTalkTime: number | null;
  maxTalkTime: number | null;
  minAnswerTime: number | null;
  maxAnswerTime: number | null;
  timezone: string;
}

/** Count and timing bounds of every matching call, in one group beside the page. */
const SUMMARY_FACET: readonly Stage[] = [
  {
    $group: {
      _id: null,
      calls: PARTIALS.calls,
      talkTimeMin: PARTIALS.talkTimeMin,
      talkTimeMax: PARTIALS.talkTimeMax,
      answerTimeMin: PARTIALS.answerTimeMin,
      answerTimeMax: PARTIALS.answerTimeMax,
    },
  },
];

/**
 * `calls` as a preset of the query core: the shared search conditions, a sort with the id as
 * tie-break, one page projected to the stored fields of the selected record fields, beside a summary facet (count and
 * timing bounds of all matching calls) and, only when selected, the vocabulary scope facets.
 */
export function callListQuery(options: {
  principal: Principal;
  args: CallListArgs;
  /** Which of tags/outcomes/projects the request selects. */
  vocabulary: ReadonlySet<VocabularyPart>;
  /** The `Call` fields the request selects: the page projects only what they read. */
  fields: Iterable<string>;
  now: Date;
}): { query: CallQuery; plan: CallListPlan } {
  const { principal, args, vocabulary, fields, now } = options;
  if (!Number.isInteger(args.page) || args.page < 1) {
    throw new UserInputError('page', `page must be 1 or more, got ${args.page}`);
  }
  if (!Number.isInteger(args.itemsPerPage) || args.itemsPerPage < 1 || args.itemsPerPage > MAX_ITEMS_PER_PAGE) {
    throw new UserInputError('itemsPerPage', `itemsPerPage must be between 1 and ${MAX_ITEMS_PER_PAGE}, got ${args.itemsPerPage}`);
  }
  const search = normalizeCallSearch({ search: args.search, now });
  const { sort, derive } = sortFor(args.sortBy, SORT_DIRECTION[args.sortDirection]);
  return {
    query: {
      principal,
      range: search.range,
      users: search.users,
      where: search.where,
      derive,
      sort,
      skip: (args.page - 1) * args.itemsPerPage,
      limit: args.itemsPerPage,
      project: callRecordProjection(fields),
      facets: { summary: SUMMARY_FACET },
      scopeFacets: vocabularyFacets(vocabulary),
    },
    plan: { page: args.page, itemsPerPage: args.itemsPerPage, timezone: search.zone },
  };
}

/** Turns the facet document into the page, the paging numbers, the bounds and the vocabulary. */
export function shapeCallList(result: readonly Record<string, unknown>[], plan: CallListPlan): CallList {
  const { rows, facet } = readFacets<Record<string, unknown>>(result);
  // No matching call means no summary row: 0 items and no bounds.
  const summary = facet('summary')[0] ?? {};
  const totalItems = num(summary.calls);
  const bound = (name: string): number | null => (typeof summary[name] === 'number' ? (summary[name] as number) : null);
  return {
    calls: rows,
    page: plan.page,
    pagesCount: Math.ceil(totalItems / plan.itemsPerPage),
    totalItems,
    minTalkTime: bound('talkTimeMin'),
    maxTalkTime: bound('talkTimeMax'),
    minAnswerTime: bound('answerTimeMin'),
    maxAnswerTime: bound('answerTimeMax'),
    timezone: plan.timezone,
    ...shapeVocabulary(facet),
  };
}

function sortFor(sortBy: CallSortField, direction: 1 | -1): { sort: SortKey[]; derive?: Record<string, Expression> } {
  const target: { field: string } | { derive: Expression } = SORT_FIELDS[sortBy];
  if ('field' in target) return { sort: [{ field: target.field, direction }] };
  return { sort: [{ field: 'sortValue', direction }], derive: { sortValue: target.derive } };
}
