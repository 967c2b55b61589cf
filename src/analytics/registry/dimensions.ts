import type { CallField } from '../query/conditions.ts';
import type { Expression } from '../query/expression.ts';
import { bucketIndexExpression, bucketLabel, type BucketUnit, type CyclicUnit } from '../time/buckets.ts';

/** What a dimension's group key may depend on besides the document. */
export interface DimensionContext {
  /** Local wall-clock milliseconds of `started_at` in the request's time zone (an expression). */
  localMs: Expression;
}

/**
 * One way to group calls. `key` is the `$group` key expression; `label` turns the raw key
 * into the value clients see. Adding a dimension is one entry here plus its enum value.
 */
export interface DimensionDefinition {
  /** The `CallGroup` field that carries it. */
  field: string;
  graphqlType: 'String' | 'Int';
  /** True when the key needs `localMs` (a time zone and a bounded range). */
  usesLocalTime: boolean;
  /**
   * The bucket unit of a time-series dimension (buckets follow one another in time: gaps can be
   * filled, a compared period aligns by position); absent for categories and cyclic slots.
   */
  series?: BucketUnit;
  key(context: DimensionContext): Expression;
  label(raw: unknown): string | number | null;
}

/** The stored string verbatim; a missing value and null form one group, labelled null. */
function categorical(field: string, column: CallField): DimensionDefinition {
  return {
    field,
    graphqlType: 'String',
    usesLocalTime: false,
    key: () => ({ $ifNull: [`$${column}`, null] }),
    label: (raw) => (typeof raw === 'string' ? raw : raw == null ? null : String(raw)),
  };
}

function temporal(field: string, unit: BucketUnit | CyclicUnit): DimensionDefinition {
  const cyclic = unit === 'HOUR_OF_DAY' || unit === 'DAY_OF_WEEK';
  return {
    field,
    graphqlType: cyclic ? 'Int' : 'String',
    usesLocalTime: true,
    ...(cyclic ? {} : { series: unit as BucketUnit }),
    key: ({ localMs }) => bucketIndexExpression(unit, localMs),
    label: (raw) => (typeof raw === 'number' ? bucketLabel(unit, raw) : null),
  };
}

/** The public `CallDimension` values of `groupedCalls`. */
export const DIMENSIONS = {
  SOURCE: categorical('source', 'source'),
  UTM_SOURCE: categorical('utmSource', 'utm_source'),
  UTM_MEDIUM: categorical('utmMedium', 'utm_medium'),
  UTM_CAMPAIGN: categorical('utmCampaign', 'utm_campaign'),
  UTM_TERM: categorical('utmTerm', 'utm_term'),
  CALL_FLOW: categorical('callFlow', 'call_flow_name'),
  CALL_FLOW_ID: categorical('callFlowId', 'call_flow_id'),
  TRACKING_NUMBER: categorical('trackingNumber', 'tracking_number'),
  NUMBER_ID: categorical('numberId', 'number_id'),
  AI_CATEGORY: categorical('aiCategory', 'ai_category'),
  STATUS: categorical('status', 'status'),
  DIRECTION: categorical('direction', 'direction'),
  DATE: temporal('date', 'DAY'),
  WEEK: temporal('week', 'WEEK'),
  MONTH: temporal('month', 'MONTH'),
  HOUR: temporal('hour', 'HOUR'),
  HOUR_OF_DAY: temporal('hourOfDay', 'HOUR_OF_DAY'),
  DAY_OF_WEEK: temporal('dayOfWeek', 'DAY_OF_WEEK'),
} as const satisfies Record<string, DimensionDefinition>;

export type CallDimension = keyof typeof DIMENSIONS;
export const CALL_DIMENSIONS = Object.keys(DIMENSIONS) as CallDimension[];

/**
 * The platform bucket of DESIGN 2.1 (used by the phone-number preset): web calls are
 * WEB_CALL, phone calls without a platform number UNKNOWN_PLATFORM, others the number.
 */
export const PLATFORM_BUCKET: DimensionDefinition = {
  field: 'phoneNumber',
  graphqlType: 'String',
  usesLocalTime: false,
  key: () => ({
    $cond: [
      { $eq: ['$channel', 'web'] },
      'WEB_CALL',
      { $cond: [{ $eq: [{ $ifNull: ['$platform_number', ''] }, ''] }, 'UNKNOWN_PLATFORM', '$platform_number'] },
    ],
  }),
  label: (raw) => (typeof raw === 'string' ? raw : null),
};
