/**
 * Issue 16: for every pipeline a client can cause (test/support/pipeline-shapes.ts), a declared
 * index serves its leading `$match` (tenant or e-mail equality, the started_at range) and, for
 * the calls list's pages, its sort, in equality → sort → range order. The MongoDB suite
 * (test/mongo/mongo-plans.test.ts) confirms the same plans with explain("executionStats").
 */
import { describe, expect, it } from 'vitest';
import { CALL_INDEXES, VOCABULARY_INDEXES } from '../../src/store/mongo/indexes.ts';
import { accountVocabularyQuery, VOCABULARY_PARTS } from '../../src/analytics/families/dialer/call-vocabulary.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import { servingIndex } from '../../src/store/mongo/serving-index.ts';
import { ACCOUNT, pipelineShapes, USER_BOUND, type PipelineShape } from '../support/pipeline-shapes.ts';

const shapes = pipelineShapes();

/** The index each shape must get (by the leading $match's fields and the page's sort). */
function expectedIndex(shape: PipelineShape): string {
  const match = (shape.pipeline[0] as { $match: Record<string, unknown> }).$match;
  const sort = Object.keys((shape.pipeline[1] as { $sort?: Record<string, number> }).$sort ?? {});
  if (!('tenant_id' in match)) return 'user_email' in match ? 'user_email_started' : 'started';
  if ('user_id' in match) {
    // A user-bound key's list sorted by talk/answer time walks the tenant's sort index.
    if (shape.kind === 'page' && sort[0] !== 'started_at') return sort[0] === 'talk_time_sec' ? 'tenant_talk_started_id' : 'tenant_answer_started_id';
    return 'tenant_user_started_id_transfer';
  }
  if (shape.kind === 'page' && sort[0] === 'talk_time_sec') return 'tenant_talk_started_id';
  if (shape.kind === 'page' && sort[0] === 'answer_time_sec') return 'tenant_answer_started_id';
  // A talk time filter is a second range the talk index bounds too.
  if (shape.kind !== 'page' && 'talk_time_sec' in match) return 'tenant_talk_started_id';
  if ('assistant_id' in match) return 'tenant_assistant_started';
  if ('platform_number' in match) return 'tenant_platform_started';
  return 'tenant_started_id_transfer';
}

describe('static plan check: a declared index serves every client-reachable pipeline', () => {
  it('covers many shapes', () => {
    expect(shapes.length).toBeGreaterThan(150);
  });

  it.each(shapes.map((shape) => [shape.name, shape] as const))('%s', (_name, shape) => {
    const served = servingIndex(shape.pipeline, CALL_INDEXES);
    expect(served, 'no declared index serves this pipeline').not.toBeNull();
    expect(served!.name).toBe(expectedIndex(shape));
    // A keyset page (callsConnection) seeks with `$or` branches, each served by the same index;
    // the branch that continues within one start time pins started_at by equality.
    if (shape.name.startsWith('callsConnection')) expect([...served!.range, ...served!.equality]).toContain('started_at');
    else expect(served!.range).toContain('started_at');
    const match = (shape.pipeline[0] as { $match: Record<string, unknown> }).$match;
    if ('tenant_id' in match) expect(served!.equality[0]).toBe('tenant_id');
    if (shape.kind === 'page') {
      // The whole sort comes from the index: no blocking sort of a page.
      expect(served!.sort).toEqual(Object.keys((shape.pipeline[1] as { $sort: Record<string, number> }).$sort).filter((field) => !served!.equality.includes(field)));
    }
  });

  it('the default count (no bounds) reads only indexed fields, so the index answers it alone', () => {
    const counts = shapes.filter((shape) => shape.kind === 'count' && shape.name.startsWith('calls count: default search') && !shape.name.includes('bounds'));
    expect(counts.length).toBe(2);
    for (const shape of counts) expect(servingIndex(shape.pipeline, CALL_INDEXES)!.covers).toBe(true);
  });

  it('fails when no index serves: an unindexed sort, or a tenant query without its range index', () => {
    const page = shapes.find((shape) => shape.kind === 'page' && shape.name.includes('TALK_TIME'))!.pipeline;
    const withoutTalkIndex = CALL_INDEXES.filter((index) => index.name !== 'tenant_talk_started_id');
    expect(servingIndex(page, withoutTalkIndex)).toBeNull();
    const reversed = [page[0], { $sort: { talk_time_sec: -1, started_at: 1, _id: -1 } }];
    expect(servingIndex(reversed, CALL_INDEXES)).toBeNull();
    expect(servingIndex([{ $match: { tenant_id: 't1', started_at: { $gte: new Date(0) } } }], [{ name: 'lead', key: { tenant_id: 1, lead_id: 1 }, reason: '' }])).toBeNull();
  });
});

describe('static plan check: the account vocabulary (call_vocabularies)', () => {
  it.each([
    ['account key, every kind', ACCOUNT, VOCABULARY_PARTS],
    ['user-bound key, tags', USER_BOUND, ['tags'] as const],
  ])('%s: tenant and kind equality on the unique index', (_name, principal, parts) => {
    const pipeline = compileCallQuery(accountVocabularyQuery(principal, new Set(parts)));
    expect(servingIndex(pipeline, VOCABULARY_INDEXES)).toMatchObject({ name: 'tenant_kind_value_unique', equality: ['tenant_id', 'kind'] });
    // A calls index never serves it: the store runs it over its own collection.
    expect(servingIndex(pipeline, CALL_INDEXES)?.equality ?? []).not.toContain('kind');
  });
});
