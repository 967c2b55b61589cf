import { SAMPLE_TENANTS } from './tenants.ts';

/**
 * A demo API key in the `--keys` file format (DESIGN 2.2) plus a display name. Demo keys are
 * public, fixed strings printed by `dialgraph serve` and written by `dialgraph sample`; they
 * exist for local demos and tests only and must never be stored in a production database.
 */
export interface DemoKey {
  key: string;
  tenant_id: string;
  /** Set only on user-bound keys. */
  user_id?: string;
  user_email: string;
  role: 'user' | 'super_admin';
  name: string;
}

/** Tenant id carried by the demo super-admin key (it belongs to no sample tenant). */
export const DEMO_ADMIN_TENANT_ID = 'dialgraph-admin';

/**
 * The demo keys: one account-level key per sample tenant, one key bound to a user of the
 * biggest tenant, and one super-admin key. Same strings every run.
 */
export function demoApiKeys(): DemoKey[] {
  const keys: DemoKey[] = SAMPLE_TENANTS.map((tenant) => ({
    key: `dg_demo_${underscore(tenant.tenant_id)}_account_key`,
    tenant_id: tenant.tenant_id,
    user_email: tenant.user_email,
    role: 'user',
    name: `${tenant.name} account key (demo)`,
  }));
  const biggest = SAMPLE_TENANTS.reduce((a, b) => (b.share > a.share ? b : a));
  const user = biggest.users[0];
  keys.push({
    key: `dg_demo_${underscore(biggest.tenant_id)}_${underscore(user.user_id)}_key`,
    tenant_id: biggest.tenant_id,
    user_id: user.user_id,
    user_email: biggest.user_email,
    role: 'user',
    name: `${biggest.name} – ${user.name} (demo, user-bound)`,
  });
  keys.push({
    key: 'dg_demo_super_admin_key',
    tenant_id: DEMO_ADMIN_TENANT_ID,
    user_email: 'admin@dialgraph.example',
    role: 'super_admin',
    name: 'dialgraph super admin (demo)',
  });
  return keys;
}

function underscore(id: string): string {
  return id.replace(/[^a-z0-9]+/gi, '_').toLowerCase();
}
