/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type DashboardCallDetailQueryVariables = Exact<{
  search: CallSearch;
}>;


export type DashboardCallDetailQuery = { calls: { calls: Array<{ id: string, uniqueId: string | null, timestamp: string, type: CallDirection, status: CallStatus, fromNumber: string | null, toNumber: string | null, campaign: string | null, projectName: string | null, talkTime: number, answerTime: number, tags: Array<string>, outcomeTag: string | null, recordName: string | null, isRecordReady: boolean | null, isRecordBlocked: boolean | null, recordingExpired: boolean | null, aiRecordingTitle: string | null, aiRecordingSummary: string | null, recallDate: string | null, transfers: Array<{ at: string, from: string, to: string, type: string }> | null, transcripts: Array<{ atSec: number, speaker: TranscriptSpeaker, text: string }> | null }> } };

export type DashboardCallLogQueryVariables = Exact<{
  search: CallSearch;
  page: number;
  itemsPerPage: number;
  sortBy: CallSortField;
  sortDirection: SortDirection;
}>;


export type DashboardCallLogQuery = { calls: { page: number, pagesCount: number, totalItems: number, tags: Array<string>, outcomes: Array<string>, calls: Array<{ id: string, uniqueId: string | null, timestamp: string, type: CallDirection, state: CallState, status: CallStatus, fromNumber: string | null, toNumber: string | null, projectName: string | null, talkTime: number, answerTime: number, outcomeTag: string | null, tags: Array<string>, hasTranscript: boolean | null }> } };

export type DashboardCallsOverTimeQueryVariables = Exact<{
  filters?: AnalyticsFilters | null | undefined;
  granularity: Granularity;
  timezone: string;
  page: number;
}>;


export type DashboardCallsOverTimeQuery = { analyticsQuery: { total: number, data: Array<
      | { date: string, bucketStart: string, count: number, avgDuration: number | null }
      | Record<PropertyKey, never>
    > } };

export type DashboardFunnelQueryVariables = Exact<{
  filters?: AnalyticsFilters | null | undefined;
  timezone: string;
}>;


export type DashboardFunnelQuery = { analyticsQuery: { data: Array<
      | { stage: string, leads: number, conversionRate: number }
      | Record<PropertyKey, never>
    > } };

export type DashboardGroupedCallsQueryVariables = Exact<{
  groupBy: Array<CallDimension> | CallDimension;
  filter?: CallFilter | null | undefined;
  sortBy: GroupedSortKey;
  sortOrder: SortOrder;
  limit: number;
  timezone: string;
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
}>;


export type DashboardGroupedCallsQuery = { groupedCalls: { count: number, rows: Array<{ source: string | null, utmSource: string | null, utmMedium: string | null, utmCampaign: string | null, utmTerm: string | null, callFlow: string | null, callFlowId: string | null, trackingNumber: string | null, numberId: string | null, aiCategory: string | null, status: string | null, direction: string | null, date: string | null, week: string | null, month: string | null, hour: string | null, hourOfDay: number | null, dayOfWeek: number | null, count?: number, avgDuration?: number | null, totalDuration?: number, avgAiScore?: number | null, qualifiedCount?: number, qualifiedPct?: number | null, totalValueCents?: number, uniqueCallers?: number, answeredCount?: number, missedCount?: number, voicemailCount?: number, avgRoboScore?: number | null, totalCostCents?: number }>, totals: { count?: number, avgDuration?: number | null, totalDuration?: number, avgAiScore?: number | null, qualifiedCount?: number, qualifiedPct?: number | null, totalValueCents?: number, uniqueCallers?: number, answeredCount?: number, missedCount?: number, voicemailCount?: number, avgRoboScore?: number | null, totalCostCents?: number } } };

export type DashboardHeatmapQueryVariables = Exact<{
  filters?: AnalyticsFilters | null | undefined;
  timezone: string;
}>;


export type DashboardHeatmapQuery = { analyticsQuery: { data: Array<
      | { dayOfWeek: number, hour: number, count: number }
      | Record<PropertyKey, never>
    > } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const DashboardCallDetailDocument = new TypedDocumentString(`
    query DashboardCallDetail($search: CallSearch!) {
  calls(search: $search, itemsPerPage: 1) {
    calls {
      id
      uniqueId
      timestamp
      type
      status
      fromNumber
      toNumber
      campaign
      projectName
      talkTime
      answerTime
      tags
      outcomeTag
      recordName
      isRecordReady
      isRecordBlocked
      recordingExpired
      aiRecordingTitle
      aiRecordingSummary
      recallDate
      transfers {
        at
        from
        to
        type
      }
      transcripts {
        atSec
        speaker
        text
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardCallDetailQuery, DashboardCallDetailQueryVariables>;
export const DashboardCallLogDocument = new TypedDocumentString(`
    query DashboardCallLog($search: CallSearch!, $page: Int!, $itemsPerPage: Int!, $sortBy: CallSortField!, $sortDirection: SortDirection!) {
  calls(
    search: $search
    page: $page
    itemsPerPage: $itemsPerPage
    sortBy: $sortBy
    sortDirection: $sortDirection
  ) {
    page
    pagesCount
    totalItems
    tags
    outcomes
    calls {
      id
      uniqueId
      timestamp
      type
      state
      status
      fromNumber
      toNumber
      projectName
      talkTime
      answerTime
      outcomeTag
      tags
      hasTranscript
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardCallLogQuery, DashboardCallLogQueryVariables>;
export const DashboardCallsOverTimeDocument = new TypedDocumentString(`
    query DashboardCallsOverTime($filters: AnalyticsFilters, $granularity: Granularity!, $timezone: TimeZone!, $page: Int!) {
  analyticsQuery(
    input: {queryType: AVG_DURATION_OVER_TIME, filters: $filters, granularity: $granularity, timezone: $timezone, page: $page, pageSize: 1000}
  ) {
    total
    data {
      ... on TimeSeriesPoint {
        date
        bucketStart
        count
        avgDuration
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardCallsOverTimeQuery, DashboardCallsOverTimeQueryVariables>;
export const DashboardFunnelDocument = new TypedDocumentString(`
    query DashboardFunnel($filters: AnalyticsFilters, $timezone: TimeZone!) {
  analyticsQuery(
    input: {queryType: CONVERSION_FUNNEL, filters: $filters, timezone: $timezone, pageSize: 100}
  ) {
    data {
      ... on FunnelStage {
        stage
        leads
        conversionRate
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardFunnelQuery, DashboardFunnelQueryVariables>;
export const DashboardGroupedCallsDocument = new TypedDocumentString(`
    query DashboardGroupedCalls($groupBy: [CallDimension!]!, $filter: CallFilter, $sortBy: GroupedSortKey!, $sortOrder: SortOrder!, $limit: Int!, $timezone: TimeZone!, $withCount: Boolean!, $withAvgDuration: Boolean!, $withTotalDuration: Boolean!, $withAvgAiScore: Boolean!, $withQualifiedCount: Boolean!, $withQualifiedPct: Boolean!, $withTotalValueCents: Boolean!, $withUniqueCallers: Boolean!, $withAnsweredCount: Boolean!, $withMissedCount: Boolean!, $withVoicemailCount: Boolean!, $withAvgRoboScore: Boolean!, $withTotalCostCents: Boolean!) {
  groupedCalls(
    groupBy: $groupBy
    filter: $filter
    sortBy: $sortBy
    sortOrder: $sortOrder
    limit: $limit
    timezone: $timezone
  ) {
    count
    rows {
      source
      utmSource
      utmMedium
      utmCampaign
      utmTerm
      callFlow
      callFlowId
      trackingNumber
      numberId
      aiCategory
      status
      direction
      date
      week
      month
      hour
      hourOfDay
      dayOfWeek
      count @include(if: $withCount)
      avgDuration @include(if: $withAvgDuration)
      totalDuration @include(if: $withTotalDuration)
      avgAiScore @include(if: $withAvgAiScore)
      qualifiedCount @include(if: $withQualifiedCount)
      qualifiedPct @include(if: $withQualifiedPct)
      totalValueCents @include(if: $withTotalValueCents)
      uniqueCallers @include(if: $withUniqueCallers)
      answeredCount @include(if: $withAnsweredCount)
      missedCount @include(if: $withMissedCount)
      voicemailCount @include(if: $withVoicemailCount)
      avgRoboScore @include(if: $withAvgRoboScore)
      totalCostCents @include(if: $withTotalCostCents)
    }
    totals {
      count @include(if: $withCount)
      avgDuration @include(if: $withAvgDuration)
      totalDuration @include(if: $withTotalDuration)
      avgAiScore @include(if: $withAvgAiScore)
      qualifiedCount @include(if: $withQualifiedCount)
      qualifiedPct @include(if: $withQualifiedPct)
      totalValueCents @include(if: $withTotalValueCents)
      uniqueCallers @include(if: $withUniqueCallers)
      answeredCount @include(if: $withAnsweredCount)
      missedCount @include(if: $withMissedCount)
      voicemailCount @include(if: $withVoicemailCount)
      avgRoboScore @include(if: $withAvgRoboScore)
      totalCostCents @include(if: $withTotalCostCents)
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardGroupedCallsQuery, DashboardGroupedCallsQueryVariables>;
export const DashboardHeatmapDocument = new TypedDocumentString(`
    query DashboardHeatmap($filters: AnalyticsFilters, $timezone: TimeZone!) {
  analyticsQuery(
    input: {queryType: HOURLY_HEATMAP, filters: $filters, timezone: $timezone, pageSize: 168}
  ) {
    data {
      ... on HeatmapCell {
        dayOfWeek
        hour
        count
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardHeatmapQuery, DashboardHeatmapQueryVariables>;