import { openTestDatabase } from '../support/mongo-database.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallDocument } from '../../src/contract/call-document.ts';
import { call, KEYS, testKeys } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';

const NOW = '2024-03-15T12:00:00.000Z';
const DAYS = 'dayFrom: "2024-03-01", dayTo: "2024-03-05"';

/**
 * Tenant t1, 2024-03-01..05 UTC: c01–c05 and c09 match a default search (6 calls); c06 is a
 * transfer leg, c07 is before the range, c10 is 03-06 in UTC but 03-05 in New York. c08 is t2.
 */
const data: CallDocument[] = [
  call({
    _id: 'c01', unique_id: 'u-01', started_at: '2024-03-01T09:00:00Z', ended_at: new Date('2024-03-01T09:02:10Z'),
    direction: 'inbound', status: 'completed', from_number: '+1 (555) 010-0001', to_number: '+15550100', answered_by: 'agent-7',
    platform_number: '+15550100', user_id: 'u1', agent_id: 'a1', team_id: 't-a', project_id: 'p1', project_name: 'Solar',
    tags: ['hot', 'Solar Lead'], outcome: 'sale', outcome_type: 'positive', talk_time_sec: 120, answer_time_sec: 5,
    total_time_sec: 130, duration_sec: 125, ai_talk_time_sec: 60, ai_talk_cost_cents: 1230, quality_rating: 5,
    first_time_for_user: true, ai_handled: true, has_transcript: true, label: 'VIP customer',
  }),
  call({
    _id: 'c02', started_at: '2024-03-02T10:00:00Z', ended_at: new Date('2024-03-02T10:00:30Z'), direction: 'outbound',
    status: 'no-answer', from_number: '+15550100', to_number: '+15550002', user_id: 'u2', agent_id: 'a2', team_id: 't-b',
    project_id: 'p2', project_name: 'Roofing', tags: ['cold'], outcome: 'no answer', outcome_type: 'negative',
    talk_time_sec: 0, answer_time_sec: 0, total_time_sec: 30, duration_sec: 0, first_time_for_user: false,
  }),
  call({
    _id: 'c03', started_at: '2024-03-03T11:00:00Z', ended_at: new Date('2024-03-03T11:05:20Z'), direction: 'outbound',
    status: 'completed', from_number: '+15550100', to_number: '+15550003', answered_by: '+15550003', user_id: 'u1',
    agent_id: 'a1', team_id: 't-a', project_id: 'p1', project_name: 'Solar', tags: [], outcome: 'callback',
    outcome_type: 'neutral', talk_time_sec: 300, answer_time_sec: 10, total_time_sec: 320, duration_sec: 310,
    ai_talk_time_sec: 100, ai_talk_cost_cents: 5, quality_rating: 3, ai_handled: true, has_transcript: false,
  }),
  call({
    _id: 'c04', started_at: '2024-03-04T12:00:00Z', ended_at: new Date('2024-03-04T12:00:01Z'), direction: 'internal',
    status: 'failed', from_number: '101', to_number: '102', user_id: 'u2', agent_id: 'a3', team_id: 't-b', outcome_type: 'absent',
  }),
  call({
    _id: 'c05', started_at: '2024-03-05T13:00:00Z', direction: 'inbound', status: 'busy', from_number: '+15550003',
    to_number: '+15550100', user_id: 'u1', total_time_sec: 15, first_time_for_user: true, tags: ['hot'],
  }),
  call({
    _id: 'c06', started_at: '2024-03-02T15:00:00Z', ended_at: new Date('2024-03-02T15:01:00Z'), direction: 'inbound',
    status: 'completed', from_number: '+15550004', user_id: 'u2', is_transfer_leg: true, tags: ['transfer-tag'],
    talk_time_sec: 50, answer_time_sec: 3, total_time_sec: 55, duration_sec: 50,
  }),
  call({ _id: 'c07', started_at: '2024-02-28T23:00:00Z', direction: 'outbound', tags: ['old-tag'], project_name: 'Legacy', outcome: 'old' }),
  call({ _id: 'c08', tenant_id: 't2', started_at: '2024-03-03T10:00:00Z', tags: ['t2tag'], outcome: 't2-outcome' }),
  call({
    _id: 'c09', started_at: '2024-03-04T08:00:00Z', ended_at: new Date('2024-03-04T08:00:35Z'), direction: 'inbound',
    status: 'voicemail', from_number: '+15550005', to_number: '+15550100', user_id: 'u1', project_name: 'Walk-in',
    talk_time_sec: 0, answer_time_sec: 0, total_time_sec: 20, duration_sec: 15, outcome_type: null, label: 'left message',
    quality_rating: 5, ai_handled: true, has_transcript: true,
  }),
  call({ _id: 'c10', started_at: '2024-03-06T02:00:00Z', ended_at: new Date('2024-03-06T02:01:00Z'), direction: 'inbound', user_id: 'u2' }),
];

const gateway = testGateway({ calls: data, now: NOW });

async function list(search: string, rest = '', selection = 'totalItems calls { id }', key: string = KEYS.t1) {
  const { status, body } = await gateway.query(`{ calls(search: { ${DAYS}, ${search} } ${rest}) { ${selection} } }`, {}, key);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data!.calls;
}

const ids = async (search: string, rest = '', key: string = KEYS.t1) =>
  ((await list(search, rest ? `, ${rest}` : '', 'calls { id }', key)).calls as { id: string }[]).map((c) => c.id).sort();

describe('calls: filters on a known data set', () => {
  it.each<[string, string[]]>([
    ['', ['c01', 'c02', 'c03', 'c04', 'c05', 'c09']],
    ['types: [INBOUND]', ['c01', 'c05', 'c09']],
    ['types: [OUTBOUND, INTERNAL]', ['c02', 'c03', 'c04']],
    ['states: [ANSWERED]', ['c01', 'c03']],
    ['states: [UNANSWERED]', ['c02', 'c05', 'c09']],
    ['states: [FAILED]', ['c04']],
    ['types: [INBOUND], states: [ANSWERED]', ['c01']],
    ['types: [], states: []', ['c01', 'c02', 'c03', 'c04', 'c05', 'c09']],
    ['agentIds: ["a1"]', ['c01', 'c03']],
    ['teamIds: ["t-b"]', ['c02', 'c04']],
    ['uniqueIds: ["u-01"]', ['c01']],
    ['projectIds: ["p2"]', ['c02']],
    ['textProjects: ["Solar"]', ['c01', 'c03']],
    ['textProjects: ["solar"]', []],
    ['tags: ["hot", "cold"]', ['c01', 'c02', 'c05']],
    ['tags: ["Solar Lead"]', ['c01']],
    ['outcomes: ["sale", "callback"]', ['c01', 'c03']],
    ['outcomeTypes: [ABSENT]', ['c04', 'c05', 'c09']],
    ['outcomeTypes: [POSITIVE, NEGATIVE]', ['c01', 'c02']],
    ['number: "+15550003"', ['c03', 'c05']],
    ['number: "agent-7"', ['c01']],
    ['fromNumber: "+15550100"', ['c02', 'c03']],
    ['toNumber: "+15550100"', ['c01', 'c05', 'c09']],
    ['toAnswer: "+15550003"', ['c03']],
    ['talkTimeFrom: 100', ['c01', 'c03']],
    ['talkTimeTo: 0', ['c02', 'c04', 'c05', 'c09']],
    ['talkTimeFrom: 0, talkTimeTo: 120', ['c01', 'c02', 'c04', 'c05', 'c09']],
    ['talkTimeFrom: 50, talkTimeTo: 200', ['c01']],
    ['answerTimeFrom: 5, answerTimeTo: 10', ['c01', 'c03']],
    ['answerTimeTo: 4', ['c02', 'c04', 'c05', 'c09']],
    ['qualityRating: 5', ['c01', 'c09']],
    ['userId: "u2"', ['c02', 'c04']],
    ['showTransfers: true', ['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c09']],
    ['showTransfers: true, userId: "u2"', ['c02', 'c04', 'c06']],
    ['showAICallsWithLog: true', ['c01', 'c09']],
  ])('%s', async (search, expected) => {
    expect(await ids(search)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['categories: [INBOUND_ANSWERED, OUTBOUND_UNANSWERED]', ['c01', 'c02']],
    ['categories: [INTERNAL, ANSWERED]', ['c01', 'c03', 'c04']],
    ['categories: [INBOUND, INBOUND_ANSWERED]', ['c01', 'c05', 'c09']],
    ['categories: [UNANSWERED, FAILED]', ['c02', 'c04', 'c05', 'c09']],
    ['categories: [OUTBOUND_FAILED]', []],
    ['categories: [ALL, FAILED]', ['c01', 'c02', 'c03', 'c04', 'c05', 'c09']],
    ['categories: [OUTBOUND], types: [INBOUND]', []],
    ['categories: [ANSWERED, INTERNAL_FAILED], types: [OUTBOUND, INTERNAL]', ['c03', 'c04']],
  ])('categories are a union of the calls each names: %s', async (search, expected) => {
    expect(await ids(search)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['+1 (555)', ['c01']],
    ['solar', ['c01', 'c03']],
    ['VIP', ['c01']],
    ['CALLBACK', ['c03']],
    ['hot', ['c01', 'c05']],
    ['0100', ['c01', 'c02', 'c03', 'c05', 'c09']],
    ['.*', []],
    ['[a-z]', []],
    ['   ', ['c01', 'c02', 'c03', 'c04', 'c05', 'c09']],
  ])('searchString %j matches literally, case-insensitively', async (text, expected) => {
    expect(await ids(`searchString: ${JSON.stringify(text)}`)).toEqual(expected);
  });

  it('shows a user-bound key only its user’s calls; an all_users key may widen its view', async () => {
    expect(await ids('', '', KEYS.t1User)).toEqual(['c01', 'c03', 'c05', 'c09']);
    expect(await ids('userId: "u1"', '', KEYS.t1User)).toEqual(['c01', 'c03', 'c05', 'c09']);
    expect(await ids('', '', KEYS.t1UserAll)).toEqual(['c01', 'c03', 'c05', 'c09']);
    expect(await ids('allUsers: true', '', KEYS.t1UserAll)).toEqual(['c01', 'c02', 'c03', 'c04', 'c05', 'c09']);
    expect(await ids('userId: "u2"', '', KEYS.t1UserAll)).toEqual(['c02', 'c04']);
    expect(await ids('allUsers: true, userId: "u2"', '', KEYS.t1UserAll)).toEqual(['c02', 'c04']);
    expect(await ids('allUsers: false')).toEqual(['c01', 'c02', 'c03', 'c04', 'c05', 'c09']);
    expect(await ids('userId: "u2"')).toEqual(['c02', 'c04']);
  });

  it('reads the days in the search time zone', async () => {
    expect(await ids('timezone: "America/New_York"')).toEqual(['c01', 'c02', 'c03', 'c04', 'c05', 'c09', 'c10']);
    const { timezone } = await list('timezone: "america/new_york"', '', 'timezone');
    expect(timezone).toBe('America/New_York');
  });

  it('never shows another tenant', async () => {
    const { totalItems, tags } = await list('', '', 'totalItems tags', KEYS.t2);
    expect({ totalItems, tags }).toEqual({ totalItems: 1, tags: ['t2tag'] });
  });
});

describe('calls: sorting, paging and the list fields', () => {
  const order = async (rest: string) => ((await list('', rest, 'calls { id }')).calls as { id: string }[]).map((c) => c.id);

  it.each<[string, string[]]>([
    ['', ['c05', 'c04', 'c09', 'c03', 'c02', 'c01']],
    [', sortDirection: ASC', ['c01', 'c02', 'c03', 'c09', 'c04', 'c05']],
    [', sortBy: TALK_TIME, sortDirection: ASC', ['c04', 'c05', 'c02', 'c09', 'c01', 'c03']],
    [', sortBy: TALK_TIME', ['c03', 'c01', 'c09', 'c02', 'c05', 'c04']],
    [', sortBy: ANSWER_TIME', ['c03', 'c01', 'c09', 'c02', 'c05', 'c04']],
    [', sortBy: ANSWER_TIME, sortDirection: ASC', ['c04', 'c05', 'c02', 'c09', 'c01', 'c03']],
  ])('sorts%s (a missing time below every number, ties by start time, then id, in the same direction)', async (rest, expected) => {
    expect(await order(rest)).toEqual(expected);
  });

  it('breaks timestamp ties by id in the sort direction (the index order read either way)', async () => {
    const tied = testGateway({
      now: NOW,
      calls: ['z2', 'z3', 'z1'].map((id) => call({ _id: id, started_at: '2024-03-02T00:00:00Z' })),
    });
    for (const [direction, ids] of [['ASC', ['z1', 'z2', 'z3']], ['DESC', ['z3', 'z2', 'z1']]] as const) {
      const { body } = await tied.query(`{ calls(search: { ${DAYS} }, sortDirection: ${direction}) { calls { id } } }`, {}, KEYS.t1);
      expect(body.data!.calls.calls).toEqual(ids.map((id) => ({ id })));
    }
  });

  it('pages: pagesCount = ceil(totalItems / itemsPerPage), past the end is an empty page', async () => {
    const page = (n: number) => list('', `, page: ${n}, itemsPerPage: 4`, 'page pagesCount totalItems calls { id }');
    expect(await page(1)).toEqual({ page: 1, pagesCount: 2, totalItems: 6, calls: ['c05', 'c04', 'c09', 'c03'].map((id) => ({ id })) });
    expect(await page(2)).toEqual({ page: 2, pagesCount: 2, totalItems: 6, calls: [{ id: 'c02' }, { id: 'c01' }] });
    expect(await page(3)).toEqual({ page: 3, pagesCount: 2, totalItems: 6, calls: [] });
    expect(await list('', ', itemsPerPage: 6', 'pagesCount')).toEqual({ pagesCount: 1 });
  });

  it('reports talk/answer time bounds of the matching calls (missing = 0), null when none match', async () => {
    const bounds = 'minTalkTime maxTalkTime minAnswerTime maxAnswerTime totalItems pagesCount';
    expect(await list('', '', bounds)).toEqual({ minTalkTime: 0, maxTalkTime: 300, minAnswerTime: 0, maxAnswerTime: 10, totalItems: 6, pagesCount: 1 });
    expect(await list('states: [ANSWERED]', '', bounds)).toEqual({ minTalkTime: 120, maxTalkTime: 300, minAnswerTime: 5, maxAnswerTime: 10, totalItems: 2, pagesCount: 1 });
    expect(await list('uniqueIds: ["none"]', '', bounds)).toEqual({ minTalkTime: null, maxTalkTime: null, minAnswerTime: null, maxAnswerTime: null, totalItems: 0, pagesCount: 0 });
  });

  it('lists the tags, outcomes and projects of the tenant’s calls in the searched days, other filters ignored', async () => {
    const vocabulary = 'totalItems tags outcomes projects { id name }';
    const expected = {
      tags: ['Solar Lead', 'cold', 'hot', 'transfer-tag'],
      outcomes: ['callback', 'no answer', 'sale'],
      projects: [
        { id: 'p2', name: 'Roofing' },
        { id: 'p1', name: 'Solar' },
        { id: null, name: 'Walk-in' },
      ],
    };
    expect(await list('', '', vocabulary)).toEqual({ totalItems: 6, ...expected });
    expect(await list('tags: ["cold"]', '', vocabulary)).toEqual({ totalItems: 1, ...expected });
    expect(await list('uniqueIds: ["none"], allUsers: true', '', vocabulary, KEYS.t1UserAll)).toEqual({ totalItems: 0, ...expected });
    // A user-bound key sees only its user's calls, their vocabulary included (DESIGN 2.2).
    expect(await list('uniqueIds: ["none"]', '', vocabulary, KEYS.t1User)).toEqual({
      totalItems: 0,
      tags: ['Solar Lead', 'hot'],
      outcomes: ['callback', 'sale'],
      projects: [
        { id: 'p1', name: 'Solar' },
        { id: null, name: 'Walk-in' },
      ],
    });
  });

  it('computes the vocabulary only when selected, in its own pipeline over tenant and days', async () => {
    const before = gateway.pipelines.length;
    await list('tags: ["cold"]', '', 'totalItems');
    const plain = gateway.pipelines.slice(before) as any[];
    expect(plain).toHaveLength(2);
    for (const pipeline of plain) expect(pipeline[0].$match).toMatchObject({ tenant_id: 't1', tags: { $in: ['cold'] } });
    expect(plain.some((pipeline) => pipeline.some((stage: object) => '$facet' in stage))).toBe(false);

    const middle = gateway.pipelines.length;
    await list('tags: ["cold"]', '', 'totalItems ...on CallList { o: outcomes }');
    const withOutcomes = gateway.pipelines.slice(middle) as any[];
    // First the account's outcomes (it defined none here), then page, count and the observed outcomes.
    expect(withOutcomes).toHaveLength(4);
    expect(gateway.collections.slice(middle)).toEqual(['call_vocabularies', 'calls', 'calls', 'calls']);
    expect(withOutcomes[0][0]).toEqual({ $match: { tenant_id: 't1', kind: { $in: ['outcome'] } } });
    const choices = withOutcomes.find((pipeline) => pipeline[1]?.$facet);
    expect(Object.keys(choices[0].$match)).toEqual(['tenant_id', 'started_at']);
    expect(Object.keys(choices[1].$facet)).toEqual(['outcomesPresent']);
  });

  it('exposes every call field in camelCase', async () => {
    const fields =
      'id uniqueId timestamp answerTime callTime talkTime aiTalkTime totalTime type state status fromNumber toNumber toAnswer clientNumber lineNumber projectName projectId tags outcomeTag outcomeType qualityRating userId agentId teamId label firstTimeForUser aiHandled hasTranscript';
    const { calls } = await list('uniqueIds: ["u-01"]', '', `calls { ${fields} }`);
    expect(calls).toEqual([
      {
        id: 'c01', uniqueId: 'u-01', timestamp: '2024-03-01T09:00:00.000Z', answerTime: 5, callTime: 125, talkTime: 120,
        aiTalkTime: 60, totalTime: 130, type: 'INBOUND', state: 'ANSWERED', status: 'COMPLETED', fromNumber: '+1 (555) 010-0001',
        toNumber: '+15550100', toAnswer: 'agent-7', clientNumber: '+1 (555) 010-0001', lineNumber: '+15550100', projectName: 'Solar',
        projectId: 'p1', tags: ['hot', 'Solar Lead'], outcomeTag: 'sale', outcomeType: 'POSITIVE', qualityRating: 5, userId: 'u1',
        agentId: 'a1', teamId: 't-a', label: 'VIP customer', firstTimeForUser: true, aiHandled: true, hasTranscript: true,
      },
    ]);
    const sparse = await list('types: [INTERNAL]', '', `calls { ${fields} }`);
    expect(sparse.calls[0]).toMatchObject({
      id: 'c04', uniqueId: null, answerTime: 0, callTime: 0, talkTime: 0, totalTime: 0, type: 'INTERNAL', state: 'FAILED',
      status: 'FAILED', clientNumber: '102', toAnswer: null, lineNumber: null, tags: [], outcomeTag: null, outcomeType: 'ABSENT',
      qualityRating: null, firstTimeForUser: null, aiHandled: null,
    });
    const busy = await list('types: [INBOUND], states: [UNANSWERED]', ', sortDirection: ASC', 'calls { id status state outcomeType clientNumber }');
    expect(busy.calls).toEqual([
      { id: 'c09', status: 'VOICEMAIL', state: 'UNANSWERED', outcomeType: null, clientNumber: '+15550005' },
      { id: 'c05', status: 'BUSY', state: 'UNANSWERED', outcomeType: null, clientNumber: '+15550003' },
    ]);
  });
});

const STATS_FIELDS = `all { ...Block } in { ...Block } out { ...Block } our { ...Block }
  tagsSuccess tagsDefault tagsFail tagsNoResult aiTalkTime allTalkTime aiTalkCost`;
const BLOCK_FRAGMENT = `fragment Block on DirectionCallStats {
  all fail success talks error unique firstTime active
  total { sum count min max } call { sum count min max } answer { sum count min max } }`;

async function stats(search: string, key: string = KEYS.t1) {
  const { status, body } = await gateway.query(`{ callStats(search: { ${DAYS}, ${search} }) { ${STATS_FIELDS} } } ${BLOCK_FRAGMENT}`, {}, key);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data!.callStats;
}

const none = { sum: 0, count: 0, min: null, max: null };
const emptyBlock = { all: 0, fail: 0, success: 0, talks: 0, error: 0, unique: 0, firstTime: 0, active: 0, total: none, call: none, answer: none };

describe('callStats', () => {
  it('matches the hand-computed statistics per direction and overall', async () => {
    const inbound = {
      all: 3, fail: 2, success: 1, talks: 1, error: 0, unique: 3, firstTime: 2, active: 1,
      total: { sum: 165, count: 3, min: 15, max: 130 },
      call: { sum: 140, count: 3, min: 0, max: 125 },
      answer: { sum: 5, count: 1, min: 5, max: 5 },
    };
    const outbound = {
      all: 2, fail: 1, success: 1, talks: 1, error: 0, unique: 2, firstTime: 0, active: 0,
      total: { sum: 350, count: 2, min: 30, max: 320 },
      call: { sum: 310, count: 2, min: 0, max: 310 },
      answer: { sum: 10, count: 1, min: 10, max: 10 },
    };
    const internal = {
      all: 1, fail: 0, success: 0, talks: 0, error: 1, unique: 1, firstTime: 0, active: 0,
      total: { sum: 0, count: 1, min: 0, max: 0 },
      call: { sum: 0, count: 1, min: 0, max: 0 },
      answer: none,
    };
    expect(await stats('')).toEqual({
      // +15550003 is the client of an outbound call (c03) and an inbound one (c05): it counts once.
      all: {
        all: 6, fail: 3, success: 2, talks: 2, error: 1, unique: 5, firstTime: 2, active: 1,
        total: { sum: 515, count: 6, min: 0, max: 320 },
        call: { sum: 450, count: 6, min: 0, max: 310 },
        answer: { sum: 15, count: 2, min: 5, max: 10 },
      },
      in: inbound,
      out: outbound,
      our: internal,
      tagsSuccess: 1,
      tagsDefault: 1,
      tagsFail: 1,
      tagsNoResult: 3,
      aiTalkTime: 160,
      allTalkTime: 420,
      aiTalkCost: 12.35,
    });
  });

  it('gives empty blocks (null min/max) for directions without calls', async () => {
    const result = await stats('types: [INBOUND]');
    expect(result.all).toEqual(result.in);
    expect(result.out).toEqual(emptyBlock);
    expect(result.our).toEqual(emptyBlock);
    expect(await stats('uniqueIds: ["none"]')).toEqual({
      all: emptyBlock, in: emptyBlock, out: emptyBlock, our: emptyBlock,
      tagsSuccess: 0, tagsDefault: 0, tagsFail: 0, tagsNoResult: 0, aiTalkTime: 0, allTalkTime: 0, aiTalkCost: 0,
    });
  });

  it('counts the calls the list counts, for any search and key', async () => {
    const searches = ['', 'categories: [INBOUND, FAILED]', 'searchString: "0100"', 'showTransfers: true', 'talkTimeTo: 0', 'outcomeTypes: [ABSENT]', 'allUsers: true'];
    for (const search of searches) {
      for (const key of [KEYS.t1, KEYS.t1UserAll, ...(search.includes('allUsers') ? [] : [KEYS.t1User])]) {
        const { totalItems } = await list(search, '', 'totalItems', key);
        const { all } = await stats(search, key);
        expect(all.all, `${search} / ${key}`).toBe(totalItems);
      }
    }
  });

  it('scopes a user-bound key to its user', async () => {
    const result = await stats('', KEYS.t1User);
    expect(result.all).toMatchObject({ all: 4, success: 2, fail: 2, unique: 3 });
    expect(result.our).toEqual(emptyBlock);
  });

  it('includes transfer legs only when asked', async () => {
    const result = await stats('showTransfers: true');
    expect(result.in).toMatchObject({ all: 4, success: 2, unique: 4, answer: { sum: 8, count: 2, min: 3, max: 5 } });
  });
});

describe('dialer errors', () => {
  const badSearches: [string, string][] = [
    ['dayFrom: "2024-03-06", dayTo: "2024-03-05"', 'search.dayFrom'],
    ['dayFrom: "2023-01-01", dayTo: "2024-01-02"', 'search.dayTo'],
    ['dayFrom: "2024-03-01", dayTo: "2024-03-05", talkTimeFrom: 10, talkTimeTo: 9', 'search.talkTimeFrom'],
    ['dayFrom: "2024-03-01", dayTo: "2024-03-05", answerTimeFrom: 3, answerTimeTo: 2', 'search.answerTimeFrom'],
    [`dayFrom: "2024-03-01", dayTo: "2024-03-05", searchString: "${'x'.repeat(201)}"`, 'search.searchString'],
    ['dayFrom: "2024-03-01", dayTo: "2024-03-05", timezone: "Mars/Base"', 'search.timezone'],
  ];

  it.each(badSearches)('calls(search: { %s }) is BAD_USER_INPUT naming %s', async (search, argument) => {
    const { status, body } = await gateway.query(`{ calls(search: { ${search} }) { totalItems } }`, {}, KEYS.t1);
    expect(status).toBe(200);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(body.errors?.[0].message).toContain(argument);
  });

  it.each(badSearches)('callStats(search: { %s }) is BAD_USER_INPUT naming %s', async (search, argument) => {
    const { body } = await gateway.query(`{ callStats(search: { ${search} }) { all { all } } }`, {}, KEYS.t1);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it.each([
    ['page: 0', 'page'],
    ['page: -1', 'page'],
    ['itemsPerPage: 0', 'itemsPerPage'],
    ['itemsPerPage: 1001', 'itemsPerPage'],
  ])('%s is BAD_USER_INPUT naming %s', async (args, argument) => {
    const { body } = await gateway.query(`{ calls(search: { ${DAYS} }, ${args}) { totalItems } }`, {}, KEYS.t1);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(body.errors?.[0].message).toContain(argument);
  });

  it('accepts the edges: 366 days, 200 characters, 1000 items per page', async () => {
    const { body } = await gateway.query(
      `{ calls(search: { dayFrom: "2024-01-01", dayTo: "2024-12-31", searchString: "${'x'.repeat(200)}" }, itemsPerPage: 1000) { totalItems } }`,
      {},
      KEYS.t1,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.calls.totalItems).toBe(0);
  });

  it.each([
    ['a missing dayTo', '{ calls(search: { dayFrom: "2024-03-01" }) { totalItems } }'],
    ['an unknown category', `{ calls(search: { ${DAYS}, categories: [INBOUND_BUSY] }) { totalItems } }`],
    ['an unknown sort field', `{ calls(search: { ${DAYS} }, sortBy: DURATION) { totalItems } }`],
  ])('rejects %s as a validation error (HTTP 400)', async (_name, document) => {
    const { status } = await gateway.query(document, {}, KEYS.t1);
    expect(status).toBe(400);
  });

  it('needs a key', async () => {
    const { status, body } = await gateway.query(`{ callStats(search: { ${DAYS} }) { all { all } } }`);
    expect(status).toBe(401);
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

/**
 * The same queries on a live MongoDB (CI sets MONGODB_TEST_URI) must give what the embedded
 * engine gives: `$regex` on the `tags` array, `$unwind`, `$min` skipping nulls, `$facet`.
 */
const uri = process.env.MONGODB_TEST_URI;
describe.skipIf(!uri)('dialer on MongoDB matches the embedded engine', () => {
  let mongoGateway: ReturnType<typeof testGateway>;
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const database = await openTestDatabase({ uri: uri!, prefix: 'dialer', calls: data, keys: testKeys() });
    mongoGateway = testGateway({ calls: [], now: NOW, store: database.store });
    close = database.close;
  });

  afterAll(() => close());

  it.each([
    `{ calls(search: { ${DAYS}, searchString: "hot" }) { totalItems tags outcomes projects { id name } minTalkTime maxAnswerTime calls { id tags } } }`,
    `{ calls(search: { ${DAYS}, searchString: "+1 (555)" }, sortBy: TALK_TIME, sortDirection: ASC) { calls { id } } }`,
    `{ calls(search: { ${DAYS}, outcomeTypes: [ABSENT], talkTimeTo: 0 }, sortBy: ANSWER_TIME) { totalItems calls { id } } }`,
    `{ calls(search: { ${DAYS}, categories: [INTERNAL, ANSWERED] }, itemsPerPage: 2, page: 2) { totalItems pagesCount calls { id } } }`,
    `{ callStats(search: { ${DAYS}, showTransfers: true }) { ${STATS_FIELDS} } } ${BLOCK_FRAGMENT}`,
  ])('%s', async (document) => {
    const embedded = await gateway.query(document, {}, KEYS.t1);
    const mongo = await mongoGateway.query(document, {}, KEYS.t1);
    expect(mongo.body).toEqual(embedded.body);
  });
});
