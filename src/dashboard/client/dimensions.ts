import type { CallDimension, DashboardGroupedCallsQuery } from '../generated/graphql.ts';

type CallGroup = DashboardGroupedCallsQuery['groupedCalls']['rows'][number];

interface DimensionInfo {
  label: string;
  /** The `CallGroup` field that carries this dimension's value. */
  field: Exclude<keyof CallGroup, '__typename'>;
  /** The REST route's (seed 004) spelling. */
  restName: string;
}

/** Every `CallDimension` of the schema; a complete record, so a new one is a type error here. */
export const DIMENSION_INFO: Record<CallDimension, DimensionInfo> = {
  SOURCE: { label: 'Source', field: 'source', restName: 'source' },
  UTM_SOURCE: { label: 'UTM source', field: 'utmSource', restName: 'utm_source' },
  UTM_MEDIUM: { label: 'UTM medium', field: 'utmMedium', restName: 'utm_medium' },
  UTM_CAMPAIGN: { label: 'UTM campaign', field: 'utmCampaign', restName: 'utm_campaign' },
  UTM_TERM: { label: 'UTM term', field: 'utmTerm', restName: 'utm_term' },
  CALL_FLOW: { label: 'Call flow', field: 'callFlow', restName: 'call_flow' },
  CALL_FLOW_ID: { label: 'Call flow id', field: 'callFlowId', restName: 'call_flow_id' },
  TRACKING_NUMBER: { label: 'Tracking number', field: 'trackingNumber', restName: 'tracking_number' },
  NUMBER_ID: { label: 'Number id', field: 'numberId', restName: 'number_id' },
  AI_CATEGORY: { label: 'AI category', field: 'aiCategory', restName: 'ai_category' },
  STATUS: { label: 'Status', field: 'status', restName: 'status' },
  DIRECTION: { label: 'Direction', field: 'direction', restName: 'direction' },
  DATE: { label: 'Date', field: 'date', restName: 'date' },
  WEEK: { label: 'Week', field: 'week', restName: 'week' },
  MONTH: { label: 'Month', field: 'month', restName: 'month' },
  HOUR: { label: 'Hour', field: 'hour', restName: 'hour' },
  HOUR_OF_DAY: { label: 'Hour of day', field: 'hourOfDay', restName: 'hour_of_day' },
  DAY_OF_WEEK: { label: 'Day of week', field: 'dayOfWeek', restName: 'day_of_week' },
};

export const DIMENSIONS = Object.keys(DIMENSION_INFO) as CallDimension[];
