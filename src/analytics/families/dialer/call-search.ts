import { UserInputError } from '../../errors.ts';
import { containsText, equals, isTrue, oneOf, type CallField } from '../../query/conditions.ts';
import { rangeCondition } from '../../query/range-condition.ts';
import { dayString, idString, idStrings } from '../../query/argument-values.ts';
import { normalizeDayRange, type DayRange } from '../../query/day-range.ts';
import type { Condition } from '../../query/expression.ts';
import type { UserView } from '../../query/scope.ts';
import {
  CALL_DIRECTION,
  OUTCOME_TYPE,
  STATUSES_BY_STATE,
  type CallDirection,
  type CallState,
  type OutcomeType,
} from '../../registry/enums.ts';
import { normalizeTimeZone } from '../../time/time-zone.ts';
import { CALL_CATEGORIES, type CallCategory, type CallCategoryDefinition } from './call-categories.ts';

/** Longest `searchString` accepted, in characters. */
export const MAX_SEARCH_STRING = 200;
/** Longest `dayFrom..dayTo` range, in local days (a leap year). */
export const MAX_SEARCH_DAYS = 366;

/** The dialer's `CallSearch` (DESIGN 5.4): the filters both `calls` and `callStats` take. */
export interface CallSearchArgs {
  /** First local day, `YYYY-MM-DD`, inclusive. */
  dayFrom: string;
  /** Last local day, inclusive. */
  dayTo: string;
  timezone?: string | null;
  searchString?: string | null;
  types?: readonly CallDirection[] | null;
  states?: readonly CallState[] | null;
  categories?: readonly CallCategory[] | null;
  agentIds?: readonly string[] | null;
  teamIds?: readonly string[] | null;
  uniqueIds?: readonly string[] | null;
  projectIds?: readonly string[] | null;
  textProjects?: readonly string[] | null;
  tags?: readonly string[] | null;
  outcomes?: readonly string[] | null;
  outcomeTypes?: readonly OutcomeType[] | null;
  number?: string | null;
  fromNumber?: string | null;
  toNumber?: string | null;
  toAnswer?: string | null;
  talkTimeFrom?: number | null;
  talkTimeTo?: number | null;
  answerTimeFrom?: number | null;
  answerTimeTo?: number | null;
  qualityRating?: number | null;
  userId?: string | null;
  allUsers?: boolean | null;
  showTransfers?: boolean | null;
  showAICallsWithLog?: boolean | null;
}

/** A `CallSearch` as a client sends it: days may be `Date`s, IDs numbers (see argument-values.ts). */
export interface CallSearchInput extends Omit<CallSearchArgs, 'dayFrom' | 'dayTo' | 'agentIds' | 'teamIds' | 'uniqueIds' | 'projectIds' | 'userId'> {
  dayFrom: Date | string;
  dayTo: Date | string;
  agentIds?: readonly (string | number)[] | null;
  teamIds?: readonly (string | number)[] | null;
  uniqueIds?: readonly (string | number)[] | null;
  projectIds?: readonly (string | number)[] | null;
  userId?: string | number | null;
}

/** A client's search with days as `YYYY-MM-DD` and IDs as strings. */
export function toCallSearchArgs(input: CallSearchInput): CallSearchArgs {
  return {
    ...input,
    dayFrom: dayString(input.dayFrom) as string,
    dayTo: dayString(input.dayTo) as string,
    agentIds: idStrings(input.agentIds),
    teamIds: idStrings(input.teamIds),
    uniqueIds: idStrings(input.uniqueIds),
    projectIds: idStrings(input.projectIds),
    userId: idString(input.userId),
  };
}

/** A search after validation: the canonical zone, the instant range and the filter conditions. */
export interface NormalizedCallSearch {
  zone: string;
  range: DayRange;
  /** AND-ed after the tenant scope, in a fixed order (see `callSearchConditions`). */
  where: Condition[];
  /** `allUsers`/`userId`, checked against the key by the scope (the one place user binding is enforced). */
  users: UserView;
}

type ListFilter = 'agentIds' | 'teamIds' | 'uniqueIds' | 'projectIds' | 'textProjects' | 'tags' | 'outcomes';
type ExactFilter = 'fromNumber' | 'toNumber' | 'toAnswer' | 'qualityRating';

/** Set filters: a call matches when its field is one of the values (`tags`: any of its tags is). */
const LIST_FIELDS: Record<ListFilter, CallField> = {
  agentIds: 'agent_id',
  teamIds: 'team_id',
  uniqueIds: 'unique_id',
  projectIds: 'project_id',
  textProjects: 'project_name',
  tags: 'tags',
  outcomes: 'outcome',
};

/** Exact-value filters. */
const EXACT_FIELDS: Record<ExactFilter, CallField> = {
  fromNumber: 'from_number',
  toNumber: 'to_number',
  toAnswer: 'answered_by',
  qualityRating: 'quality_rating',
};

/** `number` matches the caller, the callee or the answering party. */
const NUMBER_FIELDS: readonly CallField[] = ['from_number', 'to_number', 'answered_by'];
/** What `searchString` looks in: numbers, project, label, outcome, every tag, the campaign and the AI recording title. */
export const SEARCH_FIELDS: readonly CallField[] = ['from_number', 'to_number', 'project_name', 'label', 'outcome', 'tags', 'campaign', 'ai_recording_title'];

/**
 * Validates a `CallSearch` and compiles it to the time range and the conditions shared by the
 * call list and the statistics, so the two always count the same calls. Argument paths in
 * errors start with `argument` (default `search`).
 */
export function normalizeCallSearch(options: {
  search: CallSearchArgs;
  now: Date;
  argument?: string;
}): NormalizedCallSearch {
  const { search, now, argument = 'search' } = options;
  const zone = normalizeTimeZone(search.timezone ?? 'UTC', `${argument}.timezone`);
  const range = normalizeDayRange({
    startDay: search.dayFrom,
    endDay: search.dayTo,
    zone,
    now,
    startArgument: `${argument}.dayFrom`,
    endArgument: `${argument}.dayTo`,
    maxDays: MAX_SEARCH_DAYS,
  });
  const users: UserView = {
    allUsers: search.allUsers,
    userId: search.userId,
    allUsersArgument: `${argument}.allUsers`,
    userIdArgument: `${argument}.userId`,
  };
  return { zone, range, where: callSearchConditions({ search, argument }), users };
}

/**
 * The filter conditions of a search (without the day range and the users, which the scope
 * owns), each validated. An empty list filters nothing, the same as an absent one. Order:
 * transfers, AI log, types, states, categories, set filters, outcome types, numbers, exact
 * values, time ranges, text.
 */
export function callSearchConditions(options: { search: CallSearchArgs; argument?: string }): Condition[] {
  const { search, argument = 'search' } = options;
  const conditions: (Condition | null)[] = [
    search.showTransfers === true ? null : isTrue('is_transfer_leg', false),
    search.showAICallsWithLog === true ? { ai_handled: true, has_transcript: true } : null,
    listCondition('direction', search.types?.map((type) => CALL_DIRECTION[type])),
    listCondition('status', search.states?.flatMap((state) => STATUSES_BY_STATE[state])),
    categoriesCondition(search.categories),
    ...(Object.keys(LIST_FIELDS) as ListFilter[]).map((name) => listCondition(LIST_FIELDS[name], search[name])),
    outcomeTypesCondition(search.outcomeTypes),
    search.number != null ? { $or: NUMBER_FIELDS.map((field) => equals(field, search.number as string)) } : null,
    ...(Object.keys(EXACT_FIELDS) as ExactFilter[]).map((name) => {
      const value = search[name];
      return value != null ? equals(EXACT_FIELDS[name], value) : null;
    }),
    secondsRange({ field: 'talk_time_sec', from: search.talkTimeFrom, to: search.talkTimeTo, argument: `${argument}.talkTime` }),
    secondsRange({ field: 'answer_time_sec', from: search.answerTimeFrom, to: search.answerTimeTo, argument: `${argument}.answerTime` }),
    searchStringCondition(search.searchString, `${argument}.searchString`),
  ];
  return conditions.filter((condition): condition is Condition => condition !== null);
}

/** `field` is one of the values; none (or an empty list) means no filter. Duplicates are dropped. */
function listCondition(field: CallField, values: readonly (string | number)[] | null | undefined): Condition | null {
  if (!values?.length) return null;
  return oneOf(field, [...new Set(values)]);
}

/** The union of the calls each category names; `ALL` anywhere means every call. */
function categoriesCondition(categories: readonly CallCategory[] | null | undefined): Condition | null {
  if (!categories?.length || categories.includes('ALL')) return null;
  const unique = [...new Set(categories)];
  const parts = unique.map((category) => categoryCondition(CALL_CATEGORIES[category]));
  return parts.length === 1 ? parts[0] : { $or: parts };
}

function categoryCondition(definition: CallCategoryDefinition): Condition {
  const condition: Condition = {};
  if (definition.direction) condition.direction = CALL_DIRECTION[definition.direction];
  if (definition.state) condition.status = { $in: [...STATUSES_BY_STATE[definition.state]] };
  return condition;
}

/** `ABSENT` also matches calls whose outcome type is null or missing. */
function outcomeTypesCondition(types: readonly OutcomeType[] | null | undefined): Condition | null {
  if (!types?.length) return null;
  const values: (string | null)[] = [...new Set(types)].map((type) => OUTCOME_TYPE[type]);
  if (types.includes('ABSENT')) values.push(null);
  return oneOf('outcome_type', values);
}

/**
 * Inclusive seconds. A call without the timing counts as 0 seconds (as it is sorted and as the
 * list's min/max report it), so a range that contains 0 also keeps calls without one.
 */
function secondsRange(options: {
  field: CallField;
  from: number | null | undefined;
  to: number | null | undefined;
  /** The bounds' common path: `search.talkTime` names `search.talkTimeFrom` / `search.talkTimeTo`. */
  argument: string;
}): Condition | null {
  const { field, from, to, argument } = options;
  return rangeCondition({ field, min: from, max: to, argument: { min: `${argument}From`, max: `${argument}To` }, missingAsZero: true });
}

/**
 * A case-insensitive literal substring of any searched field (`containsText` escapes it, so
 * `+1 (555)` is text, not a pattern). Surrounding spaces are ignored; nothing left means no filter.
 */
function searchStringCondition(text: string | null | undefined, argument: string): Condition | null {
  if (text == null) return null;
  if (text.length > MAX_SEARCH_STRING) {
    throw new UserInputError(argument, `${argument} is ${text.length} characters long; at most ${MAX_SEARCH_STRING} are allowed`);
  }
  const trimmed = text.trim();
  return trimmed ? containsText(SEARCH_FIELDS, trimmed) : null;
}
