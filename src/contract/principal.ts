/** Who is asking: resolved from the API key before any field runs. */
export interface Principal {
  tenantId: string;
  /** Set when the key is bound to one user of the account (the dialer's user-bound keys). */
  userId?: string | null;
  /** A user-bound key with `all_users`: its user is the default view, `allUsers`/`userId` may widen it. */
  allUsers?: boolean;
  userEmail: string;
  role: 'user' | 'super_admin';
}

export function isSuperAdmin(principal: Principal): boolean {
  return principal.role === 'super_admin';
}
