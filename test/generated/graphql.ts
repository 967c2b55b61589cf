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

export type CallDirection =
  | 'INBOUND'
  | 'INTERNAL'
  | 'OUTBOUND';

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

/** Time-series bucket: local hour, day, week (Monday start) or month in the request time zone. */
export type Granularity =
  | 'DAY'
  | 'HOUR'
  | 'MONTH'
  | 'WEEK';

export type OutcomeType =
  | 'ABSENT'
  | 'NEGATIVE'
  | 'NEUTRAL'
  | 'POSITIVE';

/** WEB_CALL for web sessions, UNKNOWN_PLATFORM for phone calls without a platform number. */
export type PlatformBucket =
  | 'PLATFORM_NUMBER'
  | 'UNKNOWN_PLATFORM'
  | 'WEB_CALL';

export type CallsByPhoneNumberQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
  assistantId?: string | number | null | undefined;
}>;


export type CallsByPhoneNumberQuery = { callsByPhoneNumber: Array<{ phoneNumber: string, bucket: PlatformBucket, totalCalls: number, totalDurationMinutes: number, totalDurationHours: number, avgDurationMinutes: number }> };

export type AdminCallsByPhoneNumberQueryVariables = Exact<{
  userEmail?: string | null | undefined;
}>;


export type AdminCallsByPhoneNumberQuery = { adminCallsByPhoneNumber: Array<{ phoneNumber: string, bucket: PlatformBucket, totalCalls: number, totalDurationMinutes: number, avgDurationMinutes: number }> };

export type CampaignPerformanceQueryVariables = Exact<{
  dayFrom?: string | null | undefined;
  dayTo?: string | null | undefined;
}>;


export type CampaignPerformanceQuery = { groupedCalls: { count: number, rows: Array<{ utmCampaign: string | null, count: number, qualifiedCount: number, qualifiedPct: number | null, avgAiScore: number | null, totalValueCents: number, uniqueCallers: number }>, totals: { count: number, qualifiedPct: number | null } } };

export type DailyVolumeQueryVariables = Exact<{
  timezone?: string | null | undefined;
}>;


export type DailyVolumeQuery = { groupedCalls: { rows: Array<{ date: string | null, count: number, answeredCount: number, missedCount: number, voicemailCount: number }> } };

export type BestHoursQueryVariables = Exact<{ [key: string]: never; }>;


export type BestHoursQuery = { groupedCalls: { rows: Array<{ dayOfWeek: number | null, hourOfDay: number | null, count: number, answeredCount: number }> } };

export type SourceRoiQueryVariables = Exact<{ [key: string]: never; }>;


export type SourceRoiQuery = { groupedCalls: { rows: Array<{ source: string | null, count: number, qualifiedCount: number, totalValueCents: number, totalCostCents: number }>, totals: { totalValueCents: number, totalCostCents: number } } };

export type DurationPercentilesQueryVariables = Exact<{
  dayFrom?: string | null | undefined;
  dayTo?: string | null | undefined;
}>;


export type DurationPercentilesQuery = { groupedCalls: { rows: Array<{ source: string | null, count: number, avgDuration: number | null, p50Duration: number | null, p90Duration: number | null, p99Duration: number | null }>, totals: { count: number, p50Duration: number | null, p90Duration: number | null, p95Duration: number | null, p99Duration: number | null } } };

export type AnalyticsCallsOverTimeQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
  granularity?: Granularity | null | undefined;
  timezone?: string | null | undefined;
}>;


export type AnalyticsCallsOverTimeQuery = { analyticsQuery: { total: number, data: Array<
      | { date: string, bucketStart: string, count: number, avgDuration: number | null }
      | Record<PropertyKey, never>
    > } };

export type AnalyticsOutcomeDistributionQueryVariables = Exact<{
  merchantId?: string | number | null | undefined;
  templateId?: string | number | null | undefined;
}>;


export type AnalyticsOutcomeDistributionQuery = { analyticsQuery: { total: number, data: Array<
      | { key: string, count: number, percentage: number }
      | Record<PropertyKey, never>
    > } };

export type AnalyticsDurationStatsQueryVariables = Exact<{
  payloadFilters?: Record<string, unknown> | null | undefined;
}>;


export type AnalyticsDurationStatsQuery = { analyticsQuery: { data: Array<
      | { count: number, total: number, avg: number | null, min: number | null, max: number | null, p50Duration: number | null, p90Duration: number | null, p95Duration: number | null, p99Duration: number | null }
      | Record<PropertyKey, never>
    > } };

export type AnalyticsConversionFunnelQueryVariables = Exact<{
  resellerId?: string | number | null | undefined;
}>;


export type AnalyticsConversionFunnelQuery = { analyticsQuery: { data: Array<
      | { stage: string, leads: number, conversionRate: number }
      | Record<PropertyKey, never>
    > } };

export type AnalyticsHeatmapQueryVariables = Exact<{
  timezone?: string | null | undefined;
  page?: number | null | undefined;
}>;


export type AnalyticsHeatmapQuery = { analyticsQuery: { total: number, page: number, pageSize: number, data: Array<
      | { dayOfWeek: number, hour: number, count: number }
      | Record<PropertyKey, never>
    > } };

export type AnalyticsAnyTypeQueryVariables = Exact<{
  input: AnalyticsQueryInput;
}>;


export type AnalyticsAnyTypeQuery = { analyticsQuery: { queryType: AnalyticsQueryType, total: number, page: number, pageSize: number, data: Array<
      | { __typename: 'CountRow', count: number }
      | { __typename: 'DistributionRow', key: string, count: number, percentage: number }
      | { __typename: 'DurationStatsRow' }
      | { __typename: 'FunnelStage' }
      | { __typename: 'HeatmapCell' }
      | { __typename: 'ProviderRow', provider: string, count: number, totalDuration: number, avgDuration: number | null }
      | { __typename: 'RetryRow', attempt: number, calls: number, answered: number, answerRate: number }
      | { __typename: 'TimeSeriesPoint', date: string, count: number, avgDuration: number | null }
    > } };

export type MissedInboundCallsQueryVariables = Exact<{
  day: string;
  timezone?: string | null | undefined;
}>;


export type MissedInboundCallsQuery = { calls: { totalItems: number, pagesCount: number, timezone: string, tags: Array<string>, outcomes: Array<string>, projects: Array<{ id: string | null, name: string | null }>, calls: Array<{ id: string, timestamp: string, clientNumber: string | null, lineNumber: string | null, status: CallStatus, answerTime: number, projectName: string | null }> } };

export type SearchCallsQueryVariables = Exact<{
  dayFrom: string;
  dayTo: string;
  text?: string | null | undefined;
  page?: number | null | undefined;
}>;


export type SearchCallsQuery = { calls: { page: number, pagesCount: number, totalItems: number, minTalkTime: number | null, maxTalkTime: number | null, minAnswerTime: number | null, maxAnswerTime: number | null, calls: Array<{ id: string, uniqueId: string | null, timestamp: string, type: CallDirection, state: CallState, fromNumber: string | null, toNumber: string | null, toAnswer: string | null, talkTime: number, totalTime: number, tags: Array<string>, outcomeTag: string | null, outcomeType: OutcomeType | null, agentId: string | null }> } };

export type DialerStatsQueryVariables = Exact<{
  dayFrom: string;
  dayTo: string;
  teamIds?: Array<string | number> | string | number | null | undefined;
}>;


export type DialerStatsQuery = { callStats: { tagsSuccess: number, tagsDefault: number, tagsFail: number, tagsNoResult: number, aiTalkTime: number, allTalkTime: number, aiTalkCost: number, all: { all: number, success: number, fail: number, error: number, talks: number, unique: number, firstTime: number, active: number, total: { sum: number, count: number, min: number | null, max: number | null }, call: { sum: number, count: number, min: number | null, max: number | null }, answer: { sum: number, count: number, min: number | null, max: number | null } }, in: { all: number, success: number, fail: number, unique: number, talks: number }, out: { all: number, success: number, fail: number, unique: number, talks: number }, our: { all: number, success: number, fail: number, unique: number, talks: number } } };

export type AiCallsWithTranscriptsQueryVariables = Exact<{
  dayFrom: string;
  dayTo: string;
}>;


export type AiCallsWithTranscriptsQuery = { calls: { totalItems: number, calls: Array<{ id: string, timestamp: string, aiTalkTime: number, talkTime: number, outcomeTag: string | null, qualityRating: number | null }> } };


export const CallsByPhoneNumberDocument = {"__meta__":{"hash":"sha256:05adc1da2e7df49349dc69fa127e33abac4650435d06f573029213e5b0fa7116"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallsByPhoneNumber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assistantId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callsByPhoneNumber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"startDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"endDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"assistantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assistantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"totalCalls"}},{"kind":"Field","name":{"kind":"Name","value":"totalDurationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"totalDurationHours"}},{"kind":"Field","name":{"kind":"Name","value":"avgDurationMinutes"}}]}}]}}]} as unknown as DocumentNode<CallsByPhoneNumberQuery, CallsByPhoneNumberQueryVariables>;
export const AdminCallsByPhoneNumberDocument = {"__meta__":{"hash":"sha256:82fd8ed5f1c32912e1d4882546656806cbaf3c83ef00ce2470fadb9d6a7ca055"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminCallsByPhoneNumber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userEmail"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EmailAddress"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminCallsByPhoneNumber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userEmail"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userEmail"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"totalCalls"}},{"kind":"Field","name":{"kind":"Name","value":"totalDurationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"avgDurationMinutes"}}]}}]}}]} as unknown as DocumentNode<AdminCallsByPhoneNumberQuery, AdminCallsByPhoneNumberQueryVariables>;
export const CampaignPerformanceDocument = {"__meta__":{"hash":"sha256:206bc1f53e67b1dc2d42575a278eb8385cef9232af2885663f4678d3bb3eaf2f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CampaignPerformance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dayFrom"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dayTo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupedCalls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"UTM_CAMPAIGN"}]}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"startDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dayFrom"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"endDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dayTo"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"sortBy"},"value":{"kind":"EnumValue","value":"COUNT"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"utmCampaign"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"qualifiedCount"}},{"kind":"Field","name":{"kind":"Name","value":"qualifiedPct"}},{"kind":"Field","name":{"kind":"Name","value":"avgAiScore"}},{"kind":"Field","name":{"kind":"Name","value":"totalValueCents"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueCallers"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"qualifiedPct"}}]}}]}}]}}]} as unknown as DocumentNode<CampaignPerformanceQuery, CampaignPerformanceQueryVariables>;
export const DailyVolumeDocument = {"__meta__":{"hash":"sha256:7ae384ce215c1f144827b98b55bf5b1c6ad58c3e6b57057ee9006ac337d319fe"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DailyVolume"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TimeZone"}},"defaultValue":{"kind":"StringValue","value":"America/New_York","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupedCalls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DATE"}]}},{"kind":"Argument","name":{"kind":"Name","value":"sortBy"},"value":{"kind":"EnumValue","value":"DATE"}},{"kind":"Argument","name":{"kind":"Name","value":"sortOrder"},"value":{"kind":"EnumValue","value":"ASC"}},{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"answeredCount"}},{"kind":"Field","name":{"kind":"Name","value":"missedCount"}},{"kind":"Field","name":{"kind":"Name","value":"voicemailCount"}}]}}]}}]}}]} as unknown as DocumentNode<DailyVolumeQuery, DailyVolumeQueryVariables>;
export const BestHoursDocument = {"__meta__":{"hash":"sha256:eb8136fcfda73131907661b3413aedc74580c3a3c9472f299a1665d438439f99"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BestHours"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupedCalls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DAY_OF_WEEK"},{"kind":"EnumValue","value":"HOUR_OF_DAY"}]}},{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"America/New_York","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dayOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"hourOfDay"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"answeredCount"}}]}}]}}]}}]} as unknown as DocumentNode<BestHoursQuery, BestHoursQueryVariables>;
export const SourceRoiDocument = {"__meta__":{"hash":"sha256:d6a8892ed45cf1192ef031b0b2a285961bce13e72fc16adaf239c69c5ca6ed7f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SourceRoi"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupedCalls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SOURCE"}]}},{"kind":"Argument","name":{"kind":"Name","value":"sortBy"},"value":{"kind":"EnumValue","value":"TOTAL_VALUE_CENTS"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"qualifiedCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalValueCents"}},{"kind":"Field","name":{"kind":"Name","value":"totalCostCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalValueCents"}},{"kind":"Field","name":{"kind":"Name","value":"totalCostCents"}}]}}]}}]}}]} as unknown as DocumentNode<SourceRoiQuery, SourceRoiQueryVariables>;
export const DurationPercentilesDocument = {"__meta__":{"hash":"sha256:dc22ea6b51b08c2d8a4d94eb0f4360d2c632203e98a5472ed256d5922a2321d8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DurationPercentiles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dayFrom"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dayTo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupedCalls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SOURCE"}]}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"startDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dayFrom"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"endDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dayTo"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"sortBy"},"value":{"kind":"EnumValue","value":"P90_DURATION"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"avgDuration"}},{"kind":"Field","name":{"kind":"Name","value":"p50Duration"}},{"kind":"Field","name":{"kind":"Name","value":"p90Duration"}},{"kind":"Field","name":{"kind":"Name","value":"p99Duration"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"p50Duration"}},{"kind":"Field","name":{"kind":"Name","value":"p90Duration"}},{"kind":"Field","name":{"kind":"Name","value":"p95Duration"}},{"kind":"Field","name":{"kind":"Name","value":"p99Duration"}}]}}]}}]}}]} as unknown as DocumentNode<DurationPercentilesQuery, DurationPercentilesQueryVariables>;
export const AnalyticsCallsOverTimeDocument = {"__meta__":{"hash":"sha256:cfc0f026af8d850ffd0f29117bf622c5556e024a2f1faa20d8db29d7a0808ac5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsCallsOverTime"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Granularity"}},"defaultValue":{"kind":"EnumValue","value":"DAY"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TimeZone"}},"defaultValue":{"kind":"StringValue","value":"America/New_York","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analyticsQuery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"queryType"},"value":{"kind":"EnumValue","value":"AVG_DURATION_OVER_TIME"}},{"kind":"ObjectField","name":{"kind":"Name","value":"filters"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"dateFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"dateTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"granularity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"timezone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"IntValue","value":"1000"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimeSeriesPoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"bucketStart"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"avgDuration"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AnalyticsCallsOverTimeQuery, AnalyticsCallsOverTimeQueryVariables>;
export const AnalyticsOutcomeDistributionDocument = {"__meta__":{"hash":"sha256:f004495f31f961d4813580a26e21ff3bf1a51061012977c6f574c9dd6eaf030f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsOutcomeDistribution"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"templateId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analyticsQuery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"queryType"},"value":{"kind":"EnumValue","value":"OUTCOME_DISTRIBUTION"}},{"kind":"ObjectField","name":{"kind":"Name","value":"filters"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"merchantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchantId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"templateId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"templateId"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DistributionRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AnalyticsOutcomeDistributionQuery, AnalyticsOutcomeDistributionQueryVariables>;
export const AnalyticsDurationStatsDocument = {"__meta__":{"hash":"sha256:04f025e5b998a56a103e9518d126244eb7058aaf6c592df5ef36ae6d47f0cc50"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsDurationStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"payloadFilters"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JSONObject"}},"defaultValue":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"plan"},"value":{"kind":"StringValue","value":"premium","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analyticsQuery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"queryType"},"value":{"kind":"EnumValue","value":"CALL_DURATION"}},{"kind":"ObjectField","name":{"kind":"Name","value":"filters"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"minDuration"},"value":{"kind":"IntValue","value":"30"}},{"kind":"ObjectField","name":{"kind":"Name","value":"maxDuration"},"value":{"kind":"IntValue","value":"600"}},{"kind":"ObjectField","name":{"kind":"Name","value":"payloadFilters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"payloadFilters"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DurationStatsRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"avg"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"p50Duration"}},{"kind":"Field","name":{"kind":"Name","value":"p90Duration"}},{"kind":"Field","name":{"kind":"Name","value":"p95Duration"}},{"kind":"Field","name":{"kind":"Name","value":"p99Duration"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AnalyticsDurationStatsQuery, AnalyticsDurationStatsQueryVariables>;
export const AnalyticsConversionFunnelDocument = {"__meta__":{"hash":"sha256:3a220a0891e0cfb61baede28a7ad5d1995195648f9d9cf09a16c4b686a1d1f2f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsConversionFunnel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resellerId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analyticsQuery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"queryType"},"value":{"kind":"EnumValue","value":"CONVERSION_FUNNEL"}},{"kind":"ObjectField","name":{"kind":"Name","value":"filters"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"resellerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resellerId"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FunnelStage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"conversionRate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AnalyticsConversionFunnelQuery, AnalyticsConversionFunnelQueryVariables>;
export const AnalyticsHeatmapDocument = {"__meta__":{"hash":"sha256:91c5b3d14133f7d055df43eb9473b87a0cb60d13c48ff226a6343bb8d9657a19"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsHeatmap"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TimeZone"}},"defaultValue":{"kind":"StringValue","value":"Europe/Berlin","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analyticsQuery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"queryType"},"value":{"kind":"EnumValue","value":"HOURLY_HEATMAP"}},{"kind":"ObjectField","name":{"kind":"Name","value":"timezone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"IntValue","value":"24"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HeatmapCell"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dayOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"hour"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AnalyticsHeatmapQuery, AnalyticsHeatmapQueryVariables>;
export const AnalyticsAnyTypeDocument = {"__meta__":{"hash":"sha256:ae099e1526e502488fdacf0315d16c85a45a6fb94683edc85010dabfe1831045"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsAnyType"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsQueryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analyticsQuery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"queryType"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CountRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DistributionRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RetryRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"calls"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"answerRate"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"totalDuration"}},{"kind":"Field","name":{"kind":"Name","value":"avgDuration"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimeSeriesPoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"avgDuration"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AnalyticsAnyTypeQuery, AnalyticsAnyTypeQueryVariables>;
export const MissedInboundCallsDocument = {"__meta__":{"hash":"sha256:b8269a889b31d1f1476dd4714b3b138d3b87bfa00a1dc742cb19e4f738459c17"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MissedInboundCalls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"day"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TimeZone"}},"defaultValue":{"kind":"StringValue","value":"America/New_York","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"calls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"dayFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"day"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"dayTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"day"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"timezone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"categories"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"INBOUND_UNANSWERED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalItems"}},{"kind":"Field","name":{"kind":"Name","value":"pagesCount"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"calls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"clientNumber"}},{"kind":"Field","name":{"kind":"Name","value":"lineNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answerTime"}},{"kind":"Field","name":{"kind":"Name","value":"projectName"}}]}}]}}]}}]} as unknown as DocumentNode<MissedInboundCallsQuery, MissedInboundCallsQueryVariables>;
export const SearchCallsDocument = {"__meta__":{"hash":"sha256:779b04b317076757640852918a714779506293f124bcb21334d5c4e24faf716e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchCalls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dayFrom"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dayTo"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"calls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"dayFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dayFrom"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"dayTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dayTo"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"searchString"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"talkTimeFrom"},"value":{"kind":"IntValue","value":"30"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"sortBy"},"value":{"kind":"EnumValue","value":"TALK_TIME"}},{"kind":"Argument","name":{"kind":"Name","value":"sortDirection"},"value":{"kind":"EnumValue","value":"DESC"}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"itemsPerPage"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pagesCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalItems"}},{"kind":"Field","name":{"kind":"Name","value":"minTalkTime"}},{"kind":"Field","name":{"kind":"Name","value":"maxTalkTime"}},{"kind":"Field","name":{"kind":"Name","value":"minAnswerTime"}},{"kind":"Field","name":{"kind":"Name","value":"maxAnswerTime"}},{"kind":"Field","name":{"kind":"Name","value":"calls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueId"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"fromNumber"}},{"kind":"Field","name":{"kind":"Name","value":"toNumber"}},{"kind":"Field","name":{"kind":"Name","value":"toAnswer"}},{"kind":"Field","name":{"kind":"Name","value":"talkTime"}},{"kind":"Field","name":{"kind":"Name","value":"totalTime"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeTag"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeType"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}}]}}]}}]}}]} as unknown as DocumentNode<SearchCallsQuery, SearchCallsQueryVariables>;
export const DialerStatsDocument = {"__meta__":{"hash":"sha256:b3affb6b7371e688f1b5b89e6d7d92d51317bbbe0df3aeb06c6f20a4433c0bc2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DialerStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dayFrom"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dayTo"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamIds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"dayFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dayFrom"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"dayTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dayTo"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"teamIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamIds"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"allUsers"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"all"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"all"}},{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"fail"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"talks"}},{"kind":"Field","name":{"kind":"Name","value":"unique"}},{"kind":"Field","name":{"kind":"Name","value":"firstTime"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sum"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"call"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sum"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"answer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sum"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"in"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"all"}},{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"fail"}},{"kind":"Field","name":{"kind":"Name","value":"unique"}},{"kind":"Field","name":{"kind":"Name","value":"talks"}}]}},{"kind":"Field","name":{"kind":"Name","value":"out"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"all"}},{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"fail"}},{"kind":"Field","name":{"kind":"Name","value":"unique"}},{"kind":"Field","name":{"kind":"Name","value":"talks"}}]}},{"kind":"Field","name":{"kind":"Name","value":"our"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"all"}},{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"fail"}},{"kind":"Field","name":{"kind":"Name","value":"unique"}},{"kind":"Field","name":{"kind":"Name","value":"talks"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tagsSuccess"}},{"kind":"Field","name":{"kind":"Name","value":"tagsDefault"}},{"kind":"Field","name":{"kind":"Name","value":"tagsFail"}},{"kind":"Field","name":{"kind":"Name","value":"tagsNoResult"}},{"kind":"Field","name":{"kind":"Name","value":"aiTalkTime"}},{"kind":"Field","name":{"kind":"Name","value":"allTalkTime"}},{"kind":"Field","name":{"kind":"Name","value":"aiTalkCost"}}]}}]}}]} as unknown as DocumentNode<DialerStatsQuery, DialerStatsQueryVariables>;
export const AiCallsWithTranscriptsDocument = {"__meta__":{"hash":"sha256:994f3c59526c59aa11afe69403ea74fd6d39bc35923fe140c4fc944e0ba6c3ca"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AiCallsWithTranscripts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dayFrom"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dayTo"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"calls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"dayFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dayFrom"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"dayTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dayTo"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"showAICallsWithLog"},"value":{"kind":"BooleanValue","value":true}},{"kind":"ObjectField","name":{"kind":"Name","value":"outcomeTypes"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"NEGATIVE"},{"kind":"EnumValue","value":"ABSENT"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalItems"}},{"kind":"Field","name":{"kind":"Name","value":"calls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"aiTalkTime"}},{"kind":"Field","name":{"kind":"Name","value":"talkTime"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeTag"}},{"kind":"Field","name":{"kind":"Name","value":"qualityRating"}}]}}]}}]}}]} as unknown as DocumentNode<AiCallsWithTranscriptsQuery, AiCallsWithTranscriptsQueryVariables>;