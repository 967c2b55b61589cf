import { ANALYTICS_QUERY } from './analytics-query/analytics-query.ts';
import { CALL_CONNECTION } from './dialer/call-connection.ts';
import { CALL_LIST } from './dialer/call-list.ts';
import { CALL_STATS } from './dialer/call-stats.ts';
import { CALL_ANALYTICS } from './entity-analytics.ts';
import { GROUPED_CALLS } from './grouped-calls.ts';
import { GROUPED_CONNECTION } from './grouped-connection.ts';
import { CALLS_BY_PHONE_NUMBER } from './phone-numbers.ts';

export { ANALYTICS_QUERY, CALL_ANALYTICS, CALL_CONNECTION, CALL_LIST, CALL_STATS, CALLS_BY_PHONE_NUMBER, GROUPED_CALLS, GROUPED_CONNECTION };

/**
 * Every field family, once. A new family is one `Operation` here plus one Pothos module that
 * serves it (the schema refuses to build while a family has no field: see
 * graphql/served-families.ts); the contract tests run over this list.
 */
export const FAMILIES = [CALLS_BY_PHONE_NUMBER, GROUPED_CALLS, GROUPED_CONNECTION, ANALYTICS_QUERY, CALL_LIST, CALL_CONNECTION, CALL_STATS, CALL_ANALYTICS] as const;
