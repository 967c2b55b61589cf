import type { RestRoute } from './route.ts';
import { analyticsRoute } from './seeds/analytics.ts';
import { dialerCallsRoute, dialerStatsRoute } from './seeds/dialer.ts';
import { groupedCallsRoute } from './seeds/grouped-calls.ts';
import { adminCallsByPhoneNumberRoute, callsByPhoneNumberRoute } from './seeds/phone-numbers.ts';

/**
 * The seed REST routes (DESIGN 5.6): one row per route, each running one committed GraphQL
 * operation through the gateway. `GET /openapi.json` is generated from this table.
 */
export const REST_ROUTES: readonly RestRoute[] = [
  callsByPhoneNumberRoute,
  adminCallsByPhoneNumberRoute,
  analyticsRoute,
  dialerCallsRoute,
  dialerStatsRoute,
  groupedCallsRoute,
];
