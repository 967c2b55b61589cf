import type { FlatStringBuilder } from './flat-string.ts';
import { weightedTable, type WeightedTable } from './prng.ts';
import type { SampleCampaign, SampleNamedId, SamplePlatformNumber, SampleTenant } from './tenants.ts';
import { StartSampler } from './time-rhythm.ts';

/** How a thread of calls starts: its channel and direction. */
export type ThreadKind = 'web' | 'inbound' | 'outbound' | 'internal';

/**
 * Everything the generator draws from for one tenant, prepared once per run: weighted tables,
 * the start-time sampler, shared payload objects and the lazily built customer numbers.
 */
export interface TenantPools {
  tenant: SampleTenant;
  sampler: StartSampler;
  kinds: WeightedTable<ThreadKind>;
  campaigns: WeightedTable<SampleCampaign>;
  providers: WeightedTable<string>;
  /** Platform numbers, the main lines busier than the rest. */
  lines: WeightedTable<SamplePlatformNumber>;
  callFlows: WeightedTable<SampleNamedId>;
  payloads: WeightedTable<Record<string, unknown>>;
  /** Customer numbers by index; filled on first use, undefined until then. */
  customerNumbers: Array<string | undefined>;
  /** The run's shared string builder. */
  strings: FlatStringBuilder;
  /** The dialer campaign of each project's outbound calls, by project id. */
  projectCampaigns: ReadonlyMap<string, string>;
  /** CRM records leads point at (shared, frozen). */
  crmRecords: readonly Record<string, unknown>[];
  /** `numbers_ringed` of a call an agent or a line took: one shared, frozen array each. */
  ringedByNumber: ReadonlyMap<string, readonly string[]>;
}

/** Options of `createTenantPools`. */
export interface TenantPoolsOptions {
  tenant: SampleTenant;
  nowMs: number;
  days: number;
  /** Calls this run will generate in total (sizes the customer pool). */
  totalCalls: number;
  strings: FlatStringBuilder;
}

/** Prepares one tenant's pools. */
export function createTenantPools(options: TenantPoolsOptions): TenantPools {
  const { tenant, nowMs, days, totalCalls, strings } = options;
  const { mix } = tenant;
  // About 0.7 threads per call; a pool of 0.51 numbers per call leaves realistic repeat callers.
  const customers = Math.max(20, Math.ceil(totalCalls * tenant.share * 0.51));
  return {
    tenant,
    sampler: new StartSampler({ nowMs, days, utcOffsetMinutes: tenant.utcOffsetMinutes }),
    kinds: weightedTable<ThreadKind>([['web', mix.web], ['inbound', mix.inbound], ['outbound', mix.outbound], ['internal', mix.internal]]),
    campaigns: weightedTable(tenant.campaigns.map((c) => [c, c.weight] as const)),
    providers: weightedTable(tenant.providers),
    lines: weightedTable(tenant.platformNumbers.map((line, i) => [line, tenant.platformNumbers.length + 2 - i] as const)),
    // The first call flow (the main line) takes most traffic.
    callFlows: weightedTable(tenant.callFlows.map((f, i) => [f, i === 0 ? 3 : 1] as const)),
    payloads: payloadTable(tenant),
    customerNumbers: new Array<string | undefined>(customers).fill(undefined),
    strings,
    projectCampaigns: new Map(tenant.projects.map((p) => [p.id, p.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')])),
    crmRecords: crmRecords(tenant),
    ringedByNumber: new Map(
      [...tenant.agents.map((a) => a.extension), ...tenant.platformNumbers.map((line) => line.number)].map((n) => [n, Object.freeze([n]) as readonly string[]]),
    ),
  };
}

const CRM_SYSTEMS = ['hubspot', 'salesforce', 'pipedrive'] as const;
const CRM_STAGES = ['lead', 'marketing-qualified', 'opportunity', 'customer'] as const;

/** The CRM records of a tenant's leads: one CRM system per tenant, a few pipelines and stages. */
function crmRecords(tenant: SampleTenant): readonly Record<string, unknown>[] {
  const system = CRM_SYSTEMS[tenant.tenant_id.length % CRM_SYSTEMS.length];
  return tenant.plans.flatMap((plan) =>
    CRM_STAGES.map((stage, i) => Object.freeze({ system, pipeline: `${plan} sales`, lifecycle_stage: stage, owner_team: tenant.teams[i % tenant.teams.length].name })),
  );
}

/**
 * The customer number with this pool index, built on first use (callers repeat, so each
 * number string is built once and shared by all of that caller's calls).
 */
export function customerNumber(pools: TenantPools, index: number): string {
  const cached = pools.customerNumbers[index];
  if (cached !== undefined) return cached;
  const { customerPrefixes, customerDigits } = pools.tenant;
  const prefix = customerPrefixes[index % customerPrefixes.length];
  const local = Math.floor(index / customerPrefixes.length);
  // Multiplying by a prime coprime to 10 scatters consecutive indexes without collisions.
  const scrambled = (local * 7919 + 104_729) % 10 ** customerDigits;
  const number = pools.strings.reset().text(prefix).decimal(scrambled, customerDigits).build();
  pools.customerNumbers[index] = number;
  return number;
}

/**
 * Lead payloads: mostly `{ city, plan }`, sometimes with an extra boolean, string, number or
 * null field so payload filters meet every scalar type. Shared and frozen, like the tag sets.
 */
function payloadTable(tenant: SampleTenant): WeightedTable<Record<string, unknown>> {
  const entries: Array<readonly [Record<string, unknown>, number]> = [];
  const { cities, plans } = tenant;
  cities.forEach((city, i) => {
    plans.forEach((plan, j) => entries.push([Object.freeze({ city, plan }), i === 0 ? 12 : 8 - j]));
    entries.push([Object.freeze({ city, plan: plans[0], vip: true }), 1]);
    entries.push([Object.freeze({ city, plan: plans[plans.length - 1], form: 'callback-widget' }), 1]);
    entries.push([Object.freeze({ city, plan: plans[i % plans.length], household_size: 2 + (i % 4) }), 1]);
    entries.push([Object.freeze({ city, plan: plans[0], referral_code: null }), 0.5]);
  });
  return weightedTable(entries);
}
