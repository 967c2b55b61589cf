import type { Accumulator, Condition, Expression, Stage } from './expression.ts';
import type { QueryCollection } from '../../contract/collections.ts';
import type { Principal } from '../../contract/principal.ts';
import type { TimeRange, UserView } from './scope.ts';

/** One grouping level: named key expressions and named accumulators. */
export interface GroupSpec {
  /** Group key parts by name; none means one group over every input row (`_id: null`). */
  by: Record<string, Expression>;
  accumulate: Record<string, Accumulator>;
  /**
   * A `$setWindowFields` stage run on this level's input rows just before it groups them
   * (the running counts percentiles are picked from, see query/percentile-levels.ts).
   */
  window?: Stage;
}

export interface SortKey {
  /**
   * What to sort by, as an expression over the rows being sorted: a field path (`'$calls'`,
   * `'$_id.status'`, `'$started_at'`) sorts on that field; anything else (`{ $ifNull: … }`) is
   * computed into a `sortValue` field first.
   */
  by: Expression;
  direction: 1 | -1;
}

/**
 * What every field family asks the query core for. Families are presets that fill this in;
 * `compileCallQuery` turns it into the one pipeline both engines run.
 */
export interface CallQuery {
  principal: Principal;
  /**
   * What the pipeline runs over. @default 'calls'. `call_vocabularies` (the account's own tags,
   * outcomes and projects, DESIGN 2.4) belong to the account: the scope stage scopes them by
   * tenant alone, so `range` and `users` do not apply to them.
   */
  collection?: QueryCollection;
  /** Span every tenant: only a super-admin may ask (enforced by the compiler). */
  allTenants?: boolean;
  /** The users the request asks for; the scope checks it against the key (user-bound keys). */
  users?: UserView;
  /** Inclusive range on `started_at`, part of the leading `$match`. */
  range?: TimeRange;
  /**
   * A second inclusive range the scope also matches (a compared report's comparison range);
   * rows tell the two apart themselves (see families/grouped-compare.ts).
   */
  comparisonRange?: TimeRange;
  /** Conditions AND-ed after the scope; nulls are skipped. */
  where?: readonly (Condition | null | undefined)[];
  /**
   * Values computed once per call for the first grouping level, which reads each as `'$name'`
   * (the local time that several time keys share): one `$addFields` after the leading `$match`
   * for values read more than once, inlined where read once (see per-document.ts).
   */
  perDocument?: Record<string, Expression>;
  /** Grouping levels applied in order; a later level groups the rows of the one before. */
  groups?: readonly GroupSpec[];
  /**
   * Grouping levels of the rows alone, after `groups`: with `facets`, the side pipelines see
   * the rows of `groups` (e.g. groups by dimensions + caller, from which both the rows' and the
   * totals' distinct counts are computed), while the rows go on through these levels.
   */
  rowGroups?: readonly GroupSpec[];
  /** Values added to each row before sorting (computed sort keys are added by the compiler). */
  derive?: Record<string, Expression>;
  /**
   * A query-language filter on the rows after grouping and `derive`, before sort and page
   * (HAVING). With `facets`, set `countRows` so the count sees the same rows.
   */
  rowFilter?: Condition;
  /**
   * With `facets`: add a `count` side pipeline that counts the rows as they reach the sort
   * (after `rowGroups`, `derive` and `rowFilter`), replacing any `count` in `facets`.
   */
  countRows?: boolean;
  /**
   * A filter on the rows only, after `rowFilter` and before the sort, that the `count` does not
   * see: the seek past a keyset cursor (a page of rows, counted over all pages).
   */
  seek?: Condition;
  /** Sort keys; the compiler appends the remaining group-key parts (or `_id`) as tie-breaks. */
  sort?: readonly SortKey[];
  skip?: number;
  limit?: number;
  /** Output shape of each row (document lists). */
  project?: Record<string, Expression>;
  /**
   * When set, the rows go into a `$facet` beside these named side pipelines over the same
   * input (e.g. `count` of rows before paging, merged totals), read with `readFacets`.
   */
  facets?: Record<string, readonly Stage[]>;
  /**
   * With `facets`: the `$facet` holds the side pipelines only, no `rows` branch (a pipeline of
   * side lists over the same calls, e.g. the filter choices of the call list).
   */
  withoutRows?: boolean;
  /**
   * Match the scope alone (tenant, the key's user, range): neither `where` nor the `userId`
   * argument apply (e.g. the filter choices the list offers, whatever is searched now).
   */
  scopeOnly?: boolean;
}
