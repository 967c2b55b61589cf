import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/analytics/errors.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import type { Principal } from '../../src/contract/principal.ts';

/** Tenant isolation lives in one place: the scope `compileCallQuery` writes first. */
const user: Principal = { tenantId: 't1', userEmail: 'a@t1.example', role: 'user' };
const admin: Principal = { tenantId: 'ops', userEmail: 'ops@x.example', role: 'super_admin' };
const range = { from: new Date('2024-01-01T00:00:00Z'), to: new Date('2024-01-31T23:59:59.999Z') };

describe('the query core scope', () => {
  it('pins a tenant principal to its tenant, ahead of every condition', () => {
    const [first] = compileCallQuery({ principal: user, range, where: [{ tenant_id: 't2' }, { status: 'completed' }] });
    // A condition naming another tenant can only narrow further (it is AND-ed under $and).
    expect(first).toEqual({
      $match: { tenant_id: 't1', started_at: { $gte: range.from, $lte: range.to }, status: 'completed', $and: [{ tenant_id: 't2' }] },
    });
  });

  it('refuses a cross-tenant query for a tenant key', () => {
    expect(() => compileCallQuery({ principal: user, allTenants: true })).toThrow(ForbiddenError);
  });

  it('lets only a super-admin span tenants', () => {
    expect(compileCallQuery({ principal: admin, allTenants: true, range })[0]).toEqual({ $match: { started_at: { $gte: range.from, $lte: range.to } } });
    expect(compileCallQuery({ principal: admin })[0]).toEqual({ $match: { tenant_id: 'ops' } });
  });

  it('keeps the scope in the leading $match even with side pipelines only', () => {
    const pipeline = compileCallQuery({ principal: user, range, where: [{ status: 'failed' }], facets: { tags: [{ $count: 'n' }] }, withoutRows: true });
    expect((pipeline[0] as { $match: Record<string, unknown> }).$match.tenant_id).toBe('t1');
  });
});
