import { describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/contract/pipeline.ts';
import { narrowScope } from '../../src/store/embedded/narrow-scope.ts';

const FROM = new Date('2024-03-01T00:00:00Z');
const TO = new Date('2024-03-31T23:59:59.999Z');
const GROUP = { $group: { _id: '$status', n: { $sum: 1 } } };
const inclusive = (d: Date) => ({ at: d.getTime(), inclusive: true });
const exclusive = (d: Date) => ({ at: d.getTime(), inclusive: false });

describe('narrowScope: recognised scopes', () => {
  it.each<{ name: string; pipeline: Pipeline; expected: object }>([
    {
      name: 'tenant and both bounds: the whole $match goes',
      pipeline: [{ $match: { tenant_id: 't-a', started_at: { $gte: FROM, $lte: TO } } }, GROUP],
      expected: { tenants: ['t-a'], from: inclusive(FROM), to: inclusive(TO), pipeline: [GROUP] },
    },
    {
      name: 'other conditions stay, in their order',
      pipeline: [{ $match: { tenant_id: 't-a', status: 'completed', started_at: { $gte: FROM }, direction: { $in: ['inbound'] } } }, GROUP],
      expected: {
        tenants: ['t-a'],
        from: inclusive(FROM),
        to: undefined,
        pipeline: [{ $match: { status: 'completed', direction: { $in: ['inbound'] } } }, GROUP],
      },
    },
    {
      name: '$in: sorted, duplicates dropped',
      pipeline: [{ $match: { tenant_id: { $in: ['t-c', 't-a', 't-c'] }, started_at: { $lte: TO } } }],
      expected: { tenants: ['t-a', 't-c'], from: undefined, to: inclusive(TO), pipeline: [] },
    },
    {
      name: 'empty $in reads nothing',
      pipeline: [{ $match: { tenant_id: { $in: [] } } }, GROUP],
      expected: { tenants: [], from: undefined, to: undefined, pipeline: [GROUP] },
    },
    {
      name: '$eq',
      pipeline: [{ $match: { tenant_id: { $eq: 't-b' } } }, GROUP],
      expected: { tenants: ['t-b'], from: undefined, to: undefined, pipeline: [GROUP] },
    },
    {
      name: 'admin scope: no tenant, time only',
      pipeline: [{ $match: { started_at: { $gte: FROM, $lte: TO }, user_email: 'a@b.test' } }, GROUP],
      expected: { tenants: undefined, from: inclusive(FROM), to: inclusive(TO), pipeline: [{ $match: { user_email: 'a@b.test' } }, GROUP] },
    },
    {
      name: 'exclusive bounds',
      pipeline: [{ $match: { tenant_id: 't-a', started_at: { $gt: FROM, $lt: TO } } }],
      expected: { tenants: ['t-a'], from: exclusive(FROM), to: exclusive(TO), pipeline: [] },
    },
    {
      name: 'a top-level $or, $and or $expr stays; the tenant still narrows (top-level keys are ANDed)',
      pipeline: [{ $match: { tenant_id: 't-a', $or: [{ status: 'busy' }, { status: 'failed' }], $expr: { $gt: ['$duration_sec', 10] } } }],
      expected: {
        tenants: ['t-a'],
        from: undefined,
        to: undefined,
        pipeline: [{ $match: { $or: [{ status: 'busy' }, { status: 'failed' }], $expr: { $gt: ['$duration_sec', 10] } } }],
      },
    },
    {
      name: 'non-Date bound: started_at stays, tenant narrows',
      pipeline: [{ $match: { tenant_id: 't-a', started_at: { $gte: '2024-03-01' } } }],
      expected: { tenants: ['t-a'], from: undefined, to: undefined, pipeline: [{ $match: { started_at: { $gte: '2024-03-01' } } }] },
    },
    {
      name: 'unrecognised tenant shape: tenant stays, time narrows',
      pipeline: [{ $match: { tenant_id: { $ne: 't-a' }, started_at: { $gte: FROM } } }],
      expected: { tenants: undefined, from: inclusive(FROM), to: undefined, pipeline: [{ $match: { tenant_id: { $ne: 't-a' } } }] },
    },
  ])('$name', ({ pipeline, expected }) => {
    const before = structuredClone(pipeline);
    expect(narrowScope(pipeline)).toEqual(expected);
    expect(pipeline).toEqual(before);
  });
});

describe('narrowScope: shapes left alone', () => {
  it.each<{ name: string; pipeline: Pipeline }>([
    { name: 'empty pipeline', pipeline: [] },
    { name: 'first stage is not $match', pipeline: [GROUP, { $match: { tenant_id: 't-a' } }] },
    { name: '$match with a sibling key (malformed stage)', pipeline: [{ $match: { tenant_id: 't-a' }, $limit: 1 }] },
    { name: 'scope inside $and', pipeline: [{ $match: { $and: [{ tenant_id: 't-a' }, { started_at: { $gte: FROM } }] } }] },
    { name: 'scope inside $or', pipeline: [{ $match: { $or: [{ tenant_id: 't-a' }, { tenant_id: 't-b' }] } }] },
    { name: 'scope in $expr', pipeline: [{ $match: { $expr: { $eq: ['$tenant_id', 't-a'] } } }] },
    { name: 'tenant regex', pipeline: [{ $match: { tenant_id: /^t-/ } }] },
    { name: 'tenant null', pipeline: [{ $match: { tenant_id: null } }] },
    { name: 'tenant $in with a non-string', pipeline: [{ $match: { tenant_id: { $in: ['t-a', 1] } } }] },
    { name: 'tenant $in with $nin beside it', pipeline: [{ $match: { tenant_id: { $in: ['t-a'], $nin: ['t-b'] } } }] },
    { name: 'started_at equality', pipeline: [{ $match: { started_at: FROM } }] },
    { name: 'started_at with $ne', pipeline: [{ $match: { started_at: { $gte: FROM, $ne: TO } } }] },
    { name: 'started_at with $gte and $gt', pipeline: [{ $match: { started_at: { $gte: FROM, $gt: FROM } } }] },
    { name: 'started_at invalid Date', pipeline: [{ $match: { started_at: { $gte: new Date(Number.NaN) } } }] },
    { name: 'started_at epoch number', pipeline: [{ $match: { started_at: { $gte: FROM.getTime() } } }] },
    { name: 'started_at empty operator object', pipeline: [{ $match: { started_at: {} } }] },
    { name: 'started_at inherited-name key', pipeline: [{ $match: { started_at: { constructor: FROM } } }] },
  ])('$name', ({ pipeline }) => {
    const result = narrowScope(pipeline);
    expect(result.pipeline).toBe(pipeline);
    expect(result.tenants).toBeUndefined();
    expect(result.from).toBeUndefined();
    expect(result.to).toBeUndefined();
  });
});
