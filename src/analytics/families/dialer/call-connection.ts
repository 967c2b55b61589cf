import { UserInputError } from '../../errors.ts';
import type { Operation } from '../../operation.ts';
import type { CallQuery, SortKey } from '../../query/call-query.ts';
import { decodeCursor, encodeCursor, seekCondition, type CursorBinding, type SeekKey } from '../../query/keyset.ts';
import { SORT_DIRECTION, type SortOrder } from '../../registry/enums.ts';
import { num, PARTIALS } from '../../registry/partials.ts';
import { CALL_RECORD_FIELDS, callRecordProjection, type ProjectedCall } from './call-record.ts';
import { CALL_SORT_KEYS, MAX_ITEMS_PER_PAGE, type CallSortField } from './call-list.ts';
import { normalizeCallSearch, toCallSearchArgs, type CallSearchInput } from './call-search.ts';

/** `first`/`last` when neither is given, as `itemsPerPage`'s default. */
export const DEFAULT_CONNECTION_SIZE = 100;

/** Relay's page information. */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Edge<Node> {
  cursor: string;
  node: Node;
}

export interface Connection<Node> {
  edges: Edge<Node>[];
  pageInfo: PageInfo;
  /** Matching rows over all pages; null when not asked. */
  totalCount: number | null;
}

/** `first`/`after`/`last`/`before` as a client sends them. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A validated page request: how many, which way, and the cursor to seek past. */
export interface ConnectionPage {
  size: number;
  /** true: `last`/`before` (read backwards from the end or from `before`). */
  backwards: boolean;
  cursor: { value: string; argument: 'after' | 'before' } | null;
}

/**
 * `first` and `last` are bounded like `itemsPerPage` (1–1000); one direction at a time:
 * `first` (with `after`) or `last` (with `before`). Neither: the first 100.
 */
export function normalizeConnectionPage(args: ConnectionArgs): ConnectionPage {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw new UserInputError('last', 'last: give first (with after) or last (with before), not both');
  if (after != null && before != null) throw new UserInputError('before', 'before: give after (with first) or before (with last), not both');
  if (last != null && after != null) throw new UserInputError('after', 'after pages forwards: use it with first, or use before with last');
  if (first != null && before != null) throw new UserInputError('before', 'before pages backwards: use it with last, or use after with first');
  const backwards = last != null || before != null;
  const argument = backwards ? 'last' : 'first';
  const size = (backwards ? last : first) ?? DEFAULT_CONNECTION_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_ITEMS_PER_PAGE) {
    throw new UserInputError(argument, `${argument} must be between 1 and ${MAX_ITEMS_PER_PAGE}, got ${size}`);
  }
  const cursor = backwards ? (before != null ? { value: before, argument: 'before' as const } : null) : after != null ? { value: after, argument: 'after' as const } : null;
  return { size, backwards, cursor };
}

/**
 * Rows of a page read in the page's direction (one row more than asked, to know whether more
 * follow), as edges in the sort order, with Relay's page info. Paging forwards from `after`,
 * `hasPreviousPage` is true (rows at and before the cursor existed when it was made);
 * backwards from `before`, `hasNextPage` is — as the Relay spec allows, without another query.
 */
export function shapeConnection<Node>(options: {
  rows: readonly Node[];
  page: ConnectionPage;
  cursorOf: (node: Node) => string;
  totalCount: number | null;
}): Connection<Node> {
  const { rows, page, cursorOf, totalCount } = options;
  const more = rows.length > page.size;
  const kept = rows.slice(0, page.size);
  const ordered = page.backwards ? kept.reverse() : kept;
  const edges = ordered.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.backwards ? page.cursor !== null : more,
      hasPreviousPage: page.backwards ? more : page.cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

const isDate = (value: unknown) => value instanceof Date && !Number.isNaN(value.getTime());
const isNumberOrNull = (value: unknown) => value === null || (typeof value === 'number' && Number.isFinite(value));
/** A call id as stored: a string, a number, or an ObjectId. */
const isId = (value: unknown) =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'object' && value !== null && (value as { _bsontype?: unknown })._bsontype === 'ObjectId');

/** What each sort field's keys may hold in a cursor (`CALL_SORT_KEYS` order). */
const ACCEPTS: Record<string, (value: unknown) => boolean> = {
  started_at: isDate,
  _id: isId,
  talk_time_sec: isNumberOrNull,
  answer_time_sec: isNumberOrNull,
};
const NULLABLE = new Set(['talk_time_sec', 'answer_time_sec']);

/** `callsConnection(…)` arguments as a client sends them. */
export interface CallConnectionInput extends ConnectionArgs {
  search: CallSearchInput;
  /** @default 'TIMESTAMP' */
  sortBy?: CallSortField | null;
  /** @default 'DESC' */
  sortDirection?: SortOrder | null;
  /** The `Call` fields the nodes need. @default every field */
  fields?: readonly string[] | null;
  /** Whether `totalCount` is asked. @default true */
  totalCount?: boolean | null;
}

/**
 * `callsConnection`: the calls list with keyset paging. The page is the list's page query (same
 * leading `$match`, same sort on the same index) with the seek past the cursor as one more
 * condition and no `$skip`; `totalCount` is the list's count query. A missing talk or answer
 * time is stored as it is (null), so the cursor keeps null apart from 0, as the sort does.
 */
export const CALL_CONNECTION: Operation<CallConnectionInput, Connection<ProjectedCall>> = {
  name: 'callsConnection',
  plan: (input, env) => {
    const page = normalizeConnectionPage(input);
    const search = normalizeCallSearch({ search: toCallSearchArgs(input.search), now: env.now });
    const sortBy = input.sortBy ?? 'TIMESTAMP';
    const sortDirection = input.sortDirection ?? 'DESC';
    const fields = CALL_SORT_KEYS[sortBy];
    const binding: CursorBinding = { sort: `calls:${sortBy}:${sortDirection}`, tenantId: env.principal.tenantId, userId: env.principal.userId };
    // Backwards pages read the index the other way and are turned around when shaped.
    const direction = (SORT_DIRECTION[sortDirection] * (page.backwards ? -1 : 1)) as 1 | -1;
    const keys: SeekKey[] = fields.map((field) => ({ field, nullable: NULLABLE.has(field) }));
    const after = page.cursor
      ? decodeCursor({ cursor: page.cursor.value, argument: page.cursor.argument, binding, accepts: fields.map((field) => ACCEPTS[field]) })
      : null;
    const filtered = { principal: env.principal, range: search.range, users: search.users };
    const project = { ...callRecordProjection(input.fields ?? CALL_RECORD_FIELDS) };
    for (const field of fields) project[field] = 1;
    const pageQuery: CallQuery = {
      ...filtered,
      where: [...search.where, after ? seekCondition(keys, after, direction) : null],
      sort: fields.map((field): SortKey => ({ by: `$${field}`, direction })),
      limit: page.size + 1,
      project,
    };
    const countQuery: CallQuery | null = input.totalCount === false ? null : { ...filtered, where: search.where, groups: [{ by: {}, accumulate: { calls: PARTIALS.calls } }] };
    return {
      queries: { page: pageQuery, count: countQuery },
      shape: (rows: Record<string, Record<string, unknown>[] | null>) =>
        shapeConnection({
          rows: (rows.page ?? []) as ProjectedCall[],
          page,
          totalCount: rows.count ? num(rows.count[0]?.calls) : null,
          cursorOf: (call) => encodeCursor(fields.map((field) => (call as Record<string, unknown>)[field] ?? null), binding),
        }),
    };
  },
};
