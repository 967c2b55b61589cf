import { averageMinutes, round2 } from '../rounding.ts';
import type { Operation } from '../operation.ts';
import { idString } from '../query/argument-values.ts';
import type { CallQuery } from '../query/call-query.ts';
import { equalsIgnoringCaseByPrefix } from '../query/case-insensitive-equality.ts';
import { equals } from '../query/conditions.ts';
import { normalizeInstantRange } from '../query/instant-range.ts';
import type { Principal } from '../../contract/principal.ts';
import { PLATFORM_BUCKET } from '../registry/dimensions.ts';
import { num, PARTIALS } from '../registry/partials.ts';

export interface PhoneNumberArgs {
  startDate?: Date | null;
  endDate?: Date | null;
  /** Tenant field only: narrow to one assistant. */
  assistantId?: string | null;
  /** Admin field only: narrow to one account owner, case-insensitively. */
  userEmail?: string | null;
}

export type PlatformBucket = 'WEB_CALL' | 'UNKNOWN_PLATFORM' | 'PLATFORM_NUMBER';

export interface PhoneNumberCalls {
  phoneNumber: string;
  bucket: PlatformBucket;
  totalCalls: number;
  totalDurationMinutes: number;
  totalDurationHours: number;
  avgDurationMinutes: number;
}

/**
 * `callsByPhoneNumber` / `adminCallsByPhoneNumber` as a preset of the query core: group by
 * platform bucket, count and sum durations, sort by total duration, calls, then label.
 */
export function phoneNumberQuery(options: {
  principal: Principal;
  args: PhoneNumberArgs;
  now: Date;
  allTenants: boolean;
}): CallQuery {
  const { principal, args, now, allTenants } = options;
  const range = normalizeInstantRange({ from: args.startDate, to: args.endDate, now, fromArgument: 'startDate', toArgument: 'endDate' });
  return {
    principal,
    allTenants,
    range,
    where: [
      args.assistantId != null ? equals('assistant_id', args.assistantId) : null,
      // Index-served on `user_email_started`: prefix ranges per case spelling, then the regex.
      args.userEmail != null ? equalsIgnoringCaseByPrefix('user_email', args.userEmail, range) : null,
    ],
    groups: [
      {
        by: { phoneNumber: PLATFORM_BUCKET.key({ localMs: 0 }) },
        accumulate: { calls: PARTIALS.calls, durationSum: PARTIALS.durationSum },
      },
    ],
    sort: [
      { by: '$durationSum', direction: -1 },
      { by: '$calls', direction: -1 },
    ],
  };
}

/** One grouped row: the bucket label and its partials. */
export interface PhoneNumberRow {
  _id: { phoneNumber: string };
  calls: unknown;
  durationSum: unknown;
}

/** Minutes, hours and the average come from the unrounded totals, then are rounded. */
export function shapePhoneNumberRow(row: PhoneNumberRow): PhoneNumberCalls {
  const phoneNumber = row._id.phoneNumber;
  const calls = num(row.calls);
  const seconds = num(row.durationSum);
  return {
    phoneNumber,
    bucket: phoneNumber === 'WEB_CALL' || phoneNumber === 'UNKNOWN_PLATFORM' ? phoneNumber : 'PLATFORM_NUMBER',
    totalCalls: calls,
    totalDurationMinutes: round2(seconds / 60),
    totalDurationHours: round2(seconds / 3600),
    avgDurationMinutes: averageMinutes(seconds, calls),
  };
}

/** `callsByPhoneNumber` / `adminCallsByPhoneNumber` arguments as a client sends them. */
export interface CallsByPhoneNumberInput {
  startDate?: Date | null;
  endDate?: Date | null;
  assistantId?: string | number | null;
  userEmail?: string | null;
  /** Every tenant's calls: super-admin only (the compiler's scope stage refuses others). @default false */
  allTenants?: boolean | null;
}

/** The per-platform-bucket report of DESIGN 5.1, for one tenant or (admin) every tenant. */
export const CALLS_BY_PHONE_NUMBER: Operation<CallsByPhoneNumberInput, PhoneNumberCalls[], PhoneNumberRow> = {
  name: 'callsByPhoneNumber',
  plan: (input, env) => ({
    query: phoneNumberQuery({
      principal: env.principal,
      args: { startDate: input.startDate, endDate: input.endDate, assistantId: idString(input.assistantId), userEmail: input.userEmail },
      now: env.now,
      allTenants: input.allTenants === true,
    }),
    shape: (rows: PhoneNumberRow[]) => rows.map(shapePhoneNumberRow),
  }),
};
