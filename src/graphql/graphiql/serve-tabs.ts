import { SAMPLE_TENANTS } from '../../sample/tenants.ts';
import { buildSubgraphSchema } from '../subgraph.ts';
import { readExampleOperations } from './example-operations.ts';
import { exampleTabs, type GraphiQLTab } from './example-tabs.ts';

export interface ServeTabsOptions {
  /** Keys pre-filled only when the server listens on loopback (nobody else can load the page). */
  loopback: boolean;
  tenantKey?: string;
  adminKey?: string;
  /** Set for generated sample data: its end; other data uses the time the server started. */
  sampleNow?: Date;
  /** The tenant of `tenantKey`, whose sample ids the examples use. */
  tenantId?: string;
}

/** GraphiQL's opening tabs for `dialgraph serve`. */
export async function serveTabs(options: ServeTabsOptions): Promise<GraphiQLTab[]> {
  const tenant = options.sampleNow ? SAMPLE_TENANTS.find((t) => t.tenant_id === options.tenantId) : undefined;
  return exampleTabs({
    operations: await readExampleOperations(buildSubgraphSchema()),
    now: options.sampleNow ?? new Date(),
    tenant,
    tenantKey: options.loopback ? options.tenantKey : undefined,
    adminKey: options.loopback ? options.adminKey : undefined,
  });
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
