import { describe, expect, it } from 'vitest';
import { averageMinutes } from '../../src/analytics/rounding.ts';
import { calls, KEYS } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';

const NOW = '2024-06-30T12:00:00.000Z';

describe('averageMinutes', () => {
  it.each([
    // 9 s over 6 calls is 0.025 min: one division gives 0.025 and rounds to 0.03; dividing
    // twice (9 / 60 / 6) lands on 0.024999… and rounded to 0.02 (the drift this fixes).
    [9, 6, 0.03],
    [0, 0, 0],
    [120, 0, 0],
    [90, 1, 1.5],
    [100, 3, 0.56],
  ])('%d s over %d calls is %d min', (seconds, count, expected) => {
    expect(averageMinutes(seconds, count)).toBe(expected);
  });

  it('is what both callsByPhoneNumber and PhoneNumber.callAnalytics answer for 9 s over 6 calls', async () => {
    const six = calls(6, { started_at: '2024-06-29T10:00:00Z', platform_number: '+15550100' }, [1, 1, 1, 2, 2, 2]);
    const gateway = testGateway({ calls: six, now: NOW });
    const report = await gateway.query('{ callsByPhoneNumber { phoneNumber totalCalls avgDurationMinutes } }', {}, KEYS.t1);
    const entity = await gateway.query(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on PhoneNumber { callAnalytics { totalCalls avgDurationMinutes } } } }',
      { r: [{ __typename: 'PhoneNumber', number: '+15550100' }] },
      KEYS.t1,
    );
    expect(report.body.data?.callsByPhoneNumber).toEqual([{ phoneNumber: '+15550100', totalCalls: 6, avgDurationMinutes: 0.03 }]);
    expect(entity.body.data?._entities).toEqual([{ callAnalytics: { totalCalls: 6, avgDurationMinutes: 0.03 } }]);
  });
});
