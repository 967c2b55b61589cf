import { CALL_CONNECTION, type Connection, type Edge, type PageInfo } from '../../analytics/families/dialer/call-connection.ts';
import type { ProjectedCall } from '../../analytics/families/dialer/call-record.ts';
import { costDirectives } from '../cost/field-costs.ts';
import { builder } from '../builder.ts';
import { SortDirectionEnum } from '../enums.ts';
import { selectedFieldNames } from '../selection.ts';
import { serves } from '../served-families.ts';
import { CallRef, CallSearchInput, CallSortFieldEnum } from './dialer-types.ts';
import { GROUPED_CONNECTION } from '../../analytics/families/grouped-connection.ts';
import type { CallGroupRow } from '../../analytics/families/grouped-calls.ts';
import { METRICS, type MetricName } from '../../analytics/registry/metrics.ts';
import { CallDimensionEnum, GroupedSortKeyEnum, SortOrderEnum } from '../enums.ts';
import { CallFilter, CallGroup, MetricCondition } from './grouped-calls.ts';

/**
 * Relay connections with keyset paging (issue 20). Hand-written rather than
 * `@pothos/plugin-relay`: see docs/decisions.md ("Keyset connections").
 */
const CONNECTION = serves(CALL_CONNECTION);

export const PageInfoRef = builder.objectRef<PageInfo>('PageInfo').implement({
  description: 'Relay page information.',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', {
      description: 'More rows follow the last edge (paging with first; with last/before: true when before was given).',
    }),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage', {
      description: 'Rows precede the first edge (paging with last; with first/after: true when after was given).',
    }),
    startCursor: t.exposeString('startCursor', { nullable: true, description: 'Cursor of the first edge; null for no edges.' }),
    endCursor: t.exposeString('endCursor', { nullable: true, description: 'Cursor of the last edge; null for no edges.' }),
  }),
});

const CallEdgeRef = builder.objectRef<Edge<ProjectedCall>>('CallEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor', { description: 'Opaque; pass it as after or before with the same sort.' }),
    node: t.field({ type: CallRef, resolve: (edge) => edge.node }),
  }),
});

const CallConnectionRef = builder.objectRef<Connection<ProjectedCall>>('CallConnection').implement({
  description: 'A page of calls in keyset order (Relay connection).',
  fields: (t) => ({
    edges: t.field({ type: [CallEdgeRef], resolve: (connection) => connection.edges }),
    pageInfo: t.field({ type: PageInfoRef, resolve: (connection) => connection.pageInfo }),
    totalCount: t.int({ description: 'Calls matching the search, over all pages.', resolve: (connection) => connection.totalCount ?? 0 }),
  }),
});

const CONNECTION_ARGS = {
  first: 'Calls after `after` (or from the start), 1–1000; default 100 when neither first nor last is given.',
  after: 'A cursor from this connection (same search, sort and key): the page starts after it.',
  last: 'Calls before `before` (or up to the end), 1–1000.',
  before: 'A cursor from this connection: the page ends before it.',
};

builder.queryField('callsConnection', (t) =>
  t.field({
    description:
      'The dialer calls of `calls` as a Relay connection with keyset paging: each page seeks past its cursor on the sort keys (the index order), so page 50 costs about what page 1 does.',
    directives: costDirectives('Query.callsConnection'),
    type: CallConnectionRef,
    args: {
      search: t.arg({ type: CallSearchInput, required: true }),
      sortBy: t.arg({ type: CallSortFieldEnum, required: false, defaultValue: 'TIMESTAMP' }),
      sortDirection: t.arg({ type: SortDirectionEnum, required: false, defaultValue: 'DESC' }),
      first: t.arg.int({ required: false, description: CONNECTION_ARGS.first }),
      after: t.arg.string({ required: false, description: CONNECTION_ARGS.after }),
      last: t.arg.int({ required: false, description: CONNECTION_ARGS.last }),
      before: t.arg.string({ required: false, description: CONNECTION_ARGS.before }),
    },
    resolve: (_root, args, context, info) =>
      context.run(CONNECTION, {
        ...args,
        fields: [...selectedFieldNames(info, ['edges', 'node'])],
        totalCount: selectedFieldNames(info, []).has('totalCount'),
      }),
  }),
);

const GROUPED_CONNECTION_OP = serves(GROUPED_CONNECTION);

const CallGroupEdgeRef = builder.objectRef<Edge<CallGroupRow>>('CallGroupEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor', { description: 'Opaque; pass it as after or before with the same grouping and sort.' }),
    node: t.field({ type: CallGroup, resolve: (edge) => edge.node }),
  }),
});

const CallGroupConnectionRef = builder.objectRef<Connection<CallGroupRow>>('CallGroupConnection').implement({
  description: 'A page of groupedCalls rows in keyset order (Relay connection).',
  fields: (t) => ({
    edges: t.field({ type: [CallGroupEdgeRef], resolve: (connection) => connection.edges }),
    pageInfo: t.field({ type: PageInfoRef, resolve: (connection) => connection.pageInfo }),
    totalCount: t.int({ description: 'Groups over all pages (after having).', resolve: (connection) => connection.totalCount ?? 0 }),
  }),
});

builder.queryField('groupedCallsConnection', (t) =>
  t.field({
    description:
      'The rows of groupedCalls as a Relay connection with keyset paging: each page seeks past its cursor (sort value, then the grouped dimensions) instead of a limit over everything before it.',
    directives: costDirectives('Query.groupedCallsConnection'),
    type: CallGroupConnectionRef,
    args: {
      groupBy: t.arg({ type: [CallDimensionEnum], required: false, defaultValue: [] }),
      filter: t.arg({ type: CallFilter, required: false }),
      sortBy: t.arg({ type: GroupedSortKeyEnum, required: false, defaultValue: 'COUNT' }),
      sortOrder: t.arg({ type: SortOrderEnum, required: false, defaultValue: 'DESC' }),
      timezone: t.arg({ type: 'TimeZone', required: false, defaultValue: 'UTC' }),
      having: t.arg({ type: [MetricCondition], required: false, description: 'As groupedCalls: conditions on the grouped rows, before paging.' }),
      first: t.arg.int({ required: false, description: 'Rows after `after` (or from the start), 1–1000; default 100.' }),
      after: t.arg.string({ required: false, description: CONNECTION_ARGS.after }),
      last: t.arg.int({ required: false, description: 'Rows before `before` (or up to the end), 1–1000.' }),
      before: t.arg.string({ required: false, description: CONNECTION_ARGS.before }),
    },
    resolve: (_root, args, context, info) =>
      context.run(GROUPED_CONNECTION_OP, {
        ...args,
        select: [...selectedFieldNames(info, ['edges', 'node'])].filter((name): name is MetricName => name in METRICS),
        totalCount: selectedFieldNames(info, []).has('totalCount'),
      }),
  }),
);
