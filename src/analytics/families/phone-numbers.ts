import { round2 } from '../rounding.ts';
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
      { field: 'durationSum', direction: -1 },
      { field: 'calls', direction: -1 },
    ],
  };
}

/** Minutes, hours and the average come from the unrounded totals, then are rounded. */
export function shapePhoneNumberRow(row: { _id: { phoneNumber: string }; calls: unknown; durationSum: unknown }): PhoneNumberCalls {
  const phoneNumber = row._id.phoneNumber;
  const calls = num(row.calls);
  const seconds = num(row.durationSum);
  return {
    phoneNumber,
    bucket: phoneNumber === 'WEB_CALL' || phoneNumber === 'UNKNOWN_PLATFORM' ? phoneNumber : 'PLATFORM_NUMBER',
    totalCalls: calls,
    totalDurationMinutes: round2(seconds / 60),
    totalDurationHours: round2(seconds / 3600),
    // One division: seconds / 60 / calls would round 9 s over 6 calls down to 0.02.
    avgDurationMinutes: calls > 0 ? round2(seconds / (60 * calls)) : 0,
  };
}
