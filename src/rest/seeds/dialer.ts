import {
  RestDialerCallsDocument,
  RestDialerStatsDocument,
  type DateInterval,
  type RestDialerCallsQuery,
  type RestDialerStatsQuery,
  type RestDirectionStatsFragment,
} from '../generated/graphql.ts';
import { defineRoute, type JsonSchema, type RouteInput } from '../route.ts';
import { DIALER_NAMES, dialerBodySchema, STATE_CODES, toCallSearch, toListArguments, TYPE_CODES } from './dialer-search.ts';
import { closedObject, nullable } from './seed-values.ts';

/** Seed 003: the dialer's call list and its statistics, keyed by `?api-key=` or a Bearer header. */

type GraphQLCall = RestDialerCallsQuery['calls']['calls'][number];

/**
 * The seed's record, in the seed's order and spelling, from the GraphQL call: `type` and
 * `state` as the seed's numeric codes, `outcomeType` in lower case as its filter spells it.
 */
const text = { type: nullable('string') };
const flag = { type: nullable('boolean') };
const instant = { type: nullable('string'), format: 'date-time' };
/** A record field's value: the GraphQL field of that name (null when missing), or computed from the call. */
type Source = keyof GraphQLCall | ((call: GraphQLCall) => unknown);

const RECORD: { [name: string]: { schema: JsonSchema; value: Source } } = {
  answerTime: { schema: { type: 'number', description: 'Seconds until answered.' }, value: 'answerTime' },
  callTime: { schema: { type: 'number', description: 'Seconds, start to end.' }, value: 'callTime' },
  campaign: { schema: text, value: 'campaign' },
  projectName: { schema: text, value: 'projectName' },
  projectId: { schema: text, value: 'projectId' },
  projectContactId: { schema: text, value: 'projectContactId' },
  crmInfo: { schema: { description: 'CRM data as stored (any JSON), or null.' }, value: 'crmInfo' },
  favorite: { schema: { type: 'boolean' }, value: 'favorite' },
  firstTimeForTree: { schema: flag, value: 'firstTimeForTree' },
  firstTimeForUser: { schema: flag, value: 'firstTimeForUser' },
  fromNumber: { schema: text, value: 'fromNumber' },
  id: { schema: { type: 'string' }, value: 'id' },
  insertOrigin: { schema: text, value: 'insertOrigin' },
  isRecordBlocked: { schema: flag, value: 'isRecordBlocked' },
  isRecordReady: { schema: flag, value: 'isRecordReady' },
  label: { schema: text, value: 'label' },
  numbersInvolvedJSON: { schema: { ...text, description: 'The numbers involved as a JSON array string.' }, value: 'numbersInvolvedJSON' },
  numbersRingedJSON: { schema: { ...text, description: 'The numbers rung as a JSON array string.' }, value: 'numbersRingedJSON' },
  qualityRating: { schema: { type: nullable('integer') }, value: 'qualityRating' },
  recallDate: { schema: instant, value: 'recallDate' },
  recallFirstAttemptDate: { schema: instant, value: 'recallFirstAttemptDate' },
  recallState: { schema: { type: nullable('integer') }, value: 'recallState' },
  recordName: { schema: text, value: 'recordName' },
  tags: { schema: { type: 'array', items: { type: 'string' } }, value: 'tags' },
  outcomeTag: { schema: text, value: 'outcomeTag' },
  outcomeType: { schema: { enum: ['positive', 'negative', 'neutral', 'absent', null] }, value: (c) => c.outcomeType?.toLowerCase() ?? null },
  talkTime: { schema: { type: 'number' }, value: 'talkTime' },
  aiTalkTime: { schema: { type: 'number' }, value: 'aiTalkTime' },
  timestamp: { schema: { type: 'string', format: 'date-time' }, value: 'timestamp' },
  toAnswer: { schema: text, value: 'toAnswer' },
  toNumber: { schema: text, value: 'toNumber' },
  totalTime: { schema: { type: 'number' }, value: 'totalTime' },
  treeId: { schema: text, value: 'treeId' },
  type: { schema: { enum: [0, 1, 2], description: '0 inbound, 1 outbound, 2 internal.' }, value: (c) => TYPE_CODES.indexOf(c.type) },
  state: { schema: { enum: [0, 1, 2], description: '0 unanswered, 1 answered, 2 failed.' }, value: (c) => STATE_CODES.indexOf(c.state) },
  uniqueId: { schema: text, value: 'uniqueId' },
  userId: { schema: text, value: 'userId' },
  agentShortNumber: { schema: text, value: 'agentShortNumber' },
  lineNumber: { schema: text, value: 'lineNumber' },
  clientNumber: { schema: text, value: 'clientNumber' },
  transfers: {
    schema: {
      type: nullable('array'),
      items: closedObject({ at: { type: 'string', format: 'date-time' }, from: { type: 'string' }, to: { type: 'string' }, type: { type: 'string' }, userId: text }),
    },
    value: 'transfers',
  },
  recordingExpired: { schema: flag, value: 'recordingExpired' },
  transcripts: {
    schema: {
      type: nullable('array'),
      items: closedObject({ atSec: { type: 'number' }, speaker: { enum: ['agent', 'client', 'ai'] }, text: { type: 'string' } }),
      description: 'Segments: seconds from the call start, the speaker, the text.',
    },
    value: (c) => c.transcripts?.map((segment) => ({ atSec: segment.atSec, speaker: segment.speaker.toLowerCase(), text: segment.text })) ?? null,
  },
  convoloAiRecordingSummary: { schema: text, value: 'aiRecordingSummary' },
  convoloAiRecordingTitle: { schema: text, value: 'aiRecordingTitle' },
};
const RECORD_FIELDS = Object.keys(RECORD);

const RECORD_SOURCES = RECORD_FIELDS.map((name) => RECORD[name].value);

// A field name rather than a closure per field: one direct read for most of the 45 fields.
const valueOf = (call: GraphQLCall, source: Source) => (typeof source === 'string' ? (call[source] ?? null) : source(call));

function seedRecord(call: GraphQLCall): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (let i = 0; i < RECORD_FIELDS.length; i++) record[RECORD_FIELDS[i]] = valueOf(call, RECORD_SOURCES[i]);
  return record;
}

/** The record's values in its field order: a CSV row, without building the record object. */
const recordCells = (call: GraphQLCall): unknown[] => RECORD_SOURCES.map((source) => valueOf(call, source));

const seconds = { type: nullable('number') };

export const dialerCallsRoute = defineRoute({
  id: 'dialerCalls',
  seed: '003',
  method: 'POST',
  path: '/api/v1/stat/calls',
  summary: 'Dialer calls matching a search, sorted and paged, with the tags, outcomes and projects present.',
  document: RestDialerCallsDocument,
  query: closedObject({}, []),
  body: dialerBodySchema(false),
  apiKeyInQuery: true,
  invalidValueStatus: 400,
  names: DIALER_NAMES,
  variables: ({ body }: RouteInput) => ({ search: toCallSearch(body), ...toListArguments(body) }),
  respond: ({ calls: list }: RestDialerCallsQuery) => ({
    success: true,
    calls: list.calls.map(seedRecord),
    tags: list.tags,
    outcomes: list.outcomes,
    projects: list.projects,
    minTalkTime: list.minTalkTime,
    maxTalkTime: list.maxTalkTime,
    minAnswerTime: list.minAnswerTime,
    maxAnswerTime: list.maxAnswerTime,
    page: list.page,
    pagesCount: list.pagesCount,
    totalItems: list.totalItems,
    timezone: list.timezone,
  }),
  response: closedObject({
    success: { const: true },
    calls: { type: 'array', items: closedObject(Object.fromEntries(RECORD_FIELDS.map((name) => [name, RECORD[name].schema]))) },
    tags: { type: 'array', items: { type: 'string' } },
    outcomes: { type: 'array', items: { type: 'string' } },
    projects: { type: 'array', items: closedObject({ id: { type: nullable('string') }, name: { type: nullable('string') } }) },
    minTalkTime: seconds,
    maxTalkTime: seconds,
    minAnswerTime: seconds,
    maxAnswerTime: seconds,
    page: { type: 'integer' },
    pagesCount: { type: 'integer' },
    totalItems: { type: 'integer' },
    timezone: { type: 'string' },
  }),
  csv: {
    columns: () => RECORD_FIELDS,
    *rows({ calls: list }) {
      for (const call of list.calls) yield recordCells(call);
    },
  },
});

const timeStats = closedObject({ sum: { type: 'number' }, count: { type: 'integer' }, min: seconds, max: seconds });
const directionStats = closedObject({
  ...Object.fromEntries(['all', 'fail', 'success', 'talks', 'error', 'unique', 'firstTime', 'active'].map((name) => [name, { type: 'integer' }])),
  total: timeStats,
  call: timeStats,
  answer: timeStats,
});
const detailedStatSchema = closedObject({
  all: directionStats,
  in: directionStats,
  out: directionStats,
  our: directionStats,
  tagsSuccess: { type: 'integer', description: 'Calls whose outcome type is positive.' },
  tagsDefault: { type: 'integer', description: 'Neutral.' },
  tagsFail: { type: 'integer', description: 'Negative.' },
  tagsNoResult: { type: 'integer', description: 'Absent or none.' },
  aiTalkTime: { type: 'number' },
  allTalkTime: { type: 'number' },
  aiTalkCost: { type: 'number', description: 'Currency units.' },
});

type Stats = Omit<RestDialerStatsQuery['callStats'], 'intervals'>;

/** The seed's `detailedStat` object from a block of GraphQL statistics (the whole range or one bucket). */
function detailedStat(stats: Stats): Record<string, unknown> {
  const direction = (block: RestDirectionStatsFragment) => block;
  return {
    all: direction(stats.all),
    in: direction(stats.in),
    out: direction(stats.out),
    our: direction(stats.our),
    tagsSuccess: stats.tagsSuccess,
    tagsDefault: stats.tagsDefault,
    tagsFail: stats.tagsFail,
    tagsNoResult: stats.tagsNoResult,
    aiTalkTime: stats.aiTalkTime,
    allTalkTime: stats.allTalkTime,
    aiTalkCost: stats.aiTalkCost,
  };
}

export const dialerStatsRoute = defineRoute({
  id: 'dialerStats',
  seed: '003',
  method: 'POST',
  path: '/api/v1/stat/calls-detailedV2',
  summary: 'Detailed statistics (all, inbound, outbound, internal) of the calls a search matches: the whole range, then one entry per dateInterval bucket.',
  document: RestDialerStatsDocument,
  query: closedObject({}, []),
  body: dialerBodySchema(true),
  apiKeyInQuery: true,
  invalidValueStatus: 400,
  names: DIALER_NAMES,
  variables: ({ body }: RouteInput) => ({ search: toCallSearch(body), dateInterval: String(body.dateInterval).toUpperCase() as DateInterval }),
  respond: ({ callStats }: RestDialerStatsQuery) => ({
    success: true,
    detailedStat: detailedStat(callStats),
    intervals: callStats.intervals.map((interval) => ({ label: interval.label, bucketStart: interval.bucketStart, detailedStat: detailedStat(interval) })),
  }),
  response: closedObject({
    success: { const: true },
    detailedStat: detailedStatSchema,
    intervals: {
      type: 'array',
      description: 'One entry per local bucket of the searched days (time order, empty buckets included).',
      items: closedObject({
        label: { type: 'string', description: 'Hour YYYY-MM-DDTHH:00, day YYYY-MM-DD, week = its Monday, month YYYY-MM.' },
        bucketStart: { type: 'string', format: 'date-time' },
        detailedStat: detailedStatSchema,
      }),
    },
  }),
});

