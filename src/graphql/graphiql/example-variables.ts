import { addDays } from '../../analytics/time/calendar.ts';
import { localDate } from '../../analytics/time/local-day.ts';
import type { SampleTenant } from '../../sample/tenants.ts';

/**
 * Values for the example operations' variables, chosen so that each example answers real rows:
 * ids of the tenant whose key GraphiQL pre-fills, and days and instants relative to the data's
 * "now" (the moment the sample was generated, or the request time for other data). One object
 * serves every operation of a tab; a variable name therefore has one type across the examples
 * (checked by test/graphql/graphiql-examples.test.ts).
 */
export function exampleVariables(now: Date, tenant: SampleTenant | undefined): Record<string, unknown> {
  const timezone = tenant?.timeZone ?? 'UTC';
  const today = localDate(timezone, now);
  const day = (offset: number) => addDays(today, offset);
  const instant = (offsetDays: number) => new Date(now.getTime() + offsetDays * 86_400_000).toISOString();
  const ids = tenant
    ? {
        assistantId: tenant.assistants[0].assistant_id,
        merchantId: tenant.merchant_ids[0],
        templateId: tenant.template_ids[0],
        resellerId: tenant.reseller_id,
        teamIds: [tenant.teams[0].id],
        payloadFilters: { plan: tenant.plans[0] },
        userEmail: tenant.user_email,
        text: tenant.platformNumbers[0].number.slice(0, 5),
      }
    : {};
  return {
    from: instant(-14),
    to: now.toISOString(),
    dayFrom: day(-6),
    dayTo: today,
    // A full day: "today" may have just begun.
    day: day(-1),
    timezone,
    granularity: 'DAY',
    page: 1,
    // The first page of a connection; GraphiQL users paste pageInfo.endCursor here for the next.
    after: null,
    input: { queryType: 'RETRY_ANALYSIS' },
    ...ids,
  };
}
