import { phoneNumberQuery } from '../../src/analytics/families/phone-numbers.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import type { BenchContext, BenchScenario } from '../scenario.ts';

const DAY = 86_400_000;

/** Platform bucket → [calls, seconds] by a plain loop: the floor both phone-number rows share. */
function phoneFloor(context: BenchContext, tenantId: string | null): Map<string, [number, number]> {
  const to = context.now.getTime();
  const from = to - 30 * DAY;
  const buckets = new Map<string, [number, number]>();
  for (const call of context.calls) {
    if (tenantId !== null && call.tenant_id !== tenantId) continue;
    const t = call.started_at.getTime();
    if (t < from || t > to) continue;
    const label = call.channel === 'web' ? 'WEB_CALL' : call.platform_number ? call.platform_number : 'UNKNOWN_PLATFORM';
    let entry = buckets.get(label);
    if (!entry) buckets.set(label, (entry = [0, 0]));
    entry[0] += 1;
    entry[1] += typeof call.duration_sec === 'number' ? call.duration_sec : 0;
  }
  return buckets;
}

const FIELDS = 'phoneNumber bucket totalCalls totalDurationMinutes totalDurationHours avgDurationMinutes';
/** The tenant row's request (`npm run bench:request` times it too). */
export const CALLS_BY_PHONE_NUMBER = `{ callsByPhoneNumber { ${FIELDS} } }`;

export const phoneNumberScenarios: BenchScenario[] = [
  {
    name: 'callsByPhoneNumber (1 tenant, 30 d)',
    as: 'tenant',
    query: CALLS_BY_PHONE_NUMBER,
    pipelines: (c) => [compileCallQuery(phoneNumberQuery({ principal: c.tenant, args: {}, now: c.now, allTenants: false }))],
    floor: (c) => phoneFloor(c, c.tenant.tenantId),
  },
  {
    name: 'adminCallsByPhoneNumber (all, 30 d)',
    as: 'admin',
    query: `{ adminCallsByPhoneNumber { ${FIELDS} } }`,
    pipelines: (c) => [compileCallQuery(phoneNumberQuery({ principal: c.admin, args: {}, now: c.now, allTenants: true }))],
    floor: (c) => phoneFloor(c, null),
  },
];
