import { ForbiddenError } from '../errors.ts';
import type { Condition } from './expression.ts';
import { isSuperAdmin, type Principal } from '../../contract/principal.ts';

/** An inclusive instant range on `started_at`. */
export interface TimeRange {
  from: Date;
  to: Date;
}

/**
 * The tenant and time scope every pipeline starts with. This is the single place tenant
 * isolation is enforced: a non-admin principal is always pinned to its own tenant, and a
 * cross-tenant scope is refused unless the principal is a super-admin.
 */
export function scopeCondition(options: { principal: Principal; allTenants?: boolean; range?: TimeRange }): Condition {
  const { principal, allTenants = false, range } = options;
  if (allTenants && !isSuperAdmin(principal)) {
    throw new ForbiddenError('Cross-tenant analytics require a super-admin key.');
  }
  const scope: Condition = allTenants ? {} : { tenant_id: principal.tenantId };
  if (range) scope.started_at = { $gte: range.from, $lte: range.to };
  return scope;
}
