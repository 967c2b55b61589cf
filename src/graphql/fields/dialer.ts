import { CALL_LIST } from '../../analytics/families/dialer/call-list.ts';
import { CALL_STATS } from '../../analytics/families/dialer/call-stats.ts';
import { VOCABULARY_PARTS } from '../../analytics/families/dialer/call-vocabulary.ts';
import { costDirectives } from '../cost/field-costs.ts';
import { builder } from '../builder.ts';
import { SortDirectionEnum } from '../enums.ts';
import { selectedFieldNames } from '../selection.ts';
import { serves } from '../served-families.ts';
import { CallListRef, CallSearchInput, CallSortFieldEnum, DateIntervalEnum, DetailedCallStatsRef } from './dialer-types.ts';

const LIST = serves(CALL_LIST);
const STATS = serves(CALL_STATS);
const BOUND_FIELDS = ['minTalkTime', 'maxTalkTime', 'minAnswerTime', 'maxAnswerTime'];

builder.queryFields((t) => ({
  calls: t.field({
    description: 'Dialer calls matching a search, sorted and paged, with the filter choices: the account’s tags, outcomes and projects (or those present in its calls).',
    directives: costDirectives('Query.calls'),
    type: CallListRef,
    args: {
      search: t.arg({ type: CallSearchInput, required: true }),
      page: t.arg.int({ required: false, defaultValue: 1, description: '1 or more; past the last page is an empty page.' }),
      itemsPerPage: t.arg.int({ required: false, defaultValue: 100, description: '1–1000.' }),
      sortBy: t.arg({ type: CallSortFieldEnum, required: false, defaultValue: 'TIMESTAMP' }),
      sortDirection: t.arg({ type: SortDirectionEnum, required: false, defaultValue: 'DESC' }),
    },
    resolve: (_root, args, context, info) => {
      const selected = selectedFieldNames(info, []);
      return context.run(LIST, {
        ...args,
        vocabulary: VOCABULARY_PARTS.filter((part) => selected.has(part)),
        fields: [...selectedFieldNames(info, ['calls'])],
        bounds: BOUND_FIELDS.some((field) => selected.has(field)),
      });
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
    // Buckets cost work only when the answer shows them.
    resolve: (_root, args, context, info) =>
      context.run(STATS, { ...args, dateInterval: selectedFieldNames(info, []).has('intervals') ? args.dateInterval : null }),
  }),
}));
