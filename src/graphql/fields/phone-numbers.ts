import { CALLS_BY_PHONE_NUMBER, type PhoneNumberCalls as PhoneNumberCallsShape } from '../../analytics/families/phone-numbers.ts';
import { costDirectives } from '../cost/field-costs.ts';
import { builder } from '../builder.ts';
import { serves } from '../served-families.ts';

const PHONE_NUMBERS = serves(CALLS_BY_PHONE_NUMBER);

const PlatformBucketEnum = builder.enumType('PlatformBucket', {
  description: 'WEB_CALL for web sessions, UNKNOWN_PLATFORM for phone calls without a platform number.',
  values: ['WEB_CALL', 'UNKNOWN_PLATFORM', 'PLATFORM_NUMBER'] as const,
});

const PhoneNumberCalls = builder.objectRef<PhoneNumberCallsShape>('PhoneNumberCalls').implement({
  description: 'Calls and minutes of one platform bucket. Durations come from unrounded totals, then are rounded to 2 decimals.',
  fields: (t) => ({
    phoneNumber: t.exposeString('phoneNumber', { description: 'The bucket label: WEB_CALL, UNKNOWN_PLATFORM or the platform number.' }),
    bucket: t.expose('bucket', { type: PlatformBucketEnum }),
    totalCalls: t.exposeInt('totalCalls'),
    totalDurationMinutes: t.exposeFloat('totalDurationMinutes'),
    totalDurationHours: t.exposeFloat('totalDurationHours'),
    avgDurationMinutes: t.exposeFloat('avgDurationMinutes', { description: 'Total minutes / calls; 0 when there are no calls.' }),
  }),
});

builder.queryFields((t) => ({
  callsByPhoneNumber: t.field({
    description: 'Calls and duration per platform bucket for your tenant, sorted by total duration. Default range: the last 30 days.',
    directives: costDirectives('Query.callsByPhoneNumber'),
    type: [PhoneNumberCalls],
    args: {
      startDate: t.arg({ type: 'DateTime', required: false }),
      endDate: t.arg({ type: 'DateTime', required: false }),
      assistantId: t.arg.id({ required: false }),
    },
    resolve: (_root, args, context) => context.run(PHONE_NUMBERS, args),
  }),
  adminCallsByPhoneNumber: t.field({
    description: 'The same report across every tenant; userEmail narrows it to one account (case-insensitive).',
    directives: costDirectives('Query.adminCallsByPhoneNumber'),
    type: [PhoneNumberCalls],
    authScopes: { superAdmin: true },
    args: {
      startDate: t.arg({ type: 'DateTime', required: false }),
      endDate: t.arg({ type: 'DateTime', required: false }),
      userEmail: t.arg({ type: 'EmailAddress', required: false }),
    },
    resolve: (_root, args, context) => context.run(PHONE_NUMBERS, { ...args, allTenants: true }),
  }),
}));
