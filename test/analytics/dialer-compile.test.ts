import { CALL_RECORD_FIELDS } from '../../src/analytics/families/dialer/call-record.ts';
import { describe, expect, it } from 'vitest';
import { callListQuery, type CallListArgs } from '../../src/analytics/families/dialer/call-list.ts';
import { callSearchConditions, normalizeCallSearch, type CallSearchArgs } from '../../src/analytics/families/dialer/call-search.ts';
import { callStatsQuery } from '../../src/analytics/families/dialer/call-stats.ts';
import type { VocabularyPart } from '../../src/analytics/families/dialer/call-vocabulary.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import type { Principal } from '../../src/contract/principal.ts';

const NOW = new Date('2024-03-15T12:00:00.000Z');
const account: Principal = { tenantId: 't1', userEmail: 'owner@t1.example', role: 'user' };
const boundToU1: Principal = { ...account, userId: 'u1' };
const boundToU1AllUsers: Principal = { ...boundToU1, allUsers: true };
const DAYS = { dayFrom: '2024-03-01', dayTo: '2024-03-05' } as const;
const SCOPE = {
  tenant_id: 't1',
  started_at: { $gte: new Date('2024-03-01T00:00:00.000Z'), $lte: new Date('2024-03-05T23:59:59.999Z') },
};
const HIDE_TRANSFERS = { is_transfer_leg: { $ne: true } };
/** Every stored field the full `Call` record reads (the whole selection), in name order. */
const PROJECTION = Object.fromEntries(
  (
    'agent_id agent_short_number ai_handled ai_recording_summary ai_recording_title ai_talk_time_sec answer_time_sec answered_by ' +
    'campaign crm_info direction duration_sec favorite first_time_for_tree first_time_for_user from_number has_transcript ' +
    'insert_origin is_record_blocked is_record_ready label numbers_involved numbers_ringed outcome outcome_type platform_number ' +
    'project_contact_id project_id project_name quality_rating recall_date recall_first_attempt_date recall_state record_name ' +
    'recording_expired started_at status tags talk_time_sec team_id to_number total_time_sec transcript transfers tree_id ' +
    'unique_id user_id'
  )
    .split(' ')
    .map((field) => [field, 1]),
);
const SUMMARY = [
  {
    $group: {
      _id: null,
      calls: { $sum: 1 },
      talkTimeMin: { $min: { $ifNull: ['$talk_time_sec', 0] } },
      talkTimeMax: { $max: { $ifNull: ['$talk_time_sec', 0] } },
      answerTimeMin: { $min: { $ifNull: ['$answer_time_sec', 0] } },
      answerTimeMax: { $max: { $ifNull: ['$answer_time_sec', 0] } },
    },
  },
];
const ANSWERED = ['completed'];
const UNANSWERED = ['no-answer', 'busy', 'voicemail', 'canceled'];

const conditions = (search: Partial<CallSearchArgs>) => callSearchConditions({ search: { ...DAYS, ...search } });

describe('the shared call-search filter compiler', () => {
  it.each<[string, Partial<CallSearchArgs>, unknown[]]>([
    ['nothing: transfer legs hidden', {}, []],
    ['empty lists filter nothing', { types: [], states: [], categories: [], tags: [], outcomeTypes: [], agentIds: [] }, []],
    ['types', { types: ['INBOUND', 'INTERNAL', 'INBOUND'] }, [{ direction: { $in: ['inbound', 'internal'] } }]],
    ['states map to stored statuses', { states: ['UNANSWERED', 'FAILED'] }, [{ status: { $in: [...UNANSWERED, 'failed'] } }]],
    ['one category', { categories: ['INBOUND_ANSWERED'] }, [{ direction: 'inbound', status: { $in: ANSWERED } }]],
    [
      'categories are a union',
      { categories: ['OUTBOUND', 'FAILED', 'INTERNAL_UNANSWERED', 'OUTBOUND'] },
      [{ $or: [{ direction: 'outbound' }, { status: { $in: ['failed'] } }, { direction: 'internal', status: { $in: UNANSWERED } }] }],
    ],
    ['ALL anywhere keeps every call', { categories: ['INBOUND', 'ALL'] }, []],
    ['agentIds', { agentIds: ['a1', 'a2'] }, [{ agent_id: { $in: ['a1', 'a2'] } }]],
    ['teamIds', { teamIds: ['t'] }, [{ team_id: { $in: ['t'] } }]],
    ['uniqueIds', { uniqueIds: ['u-1'] }, [{ unique_id: { $in: ['u-1'] } }]],
    ['projectIds', { projectIds: ['p1'] }, [{ project_id: { $in: ['p1'] } }]],
    ['textProjects', { textProjects: ['Solar'] }, [{ project_name: { $in: ['Solar'] } }]],
    ['tags: any of', { tags: ['hot', 'cold'] }, [{ tags: { $in: ['hot', 'cold'] } }]],
    ['outcomes', { outcomes: ['sale'] }, [{ outcome: { $in: ['sale'] } }]],
    ['outcomeTypes', { outcomeTypes: ['POSITIVE', 'NEGATIVE'] }, [{ outcome_type: { $in: ['positive', 'negative'] } }]],
    ['ABSENT includes a missing outcome type', { outcomeTypes: ['ABSENT'] }, [{ outcome_type: { $in: ['absent', null] } }]],
    ['number: from, to or answering', { number: '+1' }, [{ $or: [{ from_number: '+1' }, { to_number: '+1' }, { answered_by: '+1' }] }]],
    ['exact numbers', { fromNumber: 'a', toNumber: 'b', toAnswer: 'c' }, [{ from_number: 'a' }, { to_number: 'b' }, { answered_by: 'c' }]],
    ['qualityRating (userId belongs to the scope, see user-scope.test.ts)', { qualityRating: 4, userId: 'u9' }, [{ quality_rating: 4 }]],
    ['talk time above 0 excludes a missing one', { talkTimeFrom: 10 }, [{ talk_time_sec: { $gte: 10 } }]],
    [
      'a range containing 0 keeps a missing talk time',
      { talkTimeFrom: 0, talkTimeTo: 60 },
      [{ $or: [{ talk_time_sec: { $gte: 0, $lte: 60 } }, { talk_time_sec: null }] }],
    ],
    ['answer time upper bound', { answerTimeTo: 5 }, [{ $or: [{ answer_time_sec: { $lte: 5 } }, { answer_time_sec: null }] }]],
    ['answer time range', { answerTimeFrom: 5, answerTimeTo: 5 }, [{ answer_time_sec: { $gte: 5, $lte: 5 } }]],
    [
      'searchString: escaped, case-insensitive, on numbers, project, label, outcome and tags',
      { searchString: ' +1 (555) ' },
      [
        {
          $or: ['from_number', 'to_number', 'project_name', 'label', 'outcome', 'tags', 'campaign', 'ai_recording_title'].map((field) => ({
            [field]: { $regex: '\\+1 \\(555\\)', $options: 'i' },
          })),
        },
      ],
    ],
    ['a blank searchString filters nothing', { searchString: '   ' }, []],
  ])('%s', (_name, search, expected) => {
    expect(conditions(search)).toEqual([HIDE_TRANSFERS, ...expected]);
  });

  it('showTransfers drops the transfer filter; showAICallsWithLog keeps AI calls with a transcript', () => {
    expect(conditions({ showTransfers: true })).toEqual([]);
    expect(conditions({ showAICallsWithLog: true })).toEqual([HIDE_TRANSFERS, { ai_handled: true, has_transcript: true }]);
  });

  it('hands allUsers and userId to the scope with their argument paths', () => {
    expect(normalizeCallSearch({ search: { ...DAYS, allUsers: true, userId: 'u2' }, now: NOW }).users).toEqual({
      allUsers: true,
      userId: 'u2',
      allUsersArgument: 'search.allUsers',
      userIdArgument: 'search.userId',
    });
  });

  it('reads the days in the search time zone, inclusive, and returns the canonical zone', () => {
    const search = normalizeCallSearch({ search: { ...DAYS, timezone: 'asia/calcutta' }, now: NOW });
    expect(search.zone).toBe('Asia/Kolkata');
    expect(search.range).toMatchObject({ from: new Date('2024-02-29T18:30:00.000Z'), to: new Date('2024-03-05T18:29:59.999Z') });
  });

  it.each<[string, Partial<CallSearchArgs>, string]>([
    ['dayFrom after dayTo', { dayFrom: '2024-03-06', dayTo: '2024-03-05' }, 'search.dayFrom'],
    ['more than 366 days', { dayFrom: '2023-01-01', dayTo: '2024-01-02' }, 'search.dayTo'],
    ['reversed talk times', { talkTimeFrom: 10, talkTimeTo: 9 }, 'search.talkTimeFrom'],
    ['reversed answer times', { answerTimeFrom: 3, answerTimeTo: 2 }, 'search.answerTimeFrom'],
    ['a 201-character searchString', { searchString: 'x'.repeat(201) }, 'search.searchString'],
    ['an unknown zone', { timezone: 'Mars/Base' }, 'search.timezone'],
  ])('rejects %s naming %s', (_name, search, argument) => {
    expect(() => normalizeCallSearch({ search: { ...DAYS, ...search }, now: NOW })).toThrow(
      expect.objectContaining({ name: 'UserInputError', argument }),
    );
  });

  it('accepts exactly 366 days and a 200-character searchString', () => {
    expect(() =>
      normalizeCallSearch({ search: { dayFrom: '2024-01-01', dayTo: '2024-12-31', searchString: 'x'.repeat(200) }, now: NOW }),
    ).not.toThrow();
  });
});

describe('calls compiles through the query core', () => {
  const baseArgs: CallListArgs = { search: DAYS, page: 1, itemsPerPage: 100, sortBy: 'TIMESTAMP', sortDirection: 'DESC' };
  const compileAll = (args: Partial<CallListArgs>, vocabulary: VocabularyPart[] = [], principal = account, bounds = true) => {
    const { queries } = callListQuery({ principal, now: NOW, args: { ...baseArgs, ...args }, vocabulary: new Set(vocabulary), fields: CALL_RECORD_FIELDS, bounds });
    return { page: compileCallQuery(queries.page), count: compileCallQuery(queries.count), choices: queries.choices && compileCallQuery(queries.choices) };
  };
  const compile = (args: Partial<CallListArgs>, vocabulary: VocabularyPart[] = [], principal = account) => compileAll(args, vocabulary, principal).page;

  it('pages with every filter in the leading $match and an index order (start time, id) in one direction', () => {
    const match = { $match: { ...SCOPE, ...HIDE_TRANSFERS, direction: { $in: ['outbound'] } } };
    const { page, count, choices } = compileAll({ search: { ...DAYS, types: ['OUTBOUND'] } });
    expect(page).toEqual([match, { $sort: { started_at: -1, _id: -1 } }, { $limit: 100 }, { $project: PROJECTION }]);
    expect(count).toEqual([match, ...SUMMARY]);
    expect(choices).toBeNull();
  });

  it('counts without reading a field when no bound is selected (an index can answer it alone)', () => {
    const { count } = compileAll({}, [], account, false);
    expect(count).toEqual([{ $match: { ...SCOPE, ...HIDE_TRANSFERS } }, { $group: { _id: null, calls: { $sum: 1 } } }]);
  });

  it('sorts talk/answer time on the stored field, then start time and id, all in the sort direction, and pages with skip', () => {
    expect(compile({ sortBy: 'TALK_TIME', sortDirection: 'ASC', page: 3, itemsPerPage: 20 }).slice(1)).toEqual([
      { $sort: { talk_time_sec: 1, started_at: 1, _id: 1 } },
      { $skip: 40 },
      { $limit: 20 },
      { $project: PROJECTION },
    ]);
    expect(compile({ sortBy: 'ANSWER_TIME' })[1]).toEqual({ $sort: { answer_time_sec: -1, started_at: -1, _id: -1 } });
  });

  it('keeps every filter in the page and count $match when choices are selected; the choices see tenant and days only', () => {
    const match = { $match: { ...SCOPE, ...HIDE_TRANSFERS, tags: { $in: ['hot'] } } };
    const { page, count, choices } = compileAll({ search: { ...DAYS, tags: ['hot'] } }, ['tags', 'outcomes', 'projects']);
    expect(page[0]).toEqual(match);
    expect(count[0]).toEqual(match);
    expect(choices).toEqual([
      { $match: SCOPE },
      {
        $facet: {
          tagsPresent: [{ $unwind: '$tags' }, { $group: { _id: '$tags' } }],
          outcomesPresent: [{ $group: { _id: { $ifNull: ['$outcome', null] } } }],
          projectsPresent: [{ $group: { _id: { id: { $ifNull: ['$project_id', null] }, name: { $ifNull: ['$project_name', null] } } } }],
        },
      },
    ]);
    const onlyOutcomes = compileAll({}, ['outcomes']).choices;
    expect(Object.keys((onlyOutcomes?.[1] as any).$facet)).toEqual(['outcomesPresent']);
  });

  it.each([
    ['page 0', { page: 0 }, 'page'],
    ['itemsPerPage 0', { itemsPerPage: 0 }, 'itemsPerPage'],
    ['itemsPerPage 1001', { itemsPerPage: 1001 }, 'itemsPerPage'],
  ])('rejects %s', (_name, args, argument) => {
    expect(() => compile(args)).toThrow(expect.objectContaining({ argument }));
  });
});

describe('callStats compiles through the query core', () => {
  it('uses the same filters in one $group by direction with the named partials', () => {
    const search: CallSearchArgs = { ...DAYS, states: ['ANSWERED'], searchString: 'x' };
    const pipeline = compileCallQuery(callStatsQuery({ principal: boundToU1, search, now: NOW }).query);
    const list = compileCallQuery(
      callListQuery({ principal: boundToU1, now: NOW, args: { search, page: 1, itemsPerPage: 1, sortBy: 'TIMESTAMP', sortDirection: 'ASC' }, vocabulary: new Set(), fields: CALL_RECORD_FIELDS }).queries.page,
    );
    expect(pipeline[0]).toEqual(list[0]);
    expect(pipeline[0]).toEqual({
      $match: {
        ...SCOPE,
        user_id: 'u1',
        ...HIDE_TRANSFERS,
        status: { $in: ANSWERED },
        $or: ['from_number', 'to_number', 'project_name', 'label', 'outcome', 'tags', 'campaign', 'ai_recording_title'].map((field) => ({ [field]: { $regex: 'x', $options: 'i' } })),
      },
    });
    expect(pipeline).toHaveLength(3);
    const group = (pipeline[1] as any).$group;
    const client = { $cond: [{ $eq: ['$direction', 'inbound'] }, { $ifNull: ['$from_number', null] }, { $ifNull: ['$to_number', null] }] };
    expect(group._id).toEqual({ direction: { $ifNull: ['$direction', null] }, distinctValue: client });
    expect(Object.keys(group).slice(1)).toEqual([
      'calls', 'answeredCount', 'failedCount', 'talkingCount', 'firstTimeCount', 'activeCount',
      'totalTimeSum', 'totalTimeMin', 'totalTimeMax', 'durationSum', 'durationMin', 'durationMax',
      'answeredAnswerTimeSum', 'answeredAnswerTimeMin', 'answeredAnswerTimeMax',
      'positiveOutcomeCount', 'neutralOutcomeCount', 'negativeOutcomeCount', 'noOutcomeTypeCount',
      'talkTimeSum', 'aiTalkTimeSum', 'aiTalkCostCentsSum',
    ]);
    const facet = (pipeline[2] as any).$facet;
    expect(facet.rows[0].$group._id).toEqual({ direction: '$_id.direction' });
    expect(facet.rows[0].$group.unique).toEqual({ $sum: { $cond: [{ $eq: ['$_id.distinctValue', null] }, 0, 1] } });
    expect(facet.allClients).toEqual([
      { $group: { _id: '$_id.distinctValue' } },
      { $group: { _id: null, unique: { $sum: { $cond: [{ $eq: ['$_id', null] }, 0, 1] } } } },
    ]);
    expect(group.answeredAnswerTimeMin).toEqual({ $min: { $cond: [{ $eq: ['$status', 'completed'] }, { $ifNull: ['$answer_time_sec', 0] }, null] } });
  });

  it('puts the tenant scope first in every dialer pipeline', () => {
    const searches: CallSearchArgs[] = [DAYS, { ...DAYS, allUsers: true, userId: 'u2' }, { ...DAYS, categories: ['ALL'], searchString: 'tenant_id' }];
    for (const search of searches) {
      for (const principal of [account, boundToU1AllUsers]) {
        const pipelines = [
          compileCallQuery(callStatsQuery({ principal, search, now: NOW }).query),
          compileCallQuery(callStatsQuery({ principal, search, now: NOW, dateInterval: 'WEEK' }).query),
          ...[[], ['tags'] as VocabularyPart[]].flatMap((vocabulary) => {
            const { queries } = callListQuery({ principal, now: NOW, args: { search, page: 1, itemsPerPage: 10, sortBy: 'TIMESTAMP', sortDirection: 'DESC' }, vocabulary: new Set(vocabulary), fields: CALL_RECORD_FIELDS });
            return [queries.page, queries.count, ...(queries.choices ? [queries.choices] : [])].map(compileCallQuery);
          }),
        ];
        for (const pipeline of pipelines) {
          const first = pipeline[0] as { $match: Record<string, unknown> };
          expect(Object.keys(first)).toEqual(['$match']);
          const scope = principal.userId && !search.allUsers && !search.userId ? { tenant_id: 't1', user_id: 'u1', started_at: SCOPE.started_at } : SCOPE;
          expect(Object.entries(first.$match).slice(0, Object.keys(scope).length)).toEqual(Object.entries(scope));
        }
      }
    }
  });
});

describe('query core: side pipelines without rows', () => {
  it('emits only the facets after the leading $match', () => {
    const pipeline = compileCallQuery({ principal: account, where: [{ status: 'completed' }], facets: { n: [{ $count: 'n' }] }, withoutRows: true });
    expect(pipeline).toEqual([{ $match: { tenant_id: 't1', status: 'completed' } }, { $facet: { n: [{ $count: 'n' }] } }]);
  });

  it('refuses row shaping in a query without rows', () => {
    expect(() => compileCallQuery({ principal: account, facets: { n: [] }, withoutRows: true, limit: 3 })).toThrow(/without rows/);
  });
});

