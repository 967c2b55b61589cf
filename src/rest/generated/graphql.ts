/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AnalyticsFilters = {
  /** Inclusive. Default: 30 days before dateTo. */
  dateFrom?: string | null | undefined;
  /** Inclusive. Default: now. */
  dateTo?: string | null | undefined;
  /** Seconds, inclusive; a missing duration counts as 0. */
  maxDuration?: number | null | undefined;
  merchantId?: string | number | null | undefined;
  /** Seconds, inclusive; a missing duration counts as 0. */
  minDuration?: number | null | undefined;
  /** Flat equality on payload.<key>: keys of letters, digits, _ and -; values string, number, boolean or null. */
  payloadFilters?: Record<string, unknown> | null | undefined;
  resellerId?: string | number | null | undefined;
  /** Inclusive. */
  sentimentMax?: number | null | undefined;
  /** Inclusive; set either bound to leave out calls without a sentiment. */
  sentimentMin?: number | null | undefined;
  templateId?: string | number | null | undefined;
};

export type AnalyticsQueryInput = {
  filters?: AnalyticsFilters | null | undefined;
  /** Time series only. */
  granularity?: Granularity | null | undefined;
  /** 1 or more. */
  page?: number | null | undefined;
  /** 1–1000. */
  pageSize?: number | null | undefined;
  queryType: AnalyticsQueryType;
  /** IANA zone for time buckets and the heatmap. */
  timezone?: string | null | undefined;
};

/** Which answer analyticsQuery gives; each has its own row type (see AnalyticsRow). */
export type AnalyticsQueryType =
  | 'AVG_DURATION_OVER_TIME'
  | 'CALLS_OVER_TIME'
  | 'CALL_COUNT'
  | 'CALL_DURATION'
  | 'CONVERSION_FUNNEL'
  | 'HOURLY_HEATMAP'
  | 'OUTCOME_DISTRIBUTION'
  | 'PROVIDER_BREAKDOWN'
  | 'RETRY_ANALYSIS'
  | 'SENTIMENT_DISTRIBUTION'
  | 'STATUS_DISTRIBUTION'
  | 'TOP_OUTCOMES';

/** A dialer call category: ALL, a direction, a state, or a direction_state pair such as INBOUND_ANSWERED. A list of categories keeps the union of the calls each names. */
export type CallCategory =
  | 'ALL'
  | 'ANSWERED'
  | 'FAILED'
  | 'INBOUND'
  | 'INBOUND_ANSWERED'
  | 'INBOUND_FAILED'
  | 'INBOUND_UNANSWERED'
  | 'INTERNAL'
  | 'INTERNAL_ANSWERED'
  | 'INTERNAL_FAILED'
  | 'INTERNAL_UNANSWERED'
  | 'OUTBOUND'
  | 'OUTBOUND_ANSWERED'
  | 'OUTBOUND_FAILED'
  | 'OUTBOUND_UNANSWERED'
  | 'UNANSWERED';

export type CallDimension =
  | 'AI_CATEGORY'
  | 'CALL_FLOW'
  | 'CALL_FLOW_ID'
  | 'DATE'
  | 'DAY_OF_WEEK'
  | 'DIRECTION'
  | 'HOUR'
  | 'HOUR_OF_DAY'
  | 'MONTH'
  | 'NUMBER_ID'
  | 'SOURCE'
  | 'STATUS'
  | 'TRACKING_NUMBER'
  | 'UTM_CAMPAIGN'
  | 'UTM_MEDIUM'
  | 'UTM_SOURCE'
  | 'UTM_TERM'
  | 'WEEK';

export type CallDirection =
  | 'INBOUND'
  | 'INTERNAL'
  | 'OUTBOUND';

export type CallFilter = {
  aiCategory?: string | null | undefined;
  callFlowId?: string | number | null | undefined;
  direction?: CallDirection | null | undefined;
  /** Last local day, inclusive. Default: today in `timezone`. */
  endDate?: string | null | undefined;
  /** Inclusive. */
  maxAiScore?: number | null | undefined;
  /** Inclusive. */
  minAiScore?: number | null | undefined;
  /** Seconds, inclusive; a missing duration counts as 0. */
  minDuration?: number | null | undefined;
  numberGroupId?: string | number | null | undefined;
  numberId?: string | number | null | undefined;
  /** false means "not true" (missing counts as not qualified). */
  qualified?: boolean | null | undefined;
  source?: string | null | undefined;
  /** First local day (in `timezone`), inclusive. Default: 29 days before endDate. */
  startDate?: string | null | undefined;
  status?: CallStatus | null | undefined;
};

/** The dialer search shared by `calls` and `callStats`. Every filter is AND-ed; an empty list filters nothing. */
export type CallSearch = {
  agentIds?: Array<string | number> | null | undefined;
  /** A key bound to one user sees only that user’s calls unless this is true. Account keys see every call either way. */
  allUsers?: boolean | null | undefined;
  /** Seconds, inclusive; a missing answer time counts as 0. */
  answerTimeFrom?: number | null | undefined;
  /** Seconds, inclusive. */
  answerTimeTo?: number | null | undefined;
  /** Union of the calls each category names; ALL keeps every call. */
  categories?: Array<CallCategory> | null | undefined;
  /** First local day in `timezone`, inclusive. */
  dayFrom: string;
  /** Last local day, inclusive; at most 366 days from dayFrom. */
  dayTo: string;
  /** Exact. */
  fromNumber?: string | null | undefined;
  /** Exactly the from, to or answering number. */
  number?: string | null | undefined;
  /** ABSENT also keeps calls without an outcome type. */
  outcomeTypes?: Array<OutcomeType> | null | undefined;
  /** Outcome tags, exact. */
  outcomes?: Array<string> | null | undefined;
  projectIds?: Array<string | number> | null | undefined;
  /** Exact rating (1–5). */
  qualityRating?: number | null | undefined;
  /** Case-insensitive literal substring (at most 200 characters, surrounding spaces ignored) of the from/to number, project name, label, outcome, any tag, campaign or AI recording title. Never a pattern. */
  searchString?: string | null | undefined;
  /** Only AI-handled calls that have a transcript. */
  showAICallsWithLog?: boolean | null | undefined;
  /** Include transfer legs (hidden by default). */
  showTransfers?: boolean | null | undefined;
  /** States to keep (completed → ANSWERED, failed → FAILED, other → UNANSWERED). */
  states?: Array<CallState> | null | undefined;
  /** Calls with any of these tags. */
  tags?: Array<string> | null | undefined;
  /** Seconds, inclusive; a missing talk time counts as 0. */
  talkTimeFrom?: number | null | undefined;
  /** Seconds, inclusive. */
  talkTimeTo?: number | null | undefined;
  teamIds?: Array<string | number> | null | undefined;
  /** Project names, exact. */
  textProjects?: Array<string> | null | undefined;
  /** IANA zone of the days. Default UTC. */
  timezone?: string | null | undefined;
  /** Answering number (`answered_by`), exact. */
  toAnswer?: string | null | undefined;
  /** Exact. */
  toNumber?: string | null | undefined;
  /** Directions to keep. */
  types?: Array<CallDirection> | null | undefined;
  /** Telephony session ids (`unique_id`). */
  uniqueIds?: Array<string | number> | null | undefined;
  /** Calls of this user only. */
  userId?: string | number | null | undefined;
};

/** TIMESTAMP = started_at; TALK_TIME and ANSWER_TIME count a missing time as 0. Ties: call id ascending. */
export type CallSortField =
  | 'ANSWER_TIME'
  | 'TALK_TIME'
  | 'TIMESTAMP';

/** completed → ANSWERED, failed → FAILED, every other status → UNANSWERED. */
export type CallState =
  | 'ANSWERED'
  | 'FAILED'
  | 'UNANSWERED';

/** Stored as lower case, `no-answer` for NO_ANSWER. */
export type CallStatus =
  | 'BUSY'
  | 'CANCELED'
  | 'COMPLETED'
  | 'FAILED'
  | 'NO_ANSWER'
  | 'VOICEMAIL';

/** Bucket of `callStats.intervals`: local hour, day, Monday-start week or month of the search time zone. */
export type DateInterval =
  | 'DAY'
  | 'HOUR'
  | 'MONTH'
  | 'WEEK';

/** Time-series bucket: local hour, day, week (Monday start) or month in the request time zone. */
export type Granularity =
  | 'DAY'
  | 'HOUR'
  | 'MONTH'
  | 'WEEK';

/** Every metric (SCREAMING_SNAKE) and every CallDimension; a dimension must be grouped to sort by it. */
export type GroupedSortKey =
  | 'AI_CATEGORY'
  | 'ANSWERED_COUNT'
  | 'AVG_AI_SCORE'
  | 'AVG_DURATION'
  | 'AVG_ROBO_SCORE'
  | 'CALL_FLOW'
  | 'CALL_FLOW_ID'
  | 'COUNT'
  | 'DATE'
  | 'DAY_OF_WEEK'
  | 'DIRECTION'
  | 'HOUR'
  | 'HOUR_OF_DAY'
  | 'MISSED_COUNT'
  | 'MONTH'
  | 'NUMBER_ID'
  | 'P50_DURATION'
  | 'P90_DURATION'
  | 'P95_DURATION'
  | 'P99_DURATION'
  | 'QUALIFIED_COUNT'
  | 'QUALIFIED_PCT'
  | 'SOURCE'
  | 'STATUS'
  | 'TOTAL_COST_CENTS'
  | 'TOTAL_DURATION'
  | 'TOTAL_VALUE_CENTS'
  | 'TRACKING_NUMBER'
  | 'UNIQUE_CALLERS'
  | 'UTM_CAMPAIGN'
  | 'UTM_MEDIUM'
  | 'UTM_SOURCE'
  | 'UTM_TERM'
  | 'VOICEMAIL_COUNT'
  | 'WEEK';

export type OutcomeType =
  | 'ABSENT'
  | 'NEGATIVE'
  | 'NEUTRAL'
  | 'POSITIVE';

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type SortOrder =
  | 'ASC'
  | 'DESC';

/** Who speaks in a transcript segment (stored agent, client, ai). */
export type TranscriptSpeaker =
  | 'AGENT'
  | 'AI'
  | 'CLIENT';

export type RestCallsByPhoneNumberQueryVariables = Exact<{
  startDate?: string | null | undefined;
  endDate?: string | null | undefined;
  assistantId?: string | number | null | undefined;
}>;


export type RestCallsByPhoneNumberQuery = { callsByPhoneNumber: Array<{ phoneNumber: string, totalCalls: number, totalDurationMinutes: number, totalDurationHours: number, avgDurationMinutes: number }> };

export type RestAdminCallsByPhoneNumberQueryVariables = Exact<{
  startDate?: string | null | undefined;
  endDate?: string | null | undefined;
  userEmail?: string | null | undefined;
}>;


export type RestAdminCallsByPhoneNumberQuery = { adminCallsByPhoneNumber: Array<{ phoneNumber: string, totalCalls: number, totalDurationMinutes: number, totalDurationHours: number }> };

export type RestAnalyticsQueryVariables = Exact<{
  input: AnalyticsQueryInput;
}>;


export type RestAnalyticsQuery = { analyticsQuery: { queryType: AnalyticsQueryType, total: number, page: number, pageSize: number, data: Array<
      | { __typename: 'CountRow', count: number }
      | { __typename: 'DistributionRow', key: string, count: number, percentage: number }
      | { __typename: 'DurationStatsRow', count: number, total: number, avg: number | null, min: number | null, max: number | null }
      | { __typename: 'FunnelStage', stage: string, leads: number, conversionRate: number }
      | { __typename: 'HeatmapCell', dayOfWeek: number, hour: number, count: number }
      | { __typename: 'ProviderRow', provider: string, count: number, totalDuration: number, avgDuration: number | null }
      | { __typename: 'RetryRow', attempt: number, calls: number, answered: number, answerRate: number }
      | { __typename: 'TimeSeriesPoint', date: string, count: number, avgDuration: number | null }
    > } };

export type RestDialerCallsQueryVariables = Exact<{
  search: CallSearch;
  page?: number | null | undefined;
  itemsPerPage?: number | null | undefined;
  sortBy?: CallSortField | null | undefined;
  sortDirection?: SortDirection | null | undefined;
}>;


export type RestDialerCallsQuery = { calls: { tags: Array<string>, outcomes: Array<string>, minTalkTime: number | null, maxTalkTime: number | null, minAnswerTime: number | null, maxAnswerTime: number | null, page: number, pagesCount: number, totalItems: number, timezone: string, calls: Array<{ answerTime: number, callTime: number, campaign: string | null, projectName: string | null, projectId: string | null, projectContactId: string | null, crmInfo: unknown, favorite: boolean, firstTimeForTree: boolean | null, firstTimeForUser: boolean | null, fromNumber: string | null, id: string, insertOrigin: string | null, isRecordBlocked: boolean | null, isRecordReady: boolean | null, label: string | null, numbersInvolvedJSON: string | null, numbersRingedJSON: string | null, qualityRating: number | null, recallDate: string | null, recallFirstAttemptDate: string | null, recallState: number | null, recordName: string | null, tags: Array<string>, outcomeTag: string | null, outcomeType: OutcomeType | null, talkTime: number, aiTalkTime: number, timestamp: string, toAnswer: string | null, toNumber: string | null, totalTime: number, treeId: string | null, type: CallDirection, state: CallState, uniqueId: string | null, userId: string | null, agentShortNumber: string | null, lineNumber: string | null, clientNumber: string | null, recordingExpired: boolean | null, aiRecordingSummary: string | null, aiRecordingTitle: string | null, transfers: Array<{ at: string, from: string, to: string, type: string, userId: string | null }> | null, transcripts: Array<{ atSec: number, speaker: TranscriptSpeaker, text: string }> | null }>, projects: Array<{ id: string | null, name: string | null }> } };

export type RestDialerStatsQueryVariables = Exact<{
  search: CallSearch;
  dateInterval: DateInterval;
}>;


export type RestDialerStatsQuery = { callStats: { tagsSuccess: number, tagsDefault: number, tagsFail: number, tagsNoResult: number, aiTalkTime: number, allTalkTime: number, aiTalkCost: number, all: { all: number, fail: number, success: number, talks: number, error: number, unique: number, firstTime: number, active: number, total: { sum: number, count: number, min: number | null, max: number | null }, call: { sum: number, count: number, min: number | null, max: number | null }, answer: { sum: number, count: number, min: number | null, max: number | null } }, in: { all: number, fail: number, success: number, talks: number, error: number, unique: number, firstTime: number, active: number, total: { sum: number, count: number, min: number | null, max: number | null }, call: { sum: number, count: number, min: number | null, max: number | null }, answer: { sum: number, count: number, min: number | null, max: number | null } }, out: { all: number, fail: number, success: number, talks: number, error: number, unique: number, firstTime: number, active: number, total: { sum: number, count: number, min: number | null, max: number | null }, call: { sum: number, count: number, min: number | null, max: number | null }, answer: { sum: number, count: number, min: number | null, max: number | null } }, our: { all: number, fail: number, success: number, talks: number, error: number, unique: number, firstTime: number, active: number, total: { sum: number, count: number, min: number | null, max: number | null }, call: { sum: number, count: number, min: number | null, max: number | null }, answer: { sum: number, count: number, min: number | null, max: number | null } }, intervals: Array<{ label: string, bucketStart: string, tagsSuccess: number, tagsDefault: number, tagsFail: number, tagsNoResult: number, aiTalkTime: number, allTalkTime: number, aiTalkCost: number, all: { all: number, fail: number, success: number, talks: number, error: number, unique: number, firstTime: number, active: number, total: { sum: number, count: number, min: number | null, max: number | null }, call: { sum: number, count: number, min: number | null, max: number | null }, answer: { sum: number, count: number, min: number | null, max: number | null } }, in: { all: number, fail: number, success: number, talks: number, error: number, unique: number, firstTime: number, active: number, total: { sum: number, count: number, min: number | null, max: number | null }, call: { sum: number, count: number, min: number | null, max: number | null }, answer: { sum: number, count: number, min: number | null, max: number | null } }, out: { all: number, fail: number, success: number, talks: number, error: number, unique: number, firstTime: number, active: number, total: { sum: number, count: number, min: number | null, max: number | null }, call: { sum: number, count: number, min: number | null, max: number | null }, answer: { sum: number, count: number, min: number | null, max: number | null } }, our: { all: number, fail: number, success: number, talks: number, error: number, unique: number, firstTime: number, active: number, total: { sum: number, count: number, min: number | null, max: number | null }, call: { sum: number, count: number, min: number | null, max: number | null }, answer: { sum: number, count: number, min: number | null, max: number | null } } }> } };

export type RestDirectionStatsFragment = { all: number, fail: number, success: number, talks: number, error: number, unique: number, firstTime: number, active: number, total: { sum: number, count: number, min: number | null, max: number | null }, call: { sum: number, count: number, min: number | null, max: number | null }, answer: { sum: number, count: number, min: number | null, max: number | null } };

export type RestGroupedCallsQueryVariables = Exact<{
  groupBy?: Array<CallDimension> | CallDimension | null | undefined;
  filter?: CallFilter | null | undefined;
  sortBy?: GroupedSortKey | null | undefined;
  sortOrder?: SortOrder | null | undefined;
  limit?: number | null | undefined;
  timezone?: string | null | undefined;
  withCount: boolean;
  withAvgDuration: boolean;
  withTotalDuration: boolean;
  withAvgAiScore: boolean;
  withQualifiedCount: boolean;
  withQualifiedPct: boolean;
  withTotalValueCents: boolean;
  withUniqueCallers: boolean;
  withAnsweredCount: boolean;
  withMissedCount: boolean;
  withVoicemailCount: boolean;
  withAvgRoboScore: boolean;
  withTotalCostCents: boolean;
  withP50Duration: boolean;
  withP90Duration: boolean;
  withP95Duration: boolean;
  withP99Duration: boolean;
}>;


export type RestGroupedCallsQuery = { groupedCalls: { count: number, rows: Array<{ source: string | null, utmSource: string | null, utmMedium: string | null, utmCampaign: string | null, utmTerm: string | null, callFlow: string | null, callFlowId: string | null, trackingNumber: string | null, numberId: string | null, aiCategory: string | null, status: string | null, direction: string | null, date: string | null, week: string | null, month: string | null, hour: string | null, hourOfDay: number | null, dayOfWeek: number | null, count?: number, avgDuration?: number | null, totalDuration?: number, avgAiScore?: number | null, qualifiedCount?: number, qualifiedPct?: number | null, totalValueCents?: number, uniqueCallers?: number, answeredCount?: number, missedCount?: number, voicemailCount?: number, avgRoboScore?: number | null, totalCostCents?: number, p50Duration?: number | null, p90Duration?: number | null, p95Duration?: number | null, p99Duration?: number | null }>, totals: { count?: number, avgDuration?: number | null, totalDuration?: number, avgAiScore?: number | null, qualifiedCount?: number, qualifiedPct?: number | null, totalValueCents?: number, uniqueCallers?: number, answeredCount?: number, missedCount?: number, voicemailCount?: number, avgRoboScore?: number | null, totalCostCents?: number, p50Duration?: number | null, p90Duration?: number | null, p95Duration?: number | null, p99Duration?: number | null } } };

export const RestDirectionStatsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestDirectionStats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DirectionCallStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"all"}},{"kind":"Field","name":{"kind":"Name","value":"fail"}},{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"talks"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"unique"}},{"kind":"Field","name":{"kind":"Name","value":"firstTime"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sum"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"call"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sum"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"answer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sum"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}}]} as unknown as DocumentNode<RestDirectionStatsFragment, unknown>;
export const RestCallsByPhoneNumberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestCallsByPhoneNumber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startDate"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endDate"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assistantId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callsByPhoneNumber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"startDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startDate"}}},{"kind":"Argument","name":{"kind":"Name","value":"endDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endDate"}}},{"kind":"Argument","name":{"kind":"Name","value":"assistantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assistantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"totalCalls"}},{"kind":"Field","name":{"kind":"Name","value":"totalDurationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"totalDurationHours"}},{"kind":"Field","name":{"kind":"Name","value":"avgDurationMinutes"}}]}}]}}]} as unknown as DocumentNode<RestCallsByPhoneNumberQuery, RestCallsByPhoneNumberQueryVariables>;
export const RestAdminCallsByPhoneNumberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestAdminCallsByPhoneNumber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startDate"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endDate"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userEmail"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EmailAddress"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminCallsByPhoneNumber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"startDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startDate"}}},{"kind":"Argument","name":{"kind":"Name","value":"endDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endDate"}}},{"kind":"Argument","name":{"kind":"Name","value":"userEmail"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userEmail"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"totalCalls"}},{"kind":"Field","name":{"kind":"Name","value":"totalDurationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"totalDurationHours"}}]}}]}}]} as unknown as DocumentNode<RestAdminCallsByPhoneNumberQuery, RestAdminCallsByPhoneNumberQueryVariables>;
export const RestAnalyticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestAnalytics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsQueryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analyticsQuery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"queryType"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CountRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DurationStatsRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"avg"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DistributionRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimeSeriesPoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"avgDuration"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RetryRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"calls"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"answerRate"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"totalDuration"}},{"kind":"Field","name":{"kind":"Name","value":"avgDuration"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HeatmapCell"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dayOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"hour"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FunnelStage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"conversionRate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RestAnalyticsQuery, RestAnalyticsQueryVariables>;
export const RestDialerCallsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestDialerCalls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CallSearch"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"itemsPerPage"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sortBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CallSortField"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sortDirection"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SortDirection"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"calls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"itemsPerPage"},"value":{"kind":"Variable","name":{"kind":"Name","value":"itemsPerPage"}}},{"kind":"Argument","name":{"kind":"Name","value":"sortBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sortBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"sortDirection"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sortDirection"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"calls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"answerTime"}},{"kind":"Field","name":{"kind":"Name","value":"callTime"}},{"kind":"Field","name":{"kind":"Name","value":"campaign"}},{"kind":"Field","name":{"kind":"Name","value":"projectName"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"projectContactId"}},{"kind":"Field","name":{"kind":"Name","value":"crmInfo"}},{"kind":"Field","name":{"kind":"Name","value":"favorite"}},{"kind":"Field","name":{"kind":"Name","value":"firstTimeForTree"}},{"kind":"Field","name":{"kind":"Name","value":"firstTimeForUser"}},{"kind":"Field","name":{"kind":"Name","value":"fromNumber"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"insertOrigin"}},{"kind":"Field","name":{"kind":"Name","value":"isRecordBlocked"}},{"kind":"Field","name":{"kind":"Name","value":"isRecordReady"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"numbersInvolvedJSON"}},{"kind":"Field","name":{"kind":"Name","value":"numbersRingedJSON"}},{"kind":"Field","name":{"kind":"Name","value":"qualityRating"}},{"kind":"Field","name":{"kind":"Name","value":"recallDate"}},{"kind":"Field","name":{"kind":"Name","value":"recallFirstAttemptDate"}},{"kind":"Field","name":{"kind":"Name","value":"recallState"}},{"kind":"Field","name":{"kind":"Name","value":"recordName"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeTag"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeType"}},{"kind":"Field","name":{"kind":"Name","value":"talkTime"}},{"kind":"Field","name":{"kind":"Name","value":"aiTalkTime"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"toAnswer"}},{"kind":"Field","name":{"kind":"Name","value":"toNumber"}},{"kind":"Field","name":{"kind":"Name","value":"totalTime"}},{"kind":"Field","name":{"kind":"Name","value":"treeId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"agentShortNumber"}},{"kind":"Field","name":{"kind":"Name","value":"lineNumber"}},{"kind":"Field","name":{"kind":"Name","value":"clientNumber"}},{"kind":"Field","name":{"kind":"Name","value":"transfers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recordingExpired"}},{"kind":"Field","name":{"kind":"Name","value":"transcripts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"atSec"}},{"kind":"Field","name":{"kind":"Name","value":"speaker"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aiRecordingSummary"}},{"kind":"Field","name":{"kind":"Name","value":"aiRecordingTitle"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minTalkTime"}},{"kind":"Field","name":{"kind":"Name","value":"maxTalkTime"}},{"kind":"Field","name":{"kind":"Name","value":"minAnswerTime"}},{"kind":"Field","name":{"kind":"Name","value":"maxAnswerTime"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pagesCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalItems"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}}]}}]} as unknown as DocumentNode<RestDialerCallsQuery, RestDialerCallsQueryVariables>;
export const RestDialerStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestDialerStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CallSearch"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dateInterval"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateInterval"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"dateInterval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dateInterval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"all"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestDirectionStats"}}]}},{"kind":"Field","name":{"kind":"Name","value":"in"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestDirectionStats"}}]}},{"kind":"Field","name":{"kind":"Name","value":"out"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestDirectionStats"}}]}},{"kind":"Field","name":{"kind":"Name","value":"our"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestDirectionStats"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tagsSuccess"}},{"kind":"Field","name":{"kind":"Name","value":"tagsDefault"}},{"kind":"Field","name":{"kind":"Name","value":"tagsFail"}},{"kind":"Field","name":{"kind":"Name","value":"tagsNoResult"}},{"kind":"Field","name":{"kind":"Name","value":"aiTalkTime"}},{"kind":"Field","name":{"kind":"Name","value":"allTalkTime"}},{"kind":"Field","name":{"kind":"Name","value":"aiTalkCost"}},{"kind":"Field","name":{"kind":"Name","value":"intervals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"bucketStart"}},{"kind":"Field","name":{"kind":"Name","value":"all"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestDirectionStats"}}]}},{"kind":"Field","name":{"kind":"Name","value":"in"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestDirectionStats"}}]}},{"kind":"Field","name":{"kind":"Name","value":"out"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestDirectionStats"}}]}},{"kind":"Field","name":{"kind":"Name","value":"our"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RestDirectionStats"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tagsSuccess"}},{"kind":"Field","name":{"kind":"Name","value":"tagsDefault"}},{"kind":"Field","name":{"kind":"Name","value":"tagsFail"}},{"kind":"Field","name":{"kind":"Name","value":"tagsNoResult"}},{"kind":"Field","name":{"kind":"Name","value":"aiTalkTime"}},{"kind":"Field","name":{"kind":"Name","value":"allTalkTime"}},{"kind":"Field","name":{"kind":"Name","value":"aiTalkCost"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RestDirectionStats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DirectionCallStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"all"}},{"kind":"Field","name":{"kind":"Name","value":"fail"}},{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"talks"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"unique"}},{"kind":"Field","name":{"kind":"Name","value":"firstTime"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sum"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"call"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sum"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"answer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sum"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}}]} as unknown as DocumentNode<RestDialerStatsQuery, RestDialerStatsQueryVariables>;
export const RestGroupedCallsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestGroupedCalls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CallDimension"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CallFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sortBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"GroupedSortKey"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sortOrder"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SortOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TimeZone"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withCount"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withAvgDuration"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withTotalDuration"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withAvgAiScore"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withQualifiedCount"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withQualifiedPct"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withTotalValueCents"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withUniqueCallers"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withAnsweredCount"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withMissedCount"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withVoicemailCount"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withAvgRoboScore"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withTotalCostCents"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withP50Duration"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withP90Duration"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withP95Duration"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withP99Duration"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupedCalls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"sortBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sortBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"sortOrder"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sortOrder"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"utmSource"}},{"kind":"Field","name":{"kind":"Name","value":"utmMedium"}},{"kind":"Field","name":{"kind":"Name","value":"utmCampaign"}},{"kind":"Field","name":{"kind":"Name","value":"utmTerm"}},{"kind":"Field","name":{"kind":"Name","value":"callFlow"}},{"kind":"Field","name":{"kind":"Name","value":"callFlowId"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"numberId"}},{"kind":"Field","name":{"kind":"Name","value":"aiCategory"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"week"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"hour"}},{"kind":"Field","name":{"kind":"Name","value":"hourOfDay"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withCount"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"avgDuration"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withAvgDuration"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"totalDuration"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withTotalDuration"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"avgAiScore"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withAvgAiScore"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"qualifiedCount"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withQualifiedCount"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"qualifiedPct"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withQualifiedPct"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"totalValueCents"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withTotalValueCents"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"uniqueCallers"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withUniqueCallers"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"answeredCount"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withAnsweredCount"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"missedCount"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withMissedCount"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"voicemailCount"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withVoicemailCount"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"avgRoboScore"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withAvgRoboScore"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"totalCostCents"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withTotalCostCents"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"p50Duration"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withP50Duration"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"p90Duration"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withP90Duration"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"p95Duration"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withP95Duration"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"p99Duration"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withP99Duration"}}}]}]}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withCount"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"avgDuration"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withAvgDuration"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"totalDuration"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withTotalDuration"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"avgAiScore"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withAvgAiScore"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"qualifiedCount"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withQualifiedCount"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"qualifiedPct"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withQualifiedPct"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"totalValueCents"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withTotalValueCents"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"uniqueCallers"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withUniqueCallers"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"answeredCount"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withAnsweredCount"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"missedCount"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withMissedCount"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"voicemailCount"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withVoicemailCount"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"avgRoboScore"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withAvgRoboScore"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"totalCostCents"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withTotalCostCents"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"p50Duration"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withP50Duration"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"p90Duration"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withP90Duration"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"p95Duration"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withP95Duration"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"p99Duration"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withP99Duration"}}}]}]}]}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]} as unknown as DocumentNode<RestGroupedCallsQuery, RestGroupedCallsQueryVariables>;