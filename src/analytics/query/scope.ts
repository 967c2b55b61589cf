import { ForbiddenError } from '../errors.ts';
import type { Condition } from './expression.ts';
import { CALLS_COLLECTION, type QueryCollection } from '../../contract/collections.ts';
import { isSuperAdmin, type Principal } from '../../contract/principal.ts';

/** An inclusive instant range on `started_at`. */
export interface TimeRange {
  from: Date;
  to: Date;
}

/**
 * Which users' calls a request asks for (the dialer's `allUsers`/`userId`), with the argument
 * paths a refusal names. Fields without these arguments pass nothing: the key decides alone.
 */
export interface UserView {
  allUsers?: boolean | null;
  userId?: string | null;
  /** @default "allUsers" */
  allUsersArgument?: string;
  /** @default "userId" */
  userIdArgument?: string;
}

/**
 * The tenant, user and time scope every pipeline starts with. This is the single place tenant
 * isolation and user-bound keys are enforced (DESIGN 2.2):
 * - a non-admin principal is always pinned to its own tenant; a cross-tenant scope is refused
 *   unless the principal is a super-admin;
 * - a user-bound key (`userId` set) sees only its user's calls, on every field; asking for
 *   `allUsers` or another `userId` is `FORBIDDEN` naming the argument, unless the key has
 *   `all_users`, in which case its user is only the default view and the arguments widen it
 *   within the tenant;
 * - an account key sees the whole tenant, and `userId` narrows it to one user;
 * - the account vocabularies (`call_vocabularies`, DESIGN 2.4) are the account's, not one
 *   user's, and have no time: they are scoped by tenant alone, for every key of the tenant
 *   (a user-bound key sees the tags its account defined, not other users' calls).
 */
export function scopeCondition(options: {
  principal: Principal;
  allTenants?: boolean;
  range?: TimeRange;
  /** A second range also matched (compared reports); contiguous ranges become one. */
  comparisonRange?: TimeRange;
  users?: UserView;
  collection?: QueryCollection;
}): Condition {
  const { principal, allTenants = false, range, comparisonRange, collection = CALLS_COLLECTION } = options;
  if (allTenants && !isSuperAdmin(principal)) {
    throw new ForbiddenError('Cross-tenant analytics require a super-admin key.');
  }
  const scope: Condition = allTenants ? {} : { tenant_id: principal.tenantId };
  if (collection !== CALLS_COLLECTION) {
    // A programming error, not a client's: a vocabulary has no started_at and no user_id.
    if (range || comparisonRange || options.users) throw new Error(`a ${collection} query takes no time range and no user view`);
    return scope;
  }
  const pinned = pinnedUser(principal, options.users ?? {});
  if (pinned !== null) scope.user_id = pinned;
  if (range && comparisonRange) Object.assign(scope, eitherRange(range, comparisonRange));
  else if (range) scope.started_at = { $gte: range.from, $lte: range.to };
  return scope;
}

/**
 * Two inclusive ranges: one `started_at` range when they touch (a previous period ends the
 * millisecond before the current one starts); else the hull of both (which the embedded store
 * narrows its scan by) and an `$or` of each, which MongoDB serves with one index scan per
 * branch, never reading the time between them.
 */
function eitherRange(a: TimeRange, b: TimeRange): Condition {
  const [first, second] = a.from.getTime() <= b.from.getTime() ? [a, b] : [b, a];
  if (second.from.getTime() <= first.to.getTime() + 1) {
    const to = first.to.getTime() > second.to.getTime() ? first.to : second.to;
    return { started_at: { $gte: first.from, $lte: to } };
  }
  return {
    started_at: { $gte: first.from, $lte: second.to.getTime() > first.to.getTime() ? second.to : first.to },
    $or: [{ started_at: { $gte: first.from, $lte: first.to } }, { started_at: { $gte: second.from, $lte: second.to } }],
  };
}

/**
 * The `userId` the request asks for, as a filter AND-ed after the scope (like any other
 * filter: the scope facets of a list, such as the tags present, do not see it), once
 * `scopeCondition` has allowed it.
 */
export function userFilter(users: UserView | undefined): Condition | null {
  return users?.userId != null ? { user_id: users.userId } : null;
}

/**
 * The user a key pins the scope to, or null for the whole tenant. Refuses, naming the
 * argument, what a user-bound key without `all_users` may not ask for.
 */
function pinnedUser(principal: Principal, view: UserView): string | null {
  const bound = principal.userId || null;
  if (bound === null) return null;
  const asked = view.userId ?? null;
  if (principal.allUsers) {
    // Its user is only the default view: either argument widens it within the tenant.
    return view.allUsers === true || asked !== null ? null : bound;
  }
  if (view.allUsers === true) {
    const argument = view.allUsersArgument ?? 'allUsers';
    throw new ForbiddenError(`${argument}: this API key is bound to one user and may not see every user's calls.`, argument);
  }
  if (asked !== null && asked !== bound) {
    const argument = view.userIdArgument ?? 'userId';
    throw new ForbiddenError(`${argument}: this API key is bound to one user and may not see another user's calls.`, argument);
  }
  return bound;
}
