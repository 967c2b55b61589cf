import { CALL_CATEGORY_NAMES } from '../../analytics/families/dialer/call-categories.ts';
import { MAX_ITEMS_PER_PAGE } from '../../analytics/families/dialer/call-list.ts';
import type { CallCategory, CallDirection, CallSearch, CallState, OutcomeType } from '../generated/graphql.ts';
import type { JsonSchema } from '../route.ts';
import { closedObject, dateSchema } from './seed-values.ts';

/**
 * Seed 003's request body, shared by its two routes (the seed documents one parameter list for
 * both), and its numeric codes: `types` 0 INBOUND, 1 OUTBOUND, 2 INTERNAL; `states`
 * 0 UNANSWERED, 1 ANSWERED, 2 FAILED. Records carry the same codes back.
 */

export const TYPE_CODES: readonly CallDirection[] = ['INBOUND', 'OUTBOUND', 'INTERNAL'];
export const STATE_CODES: readonly CallState[] = ['UNANSWERED', 'ANSWERED', 'FAILED'];
export const DATE_INTERVALS = ['hour', 'day', 'week', 'month'] as const;
const SORT_FIELDS = { timestamp: 'TIMESTAMP', talkTime: 'TALK_TIME', answerTime: 'ANSWER_TIME' } as const;
const OUTCOME_TYPES = ['positive', 'negative', 'neutral', 'absent'];

const codes = (names: readonly string[]) => ({
  type: 'array',
  items: { enum: names.map((_, code) => code) },
  description: names.map((name, code) => `${code}: ${name}`).join(', '),
});
const ids = { type: 'array', items: { type: ['string', 'integer'] } };
const strings = { type: 'array', items: { type: 'string' } };
const seconds = (description: string) => ({ type: 'integer', description: `${description}, seconds.` });

const listArguments = (note: string): Record<string, JsonSchema> => ({
  page: { type: 'integer', default: 1, description: `Page, from 1.${note}` },
  itemsPerPage: { type: 'integer', default: 100, maximum: MAX_ITEMS_PER_PAGE, description: `Calls per page.${note}` },
  sortBy: { enum: Object.keys(SORT_FIELDS), default: 'timestamp', description: `Sort field; ties by call id.${note}` },
  sortDirection: { enum: ['ASC', 'DESC', 'asc', 'desc'], default: 'DESC', description: `Sort direction.${note}` },
});

export function dialerBodySchema(dateIntervalRequired: boolean): JsonSchema {
  return closedObject(
    {
      searchString: { type: 'string', description: 'Case-insensitive text in the numbers, project, label, outcome or tags.' },
      dayFrom: dateSchema('First day, inclusive'),
      dayTo: dateSchema('Last day, inclusive'),
      timezone: { type: 'string', default: 'UTC', description: 'IANA time zone of the days.' },
      dateInterval: {
        enum: [...DATE_INTERVALS],
        description: dateIntervalRequired
          ? 'Bucket of `intervals`.'
          : 'Accepted because the seed lists one body for both endpoints; the list has no buckets, so it has no effect here.',
      },
      types: codes(TYPE_CODES),
      states: codes(STATE_CODES),
      categories: { type: 'array', items: { enum: CALL_CATEGORY_NAMES.map((name) => name.toLowerCase()) } },
      agentIds: ids,
      teamIds: ids,
      uniqueIds: ids,
      number: { type: 'string' },
      fromNumber: { type: 'string' },
      toNumber: { type: 'string' },
      toAnswer: { type: 'string' },
      textProjects: strings,
      projectIds: ids,
      tags: strings,
      outcomes: strings,
      outcomeTypes: { type: 'array', items: { enum: OUTCOME_TYPES } },
      talkTimeFrom: seconds('Minimum talk time'),
      talkTimeTo: seconds('Maximum talk time'),
      answerTimeFrom: seconds('Minimum answer time'),
      answerTimeTo: seconds('Maximum answer time'),
      allUsers: { type: 'boolean' },
      userId: { type: ['string', 'integer'] },
      qualityRating: { type: 'integer' },
      showTransfers: { type: 'boolean' },
      showAICallsWithLog: { type: 'boolean' },
      ...listArguments(dateIntervalRequired ? ' Accepted because the seed lists one body for both endpoints; statistics have no pages or order.' : ''),
    },
    dateIntervalRequired ? ['dayFrom', 'dayTo', 'dateInterval'] : ['dayFrom', 'dayTo'],
  );
}

const idList = (value: unknown) => (Array.isArray(value) ? value.map(String) : undefined);
const optionalId = (value: unknown) => (value === undefined ? undefined : String(value));

/** The body (checked against `dialerBodySchema`) as GraphQL's `CallSearch`. */
export function toCallSearch(body: Record<string, unknown>): CallSearch {
  const list = <I, T>(value: unknown, map: (item: I) => T) => (Array.isArray(value) ? (value as I[]).map(map) : undefined);
  return {
    dayFrom: body.dayFrom as string,
    dayTo: body.dayTo as string,
    timezone: body.timezone as string | undefined,
    searchString: body.searchString as string | undefined,
    types: list(body.types, (code: number) => TYPE_CODES[code]),
    states: list(body.states, (code: number) => STATE_CODES[code]),
    categories: list(body.categories, (name: string) => name.toUpperCase() as CallCategory),
    agentIds: idList(body.agentIds),
    teamIds: idList(body.teamIds),
    uniqueIds: idList(body.uniqueIds),
    projectIds: idList(body.projectIds),
    textProjects: body.textProjects as string[] | undefined,
    tags: body.tags as string[] | undefined,
    outcomes: body.outcomes as string[] | undefined,
    outcomeTypes: list(body.outcomeTypes, (name: string) => name.toUpperCase() as OutcomeType),
    number: body.number as string | undefined,
    fromNumber: body.fromNumber as string | undefined,
    toNumber: body.toNumber as string | undefined,
    toAnswer: body.toAnswer as string | undefined,
    talkTimeFrom: body.talkTimeFrom as number | undefined,
    talkTimeTo: body.talkTimeTo as number | undefined,
    answerTimeFrom: body.answerTimeFrom as number | undefined,
    answerTimeTo: body.answerTimeTo as number | undefined,
    allUsers: body.allUsers as boolean | undefined,
    userId: optionalId(body.userId),
    qualityRating: body.qualityRating as number | undefined,
    showTransfers: body.showTransfers as boolean | undefined,
    showAICallsWithLog: body.showAICallsWithLog as boolean | undefined,
  };
}

export function toListArguments(body: Record<string, unknown>) {
  return {
    page: body.page as number | undefined,
    itemsPerPage: body.itemsPerPage as number | undefined,
    sortBy: body.sortBy === undefined ? undefined : SORT_FIELDS[body.sortBy as keyof typeof SORT_FIELDS],
    sortDirection: typeof body.sortDirection === 'string' ? (body.sortDirection.toUpperCase() as 'ASC' | 'DESC') : undefined,
  };
}

/** GraphQL argument names in the core's messages → the seed's body names. */
export const DIALER_NAMES: Record<string, string> = {
  'search.dayFrom': 'dayFrom',
  'search.dayTo': 'dayTo',
  'search.timezone': 'timezone',
  'search.searchString': 'searchString',
  'search.allUsers': 'allUsers',
  'search.userId': 'userId',
  'search.talkTimeFrom': 'talkTimeFrom',
  'search.talkTimeTo': 'talkTimeTo',
  'search.answerTimeFrom': 'answerTimeFrom',
  'search.answerTimeTo': 'answerTimeTo',
  'search.qualityRating': 'qualityRating',
};
