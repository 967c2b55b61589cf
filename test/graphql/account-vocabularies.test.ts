/**
 * Account vocabularies (DESIGN 2.4, issue 18): the calls list's `tags`, `outcomes` and
 * `projects` come from `call_vocabularies`, kind by kind, falling back to the values present
 * in the tenant's calls of the searched days for a kind the account defined nothing of. The
 * vocabulary read is a scoped pipeline through the one compiler: tenant A never sees B's.
 */
import { describe, expect, it } from 'vitest';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import { accountVocabularyQuery } from '../../src/analytics/families/dialer/call-vocabulary.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { KEYS, testKeys } from '../support/calls.ts';
import { T1_CHOICES, T2_CHOICES, VOCABULARY_CALLS, VOCABULARY_DAYS, VOCABULARY_ENTRIES } from '../fixtures/dialer-fixtures.ts';
import { testGateway } from '../support/gateway.ts';

const NOW = '2024-03-15T12:00:00.000Z';
const DAYS = VOCABULARY_DAYS;
const data = VOCABULARY_CALLS;
const vocabularies = VOCABULARY_ENTRIES;

const gateway = testGateway({ calls: data, vocabularies, now: NOW });
const CHOICES = 'tags outcomes projects { id name }';

async function choices(key: string, selection = CHOICES, search = DAYS) {
  const { status, body } = await gateway.query(`{ calls(search: { ${search} }, itemsPerPage: 1) { totalItems ${selection} } }`, {}, key);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data!.calls;
}

describe('the list shows the account vocabulary', () => {
  it('names the list field in explain for both of its steps (the vocabulary, then the page)', async () => {
    const { status, body } = await gateway.query(`{ list: calls(search: { ${DAYS} }, itemsPerPage: 1) { totalItems ${CHOICES} } }`, {}, KEYS.t1, { 'x-dialgraph-explain': '1' });
    expect(status).toBe(200);
    const explain = (body.extensions as { explain?: { path: string | null; pipeline: unknown }[] }).explain!;
    // One vocabulary pipeline, then the page, count and observed choices: each one `list`'s.
    expect(explain.length).toBeGreaterThanOrEqual(2);
    expect(explain.map((entry) => entry.path)).toEqual(explain.map(() => 'list'));
  });

  it('lists every defined value, used or not, and no undefined one; falls back per kind', async () => {
    // Defined tags only (`undefined-tag` is on a call), the observed outcomes, the defined projects.
    expect(await choices(KEYS.t1)).toEqual(T1_CHOICES);
  });

  it('falls back for every kind the account left undefined (and the days still bound the observed values)', async () => {
    expect(await choices(KEYS.t2)).toEqual(T2_CHOICES);
    // The vocabulary does not depend on the days: an empty range still lists it.
    expect(await choices(KEYS.t2, CHOICES, 'dayFrom: "2023-01-01", dayTo: "2023-01-02"')).toEqual({ totalItems: 0, tags: [], outcomes: ['t2-defined', 't2-outcome'], projects: [] });
  });

  it('keeps tenants apart: t2 never sees t1’s or t3’s vocabulary, nor t1 theirs', async () => {
    const t1 = JSON.stringify(await choices(KEYS.t1));
    const t2 = JSON.stringify(await choices(KEYS.t2));
    for (const foreign of ['t2-defined', 't2-outcome', 't2-used', 'T2 project', 't3-secret']) expect(t1).not.toContain(foreign);
    for (const foreign of ['never-used', 'Zebra', 'Planned', 'No id yet', 't3-secret', 'hot']) expect(t2).not.toContain(foreign);
  });

  it('is the account’s, so a user-bound key sees it too (its observed values stay its own calls’)', async () => {
    expect(await choices(KEYS.t1User)).toEqual({
      totalItems: 1,
      tags: ['Zebra', 'cold', 'hot', 'never-used'],
      // Observed outcomes: u1's calls only (DESIGN 2.2).
      outcomes: ['sale'],
      projects: [
        { id: null, name: 'No id yet' },
        { id: 'p2', name: 'Planned' },
        { id: 'p1', name: 'Solar' },
      ],
    });
  });

  it('reads the vocabulary first, then scans the calls only for the kinds it lacks', async () => {
    const at = gateway.pipelines.length;
    await choices(KEYS.t1, 'tags projects { id }');
    // Every selected kind is defined: the vocabulary, page and count; no choices scan.
    expect(gateway.collections.slice(at)).toEqual(['call_vocabularies', 'calls', 'calls']);
    expect(gateway.pipelines[at][0]).toEqual({ $match: { tenant_id: 't1', kind: { $in: ['tag', 'project'] } } });
    expect(gateway.pipelines.slice(at + 1).some((pipeline) => pipeline.some((stage) => '$facet' in stage))).toBe(false);

    const next = gateway.pipelines.length;
    await choices(KEYS.t1);
    expect(gateway.collections.slice(next)).toEqual(['call_vocabularies', 'calls', 'calls', 'calls']);
    const scan = gateway.pipelines.slice(next).find((pipeline) => pipeline.some((stage) => '$facet' in stage)) as any[];
    expect(Object.keys(scan[1].$facet)).toEqual(['outcomesPresent']);

    const none = gateway.pipelines.length;
    await choices(KEYS.t1, 'calls { id }');
    expect(gateway.collections.slice(none)).toEqual(['calls', 'calls']);
  });
});

describe('the vocabulary pipeline', () => {
  const principal = { tenantId: 't1', userId: 'u1', userEmail: 'owner@t1.example', role: 'user' as const };

  it('is scoped by the compiler’s scope stage to the tenant alone (no user, no time)', () => {
    const pipeline = compileCallQuery(accountVocabularyQuery(principal, new Set(['tags', 'outcomes'])));
    expect(pipeline).toEqual([{ $match: { tenant_id: 't1', kind: { $in: ['tag', 'outcome'] } } }, { $project: { kind: 1, value: 1, project_id: 1 } }]);
    const withRange = { ...accountVocabularyQuery(principal, new Set(['tags'])), range: { from: new Date(0), to: new Date() } };
    expect(() => compileCallQuery(withRange)).toThrow('takes no time range');
  });

  it('runs on the compiled executor, over the vocabularies only, with mingo’s answer', async () => {
    const store = createEmbeddedStore({ calls: data, vocabularies, apiKeys: testKeys() });
    const reference = createEmbeddedStore({ calls: data, vocabularies, executor: 'mingo' });
    const pipeline = compileCallQuery(accountVocabularyQuery(principal, new Set(['tags', 'outcomes', 'projects'])));
    const rows = await store.aggregate(pipeline, { collection: 'call_vocabularies' });
    expect(store.engineRuns).toEqual({ compiled: 1, mingo: 0 });
    expect(rows).toEqual(await reference.aggregate(pipeline, { collection: 'call_vocabularies' }));
    expect(rows.map((row) => row.value).sort()).toEqual(['No id yet', 'Planned', 'Solar', 'Zebra', 'cold', 'hot', 'never-used']);
    // The same pipeline over the calls finds nothing: the collection is the store's choice.
    expect(await store.aggregate(pipeline)).toEqual([]);
  });
});
