import { describe, expect, it } from 'vitest';
import { shapePhoneNumberRow } from '../../src/analytics/families/phone-numbers.ts';
import { call, calls, KEYS } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';

const NOW = '2024-06-30T12:00:00.000Z';

/** The seed contract's own example numbers, plus the two special buckets and another tenant. */
const data = [
  ...calls(15, { platform_number: '+919876543210', assistant_id: 'a1', started_at: '2024-06-10T09:00:00Z' }, Array(15).fill(270)),
  ...calls(8, { platform_number: '+918765432109', assistant_id: 'a2', started_at: '2024-06-11T09:00:00Z' }, [241, 241, 241, 241, 241, 241, 241, 245]),
  call({ channel: 'web', duration_sec: 60, started_at: '2024-06-12T10:00:00Z' }),
  call({ channel: 'web', duration_sec: 60, platform_number: '+919876543210', started_at: '2024-06-12T10:01:00Z' }),
  call({ channel: 'web', started_at: '2024-06-12T10:02:00Z' }),
  call({ duration_sec: 30, started_at: '2024-06-13T10:00:00Z' }),
  call({ duration_sec: 30, platform_number: null, started_at: '2024-06-13T10:01:00Z' }),
  call({ duration_sec: 30, platform_number: '', started_at: '2024-06-13T10:02:00Z' }),
  call({ duration_sec: 999, platform_number: '+919876543210', started_at: '2024-05-01T08:00:00Z' }),
  ...calls(2, { tenant_id: 't2', user_email: 'Owner@T2.example', platform_number: '+15550001', started_at: '2024-06-20T09:00:00Z' }, [100, 100]),
];

const QUERY = /* GraphQL */ `
  query ($startDate: DateTime, $endDate: DateTime, $assistantId: ID) {
    callsByPhoneNumber(startDate: $startDate, endDate: $endDate, assistantId: $assistantId) {
      phoneNumber bucket totalCalls totalDurationMinutes totalDurationHours avgDurationMinutes
    }
  }`;

const ADMIN = /* GraphQL */ `
  query ($userEmail: EmailAddress) {
    adminCallsByPhoneNumber(userEmail: $userEmail) { phoneNumber bucket totalCalls totalDurationMinutes }
  }`;

describe('callsByPhoneNumber', () => {
  const gateway = testGateway({ calls: data, now: NOW });

  it('reproduces the seed contract examples, with the platform buckets, sorted by total duration', async () => {
    const { status, body } = await gateway.query(QUERY, {}, KEYS.t1);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.callsByPhoneNumber).toEqual([
      { phoneNumber: '+919876543210', bucket: 'PLATFORM_NUMBER', totalCalls: 15, totalDurationMinutes: 67.5, totalDurationHours: 1.13, avgDurationMinutes: 4.5 },
      { phoneNumber: '+918765432109', bucket: 'PLATFORM_NUMBER', totalCalls: 8, totalDurationMinutes: 32.2, totalDurationHours: 0.54, avgDurationMinutes: 4.03 },
      { phoneNumber: 'WEB_CALL', bucket: 'WEB_CALL', totalCalls: 3, totalDurationMinutes: 2, totalDurationHours: 0.03, avgDurationMinutes: 0.67 },
      { phoneNumber: 'UNKNOWN_PLATFORM', bucket: 'UNKNOWN_PLATFORM', totalCalls: 3, totalDurationMinutes: 1.5, totalDurationHours: 0.03, avgDurationMinutes: 0.5 },
    ]);
  });

  it('narrows to one assistant', async () => {
    const { body } = await gateway.query(QUERY, { assistantId: 'a2' }, KEYS.t1);
    expect(body.data?.callsByPhoneNumber.map((r: any) => [r.phoneNumber, r.totalCalls])).toEqual([['+918765432109', 8]]);
  });

  it('takes an inclusive explicit range (a call exactly on either bound counts)', async () => {
    const { body } = await gateway.query(QUERY, { startDate: '2024-05-01T08:00:00Z', endDate: '2024-06-10T09:00:00Z' }, KEYS.t1);
    expect(body.data?.callsByPhoneNumber).toEqual([
      { phoneNumber: '+919876543210', bucket: 'PLATFORM_NUMBER', totalCalls: 2, totalDurationMinutes: 21.15, totalDurationHours: 0.35, avgDurationMinutes: 10.58 },
    ]);
  });

  it('never shows another tenant’s calls', async () => {
    const { body } = await gateway.query(QUERY, {}, KEYS.t2);
    expect(body.data?.callsByPhoneNumber).toEqual([
      { phoneNumber: '+15550001', bucket: 'PLATFORM_NUMBER', totalCalls: 2, totalDurationMinutes: 3.33, totalDurationHours: 0.06, avgDurationMinutes: 1.67 },
    ]);
  });

  it('returns an empty list when nothing matches', async () => {
    const { body } = await gateway.query(QUERY, { assistantId: 'nobody' }, KEYS.t1);
    expect(body.data?.callsByPhoneNumber).toEqual([]);
  });

  it('refuses a reversed range as BAD_USER_INPUT naming startDate', async () => {
    const { status, body } = await gateway.query(QUERY, { startDate: '2024-06-02T00:00:00Z', endDate: '2024-06-01T00:00:00Z' }, KEYS.t1);
    expect(status).toBe(200);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'startDate' });
    expect(body.errors?.[0].message).toContain('startDate');
  });

  it('rejects a malformed DateTime as a validation error (HTTP 400)', async () => {
    const { status, body } = await gateway.query('{ callsByPhoneNumber(startDate: "yesterday") { phoneNumber } }', {}, KEYS.t1);
    expect(status).toBe(400);
    expect(body.errors?.[0].message).toMatch(/DateTime/);
  });
});

describe('adminCallsByPhoneNumber', () => {
  const gateway = testGateway({ calls: data, now: NOW });

  it('spans every tenant for a super-admin', async () => {
    const { body } = await gateway.query(ADMIN, {}, KEYS.admin);
    expect(body.errors).toBeUndefined();
    expect(body.data?.adminCallsByPhoneNumber.map((r: any) => [r.phoneNumber, r.totalCalls])).toEqual([
      ['+919876543210', 15],
      ['+918765432109', 8],
      ['+15550001', 2],
      ['WEB_CALL', 3],
      ['UNKNOWN_PLATFORM', 3],
    ]);
  });

  it('narrows to one account owner, case-insensitively', async () => {
    const { body } = await gateway.query(ADMIN, { userEmail: 'owner@t2.EXAMPLE' }, KEYS.admin);
    expect(body.data?.adminCallsByPhoneNumber).toEqual([{ phoneNumber: '+15550001', bucket: 'PLATFORM_NUMBER', totalCalls: 2, totalDurationMinutes: 3.33 }]);
  });

  it('treats e-mail characters literally, never as a pattern', async () => {
    const { body } = await gateway.query(ADMIN, { userEmail: 'owner@t2xexample.com' }, KEYS.admin);
    expect(body.data?.adminCallsByPhoneNumber).toEqual([]);
  });

  it('is FORBIDDEN for a tenant key, and no pipeline runs', async () => {
    const before = gateway.pipelines.length;
    const { body } = await gateway.query(ADMIN, {}, KEYS.t1);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]).toMatchObject({ path: ['adminCallsByPhoneNumber'], extensions: { code: 'FORBIDDEN' } });
    expect(gateway.pipelines.length).toBe(before);
  });
});

describe('shapePhoneNumberRow', () => {
  it.each([
    [6, 9, 0.03], // 9 s over 6 calls: one division gives 0.025 → 0.03 (two would give 0.02)
    [15, 4050, 4.5],
    [8, 1932, 4.03],
    [0, 0, 0],
  ])('%i calls, %i s → avg %f min', (calls, seconds, avg) => {
    expect(shapePhoneNumberRow({ _id: { phoneNumber: '+1' }, calls, durationSum: seconds }).avgDurationMinutes).toBe(avg);
  });
});
