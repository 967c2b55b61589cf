import { RestDialerCallsDocument, type RestDialerCallsQuery } from '../generated/graphql.ts';
import { defineRoute, type JsonSchema, type RouteInput } from '../route.ts';
import { DIALER_NAMES, dialerBodySchema, STATE_CODES, toCallSearch, toListArguments, TYPE_CODES } from './dialer-search.ts';
import { closedObject, nullable } from './seed-values.ts';

/** Seed 003: the dialer's call list, keyed by `?api-key=` or a Bearer header. */

type GraphQLCall = RestDialerCallsQuery['calls']['calls'][number];

/**
 * The seed's record, in the seed's order and spelling, from the GraphQL call: `type` and
 * `state` as the seed's numeric codes, `outcomeType` in lower case as its filter spells it.
 */
const RECORD: { [name: string]: { schema: JsonSchema; value(call: GraphQLCall): unknown } } = {
  answerTime: { schema: { type: 'number', description: 'Seconds until answered.' }, value: (c) => c.answerTime },
  callTime: { schema: { type: 'number', description: 'Seconds, start to end.' }, value: (c) => c.callTime },
  projectName: { schema: { type: nullable('string') }, value: (c) => c.projectName },
  projectId: { schema: { type: nullable('string') }, value: (c) => c.projectId },
  firstTimeForUser: { schema: { type: nullable('boolean') }, value: (c) => c.firstTimeForUser },
  fromNumber: { schema: { type: nullable('string') }, value: (c) => c.fromNumber },
  id: { schema: { type: 'string' }, value: (c) => c.id },
  label: { schema: { type: nullable('string') }, value: (c) => c.label },
  qualityRating: { schema: { type: nullable('integer') }, value: (c) => c.qualityRating },
  tags: { schema: { type: 'array', items: { type: 'string' } }, value: (c) => c.tags },
  outcomeTag: { schema: { type: nullable('string') }, value: (c) => c.outcomeTag },
  outcomeType: { schema: { enum: ['positive', 'negative', 'neutral', 'absent', null] }, value: (c) => c.outcomeType?.toLowerCase() ?? null },
  talkTime: { schema: { type: 'number' }, value: (c) => c.talkTime },
  aiTalkTime: { schema: { type: 'number' }, value: (c) => c.aiTalkTime },
  timestamp: { schema: { type: 'string', format: 'date-time' }, value: (c) => c.timestamp },
  toAnswer: { schema: { type: nullable('string') }, value: (c) => c.toAnswer },
  toNumber: { schema: { type: nullable('string') }, value: (c) => c.toNumber },
  totalTime: { schema: { type: 'number' }, value: (c) => c.totalTime },
  type: { schema: { enum: [0, 1, 2], description: '0 inbound, 1 outbound, 2 internal.' }, value: (c) => TYPE_CODES.indexOf(c.type) },
  state: { schema: { enum: [0, 1, 2], description: '0 unanswered, 1 answered, 2 failed.' }, value: (c) => STATE_CODES.indexOf(c.state) },
  uniqueId: { schema: { type: nullable('string') }, value: (c) => c.uniqueId },
  userId: { schema: { type: nullable('string') }, value: (c) => c.userId },
  lineNumber: { schema: { type: nullable('string') }, value: (c) => c.lineNumber },
  clientNumber: { schema: { type: nullable('string') }, value: (c) => c.clientNumber },
};
const RECORD_FIELDS = Object.keys(RECORD);

function seedRecord(call: GraphQLCall): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const name of RECORD_FIELDS) record[name] = RECORD[name].value(call);
  return record;
}

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
    rows: ({ calls: list }) => list.calls.map(seedRecord),
  },
});
