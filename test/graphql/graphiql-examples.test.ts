import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readExampleOperations, splitOperations } from '../../src/graphql/graphiql/example-operations.ts';
import { exampleTabs } from '../../src/graphql/graphiql/example-tabs.ts';
import { exampleVariables } from '../../src/graphql/graphiql/example-variables.ts';
import { isLoopback, serveTabs } from '../../src/graphql/graphiql/serve-tabs.ts';
import { buildSubgraphSchema } from '../../src/graphql/subgraph.ts';
import { SAMPLE_TENANTS } from '../../src/sample/tenants.ts';

/**
 * GraphiQL's opening tabs. Whether every example answers data is proven in a real browser
 * (test/browser/graphiql.test.ts); here: the rules that make one shared variables object and one
 * ▶ menu work, and the keys shown only on loopback.
 */
const schema = buildSubgraphSchema();
const operations = await readExampleOperations(schema);
const acme = SAMPLE_TENANTS.find((t) => t.tenant_id === 'acme-health')!;
const NOW = new Date('2026-03-08T12:00:00Z');

describe('example operations', () => {
  it('are named operations without fragments, each variable name with one type', () => {
    expect(operations.length).toBeGreaterThanOrEqual(16);
    const types = new Map<string, string>();
    for (const op of operations) {
      for (const [name, type] of op.variables) {
        const named = type.replace(/!/g, '');
        expect(types.get(name) ?? named, `$${name} of ${op.name}`).toBe(named);
        types.set(name, named);
      }
    }
  });

  it('refuses a named fragment, which GraphiQL would send with every other operation', () => {
    expect(() => splitOperations('query A { __typename ...F } fragment F on Query { __typename }', schema)).toThrow(/without fragments/);
  });

  it('tells admin operations by the @auth directive of the field they select', () => {
    expect(operations.filter((op) => op.admin).map((op) => op.name)).toEqual(['AdminCallsByPhoneNumber']);
  });

  it('keep their comment with them', () => {
    const ops = splitOperations('# first\nquery A { __typename }\n\n# second\n# two lines\nquery B { __typename }\n', schema);
    expect(ops.map((op) => op.text)).toEqual(['# first\nquery A { __typename }', '# second\n# two lines\nquery B { __typename }']);
  });
});

describe('example variables', () => {
  it('fill every variable of every example with the sample tenant', () => {
    const values = exampleVariables(NOW, acme);
    for (const op of operations) for (const name of op.variables.keys()) expect(values, `${op.name} $${name}`).toHaveProperty(name);
  });

  it('are days and instants before the data end, in the tenant zone', () => {
    const values = exampleVariables(NOW, acme);
    expect(values).toMatchObject({ dayTo: '2026-03-08', dayFrom: '2026-03-02', day: '2026-03-07', timezone: 'America/New_York', to: NOW.toISOString() });
    expect(values.from).toBe('2026-02-22T12:00:00.000Z');
    // 02:00 New York is 07:00 UTC: the local day is still the 7th.
    expect(exampleVariables(new Date('2026-03-08T03:00:00Z'), acme).dayTo).toBe('2026-03-07');
  });

  it('are ids of the tenant', () => {
    expect(exampleVariables(NOW, acme)).toMatchObject({ merchantId: 'mer_acme_01', resellerId: 'res_acme', teamIds: ['team_acme_01'], userEmail: acme.user_email });
  });

  it('leave ids out for data that is not the sample', () => {
    const values = exampleVariables(NOW, undefined);
    expect(values).not.toHaveProperty('merchantId');
    expect(values).toHaveProperty('dayFrom');
    expect(values.timezone).toBe('UTC');
  });
});

describe('tabs', () => {
  const tabs = exampleTabs({ operations, now: NOW, tenant: acme, tenantKey: 'tenant-key', adminKey: 'admin-key' });

  it('are the tenant examples with the tenant key, then the admin examples with the admin key', () => {
    expect(tabs).toHaveLength(2);
    expect(JSON.parse(tabs[0].headers)).toEqual({ Authorization: 'Bearer tenant-key' });
    expect(JSON.parse(tabs[1].headers)).toEqual({ Authorization: 'Bearer admin-key' });
    expect(tabs[0].query).not.toContain('adminCallsByPhoneNumber');
    expect(tabs[1].query).toContain('query AdminCallsByPhoneNumber');
    expect(tabs[1].query).toContain('admin-key');
    for (const tab of tabs) expect(() => parse(tab.query)).not.toThrow();
  });

  it('carry only the variables their operations declare', () => {
    expect(Object.keys(JSON.parse(tabs[1].variables))).toEqual(['userEmail']);
    expect(JSON.parse(tabs[0].variables)).not.toHaveProperty('userEmail');
  });

  it('pre-fill keys only on loopback', async () => {
    const keys = { tenantKey: 'tenant-key', adminKey: 'admin-key', sampleNow: NOW, tenantId: 'acme-health' };
    const local = await serveTabs({ loopback: true, ...keys });
    const exposed = await serveTabs({ loopback: false, ...keys });
    expect(local[0].headers).toContain('tenant-key');
    for (const tab of exposed) {
      expect(JSON.parse(tab.headers)).toEqual({});
      expect(tab.query).not.toMatch(/tenant-key|admin-key/);
      expect(tab.query).toContain('Bearer <key>');
    }
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.2', '10.0.0.1'].some(isLoopback)).toBe(false);
  });
});
