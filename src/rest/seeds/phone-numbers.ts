import type { RestCallsByPhoneNumberQuery, RestAdminCallsByPhoneNumberQuery } from '../generated/graphql.ts';
import { RestAdminCallsByPhoneNumberDocument, RestCallsByPhoneNumberDocument } from '../generated/graphql.ts';
import { defineRoute, type JsonSchema } from '../route.ts';
import { closedObject, instantSchema, snakeKeys, toDateTime } from './seed-values.ts';

/** Seeds 000 and 001: calls and minutes per platform number, for a tenant and across tenants. */

const MESSAGE = 'Calls by phone number fetched successfully';

const range = {
  start_date: instantSchema('Start of the range (inclusive). Default: 30 days before end_date.'),
  end_date: instantSchema('End of the range (inclusive); a plain date includes that whole day. Default: now.'),
};

const rowSchema = (withAverage: boolean): JsonSchema =>
  closedObject({
    phone_number: { type: 'string', description: 'Platform bucket: WEB_CALL, UNKNOWN_PLATFORM or the platform number.' },
    total_calls: { type: 'integer' },
    total_duration_minutes: { type: 'number' },
    total_duration_hours: { type: 'number' },
    ...(withAverage ? { avg_duration_minutes: { type: 'number', description: 'total minutes / calls; 0 without calls.' } } : {}),
  });

const envelope = (withAverage: boolean): JsonSchema =>
  closedObject({
    success: { const: true },
    message: { type: 'string' },
    data: closedObject({ phone_numbers: { type: 'array', items: rowSchema(withAverage) } }),
  });

const NAMES = { startDate: 'start_date', endDate: 'end_date', assistantId: 'assistant_id', userEmail: 'user_email' };

export const callsByPhoneNumberRoute = defineRoute({
  id: 'callsByPhoneNumber',
  seed: '000',
  method: 'GET',
  path: '/analytics/calls/by-phone-number',
  summary: 'Calls and duration per platform number bucket, sorted by total duration.',
  document: RestCallsByPhoneNumberDocument,
  query: closedObject({ ...range, assistant_id: { type: 'string', description: 'Only this assistant’s calls.' } }, []),
  invalidValueStatus: 400,
  names: NAMES,
  variables: ({ query }) => ({
    startDate: toDateTime(query.start_date, 'start'),
    endDate: toDateTime(query.end_date, 'end'),
    assistantId: query.assistant_id as string | undefined,
  }),
  respond: (data: RestCallsByPhoneNumberQuery) => ({
    success: true,
    message: MESSAGE,
    data: { phone_numbers: data.callsByPhoneNumber.map((row) => snakeKeys(row)) },
  }),
  response: envelope(true),
});

export const adminCallsByPhoneNumberRoute = defineRoute({
  id: 'adminCallsByPhoneNumber',
  seed: '001',
  method: 'GET',
  path: '/admin/analytics/calls/by-phone-number',
  summary: 'Super-admin only: the same report across every tenant, optionally for one account owner.',
  document: RestAdminCallsByPhoneNumberDocument,
  query: closedObject({ ...range, user_email: { type: 'string', description: 'Only this account owner’s calls (case-insensitive).' } }, []),
  invalidValueStatus: 400,
  names: NAMES,
  variables: ({ query }) => ({
    startDate: toDateTime(query.start_date, 'start'),
    endDate: toDateTime(query.end_date, 'end'),
    userEmail: query.user_email as string | undefined,
  }),
  respond: (data: RestAdminCallsByPhoneNumberQuery) => ({
    success: true,
    message: MESSAGE,
    data: { phone_numbers: data.adminCallsByPhoneNumber.map((row) => snakeKeys(row)) },
  }),
  response: envelope(false),
});
