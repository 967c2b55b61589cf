import type { SampleTenant } from '../../sample/tenants.ts';
import type { ExampleOperation } from './example-operations.ts';
import { exampleVariables } from './example-variables.ts';

/** A GraphiQL tab as `defaultTabs` takes it (JSON strings for variables and headers). */
export interface GraphiQLTab {
  query: string;
  variables: string;
  headers: string;
}

export interface ExampleTabsOptions {
  operations: ExampleOperation[];
  /** The data's "now": examples ask for days and instants before it. */
  now: Date;
  /** The sample tenant whose ids the examples use (undefined for other data). */
  tenant?: SampleTenant;
  /** Pre-filled keys; left out when the server is not on loopback. */
  tenantKey?: string;
  adminKey?: string;
}

/**
 * GraphiQL's opening tabs: the tenant examples with the tenant key, and the super-admin examples
 * in a tab of their own whose headers carry the super-admin key. Each tab's variables are filled
 * with values that exist in the data, so every operation runs when picked with ▶.
 */
export function exampleTabs(options: ExampleTabsOptions): GraphiQLTab[] {
  const values = exampleVariables(options.now, options.tenant);
  const tenantOps = options.operations.filter((op) => !op.admin);
  const adminOps = options.operations.filter((op) => op.admin);
  const tabs = [tab(tenantIntro(options), tenantOps, values, options.tenantKey)];
  if (adminOps.length) tabs.push(tab(adminIntro(options), adminOps, values, options.adminKey));
  return tabs;
}

function tab(intro: string, operations: ExampleOperation[], values: Record<string, unknown>, key: string | undefined): GraphiQLTab {
  const used = new Set(operations.flatMap((op) => [...op.variables.keys()]));
  const variables = Object.fromEntries(Object.entries(values).filter(([name]) => used.has(name)));
  return {
    query: `${intro}\n\n${operations.map((op) => op.text).join('\n\n')}\n`,
    variables: JSON.stringify(variables, null, 2),
    headers: JSON.stringify(key ? { Authorization: `Bearer ${key}` } : {}, null, 2),
  };
}

function tenantIntro(options: ExampleTabsOptions): string {
  const lines = [
    '# dialgraph examples (schema/operations/).',
    '# Pick one with the ▶ button.',
    options.tenant ? `# Variables: ids of "${options.tenant.tenant_id}", days before` : '# Variables: days before now; add ids',
    options.tenant ? "# the sample data's end." : '# of your data where an example takes them.',
  ];
  if (!options.tenantKey) lines.push('# Put your key in Headers:', '# { "Authorization": "Bearer <key>" }');
  return lines.join('\n');
}

function adminIntro(options: ExampleTabsOptions): string {
  return [
    '# Super-admin examples: these fields need',
    '# a key with the super_admin role.',
    ...(options.adminKey
      ? ["# This tab's Headers carry the demo", `# super-admin key ${options.adminKey}.`]
      : ['# Put a super-admin key in Headers:', '# { "Authorization": "Bearer <key>" }']),
  ].join('\n');
}
