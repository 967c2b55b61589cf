import type { CallQuery, SortKey } from '../../query/call-query.ts';
import { readFacets } from '../../query/compile-call-query.ts';
import type { NamedRows, Operation } from '../../operation.ts';
import { MAX_PAGE_SIZE, normalizePage } from '../../query/page.ts';
import type { Accumulator } from '../../query/expression.ts';
import type { Principal } from '../../../contract/principal.ts';
import { SORT_DIRECTION, type SortOrder } from '../../registry/enums.ts';
import { num, PARTIALS } from '../../registry/partials.ts';
import { normalizeCallSearch, toCallSearchArgs, type CallSearchArgs, type CallSearchInput } from './call-search.ts';
import {
  accountVocabularyQuery,
  mergeVocabulary,
  readAccountVocabulary,
  shapeVocabulary,
  VOCABULARY_PARTS,
  vocabularyFacets,
  type AccountVocabulary,
  type CallVocabulary,
  type VocabularyPart,
} from './call-vocabulary.ts';
import { CALL_RECORD_FIELDS, callRecordProjection, type ProjectedCall } from './call-record.ts';

export const MAX_ITEMS_PER_PAGE = MAX_PAGE_SIZE;

/**
 * What each `CallSortField` sorts by: stored fields only, so a declared index (equality
 * `tenant_id`, then these keys, see store/mongo/indexes.ts) returns the calls already in order
 * and no page is sorted in memory. Ties break on the start time, then the id, in the same
 * direction, which is the index's own order read forwards or backwards. A call without a talk
 * or answer time sorts as the stored value it has: missing (and null) below every number, so
 * first ascending and last descending, on MongoDB and on the embedded engine alike (the
 * filters and the min/max still read it as 0).
 */
export const CALL_SORT_KEYS = {
  TIMESTAMP: ['started_at', '_id'],
  TALK_TIME: ['talk_time_sec', 'started_at', '_id'],
  ANSWER_TIME: ['answer_time_sec', 'started_at', '_id'],
} as const satisfies Record<string, readonly string[]>;

export type CallSortField = keyof typeof CALL_SORT_KEYS;
export const CALL_SORT_FIELDS = Object.keys(CALL_SORT_KEYS) as CallSortField[];

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

/** The list's three pipelines (see `callListQuery`). */
export interface CallListQueries {
  /** The page: every filter in the leading `$match`, an index's order, skip/limit, the projection. */
  page: CallQuery;
  /** The number of matching calls, plus the timing bounds when selected. */
  count: CallQuery;
  /**
   * The filter choices present in the tenant's calls of the searched days, for the parts asked
   * (`vocabulary`); null when none is. The account vocabulary is read before (see `CALL_LIST`).
   */
  choices: CallQuery | null;
}

/** Their rows, as the store returned them. */
export interface CallListRows {
  page: readonly Record<string, unknown>[];
  count: readonly Record<string, unknown>[];
  choices: readonly Record<string, unknown>[] | null;
}

/**
 * `calls` as three presets of the query core, run side by side:
 * - the page: scope and every search condition in the leading `$match` (so MongoDB bounds the
 *   index scan with them and a sharded cluster targets the tenant's shards), the sort of
 *   `SORT_FIELDS`, skip/limit and the projection of the selected record fields;
 * - the count of matching calls: the same `$match` and one `$group` that reads no field, so an
 *   index holding the matched fields answers it without fetching documents; the timing bounds
 *   are added only when selected (then the documents are read);
 * - the choices (tags/outcomes/projects present in the tenant's calls of the days searched,
 *   whatever else is searched), only when selected: they depend on tenant and days alone.
 */
export function callListQuery(options: {
  principal: Principal;
  args: CallListArgs;
  /** Which of tags/outcomes/projects the request selects. */
  vocabulary: ReadonlySet<VocabularyPart>;
  /** The `Call` fields the request selects: the page projects only what they read. */
  fields: Iterable<string>;
  /** Whether any of min/maxTalkTime, min/maxAnswerTime is selected. @default true */
  bounds?: boolean;
  now: Date;
}): { queries: CallListQueries; plan: CallListPlan } {
  const { principal, args, vocabulary, fields, now, bounds = true } = options;
  const { page, pageSize } = normalizePage({
    page: { value: args.page, argument: 'page' },
    size: { value: args.itemsPerPage, argument: 'itemsPerPage' },
    maxSize: MAX_ITEMS_PER_PAGE,
  });
  const search = normalizeCallSearch({ search: args.search, now });
  const direction = SORT_DIRECTION[args.sortDirection];
  const filtered = { principal, range: search.range, users: search.users, where: search.where };
  const counted: Record<string, Accumulator> = { calls: PARTIALS.calls };
  if (bounds) {
    Object.assign(counted, {
      talkTimeMin: PARTIALS.talkTimeMin,
      talkTimeMax: PARTIALS.talkTimeMax,
      answerTimeMin: PARTIALS.answerTimeMin,
      answerTimeMax: PARTIALS.answerTimeMax,
    });
  }
  const choices = vocabularyFacets(vocabulary);
  return {
    queries: {
      page: {
        ...filtered,
        sort: CALL_SORT_KEYS[args.sortBy].map((field): SortKey => ({ by: `$${field}`, direction })),
        skip: (page - 1) * pageSize,
        limit: pageSize,
        project: callRecordProjection(fields),
      },
      count: { ...filtered, groups: [{ by: {}, accumulate: counted }] },
      // The scope alone (tenant, the key's user, days): no search filter, not even `userId`.
      choices: Object.keys(choices).length ? { principal, range: search.range, users: search.users, scopeOnly: true, facets: choices, withoutRows: true } : null,
    },
    plan: { page, itemsPerPage: pageSize, timezone: search.zone },
  };
}

/**
 * Turns the three results into the page, the paging numbers, the bounds and the vocabulary:
 * the account's (`account`, when read) for the kinds it defined, the observed choices for the rest.
 */
export function shapeCallList(result: CallListRows, plan: CallListPlan, account: AccountVocabulary | null = null): CallList {
  // No matching call means no count row: 0 items and no bounds.
  const summary = result.count[0] ?? {};
  const totalItems = num(summary.calls);
  const bound = (name: string): number | null => (typeof summary[name] === 'number' ? (summary[name] as number) : null);
  return {
    calls: [...result.page],
    page: plan.page,
    pagesCount: Math.ceil(totalItems / plan.itemsPerPage),
    totalItems,
    minTalkTime: bound('talkTimeMin'),
    maxTalkTime: bound('talkTimeMax'),
    minAnswerTime: bound('answerTimeMin'),
    maxAnswerTime: bound('answerTimeMax'),
    timezone: plan.timezone,
    ...mergeVocabulary(account, shapeVocabulary(readFacets(result.choices ?? []).facet)),
  };
}

/** `calls(…)` arguments as a client sends them; null or absent take the documented defaults. */
export interface CallListInput {
  search: CallSearchInput;
  /** @default 1 */
  page?: number | null;
  /** @default 100 */
  itemsPerPage?: number | null;
  /** @default 'TIMESTAMP' */
  sortBy?: CallSortField | null;
  /** @default 'DESC' */
  sortDirection?: SortOrder | null;
  /**
   * Which filter vocabularies (tags, outcomes, projects) to list beside the page; GraphQL passes
   * the ones the request selects. @default every part
   */
  vocabulary?: readonly VocabularyPart[] | null;
  /** The `Call` fields to read (the page projects only what they need). @default every field */
  fields?: readonly string[] | null;
  /** Whether to compute the talk/answer time bounds. @default true */
  bounds?: boolean | null;
}

/**
 * The dialer's call list (DESIGN 5.4): one sorted page, its count and bounds, the vocabularies.
 * When tags, outcomes or projects are selected, the account vocabulary (DESIGN 2.4) is read
 * first (one small indexed read); then the page, the count and the observed choices of only
 * the kinds the account defined nothing of run side by side, each on its own index (see
 * docs/mongodb.md). An account that defines every selected kind costs no choices scan at all.
 */
export const CALL_LIST: Operation<CallListInput, CallList> = {
  name: 'calls',
  plan: (input, env) => {
    const parts = new Set(input.vocabulary ?? VOCABULARY_PARTS);
    const list = (observed: ReadonlySet<VocabularyPart>) =>
      callListQuery({
        principal: env.principal,
        now: env.now,
        args: {
          page: input.page ?? 1,
          itemsPerPage: input.itemsPerPage ?? 100,
          sortBy: input.sortBy ?? 'TIMESTAMP',
          sortDirection: input.sortDirection ?? 'DESC',
          search: toCallSearchArgs(input.search),
        },
        vocabulary: observed,
        fields: input.fields ?? CALL_RECORD_FIELDS,
        bounds: input.bounds ?? true,
      });
    // Planned in full first, so a bad argument is refused before anything runs.
    const everything = list(parts);
    const rest = ({ queries, plan }: ReturnType<typeof list>, account: AccountVocabulary | null) => ({
      queries: { ...queries },
      shape: (rows: NamedRows) => shapeCallList({ page: rows.page ?? [], count: rows.count ?? [], choices: rows.choices }, plan, account),
    });
    if (parts.size === 0) return rest(everything, null);
    return {
      queries: { vocabulary: accountVocabularyQuery(env.principal, parts) },
      next: (rows: NamedRows) => {
        const account = readAccountVocabulary(rows.vocabulary ?? []);
        const observed = new Set([...parts].filter((part) => !account.defined.has(part)));
        return rest(observed.size === parts.size ? everything : list(observed), account);
      },
    };
  },
};
