import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleCalls } from '../../src/sample/generate.ts';
import { assertCallDocuments } from '../../src/store/load/assert-call-documents.ts';
import { CALL_FIELD_RULES, type FieldRule } from '../../src/store/load/call-field-rules.ts';
import { checkCallDocument } from '../../src/store/load/check-call-document.ts';
import { findDuplicateKey } from '../../src/store/load/find-duplicate-key.ts';
import { DataFileError, loadCallsFile } from '../../src/store/load/ndjson-calls.ts';

/** A line every rule accepts; each case below breaks one field of it. */
const GOOD: Record<string, unknown> = {
  _id: 'c-1',
  tenant_id: 't-alpha',
  user_email: 'owner@alpha.test',
  started_at: { $date: '2024-03-01T09:00:00Z' },
  channel: 'phone',
  direction: 'inbound',
  status: 'completed',
};

/** A value of the wrong type for each kind of rule, and a value the rule's range refuses. */
function badValues(rule: FieldRule): unknown[] {
  switch (rule.kind) {
    case 'string':
      return [5, { a: 1 }, ['x'], true];
    case 'id':
      return [5, '', { a: 1 }];
    case 'date':
      return ['2024-03-01', 1709283600000, { $date: 'not a date' }];
    case 'boolean':
      return ['true', 1, 0];
    case 'number':
      return [
        '5',
        { $numberDouble: 'NaN' },
        { $numberDouble: 'Infinity' },
        true,
        ...(rule.integer ? [1.5] : []),
        ...(rule.min !== undefined ? [rule.min - 1] : []),
        ...(rule.max !== undefined ? [rule.max + 1] : []),
      ];
    case 'enum':
      return ['nope', 5, { value: rule.values[0] }];
    case 'strings':
      return ['vip', [1], [null], { 0: 'x' }];
    case 'object':
      return ['x', 5, ['a']];
    case 'records':
      return ['x', [5], [{}]];
  }
}

const CASES = Object.entries(CALL_FIELD_RULES as Record<string, FieldRule>).flatMap(([field, rule]) =>
  badValues(rule).map((value) => ({ field, kind: rule.kind, value })),
);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dialgraph-fields-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(lines: string[]): Promise<unknown> {
  const path = join(dir, `f-${Math.random().toString(36).slice(2)}.ndjson`);
  await writeFile(path, `${lines.join('\n')}\n`);
  return loadCallsFile(path).then(
    () => null,
    (error: unknown) => error,
  );
}

describe('data files: every contract field is type-checked (DESIGN 2.3)', () => {
  it('the table covers every field of both tables of DESIGN 2.1', () => {
    expect(Object.keys(CALL_FIELD_RULES)).toHaveLength(80);
  });

  it.each(CASES)('$field = $value is refused with file:line and the field', async ({ field, value }) => {
    const error = await load([JSON.stringify(GOOD), JSON.stringify({ ...GOOD, _id: 'c-2', [field]: value })]);
    expect(error).toBeInstanceOf(DataFileError);
    const { line, field: named, message } = error as DataFileError;
    expect(line).toBe(2);
    expect(named).toBe(field);
    expect(message).toMatch(new RegExp(`:2: ${field.replace(/[[\]]/g, '\\$&')}`));
  });

  it.each([
    ['tenant_id', null],
    ['started_at', null],
    ['channel', undefined],
    ['tags', null],
    ['attempt', null],
    ['payload', null],
  ])('%s = %s (required, or null where the contract has no "?") is refused', async (field, value) => {
    const doc = { ...GOOD, [field]: value };
    if (value === undefined) delete doc[field];
    const error = (await load([JSON.stringify(doc)])) as DataFileError;
    expect(error.field).toBe(field);
  });

  it.each([
    ['user_id', null],
    ['sentiment', 0],
    ['sentiment', 1],
    ['ai_score', 100],
    ['attempt', 1],
    ['tags', []],
    ['transfers', [{ at: { $date: '2024-03-01T09:01:00Z' }, from: 'a', to: 'b', type: 'blind' }]],
    ['transcript', [{ at_sec: 0.5, speaker: 'ai', text: 'Hello' }]],
    ['crm_info', { deal: { stage: 2 } }],
    ['recall_date', { $date: '2024-03-02T09:00:00Z' }],
    ['numbers_involved', ['+1555', '+1556']],
    ['payload', { anything: [1, { deep: true }] }],
    ['not_in_the_contract', { $numberDouble: 'NaN' }],
  ])('%s = %j loads', async (field, value) => {
    expect(await load([JSON.stringify({ ...GOOD, [field]: value })])).toBeNull();
  });

  it('names a nested field of the dialer records', async () => {
    const error = (await load([JSON.stringify({ ...GOOD, transcript: [{ at_sec: 1, speaker: 'robot', text: 'x' }] })])) as DataFileError;
    expect(error.message).toMatch(/:1: transcript: \[0\]\.speaker: "robot" is not one of agent, client, ai$/);
  });

  it('refuses the issue’s lines: NaN, a string for a number, tags "vip", attempt -3, an object outcome', async () => {
    const messages = await Promise.all(
      [
        { ai_score: { $numberDouble: 'NaN' } },
        { duration_sec: '60' },
        { tags: 'vip' },
        { attempt: -3 },
        { outcome: { $gt: '' } },
      ].map(async (extra) => ((await load([JSON.stringify({ ...GOOD, ...extra })])) as Error).message.replace(/^.*?:1: /, '')),
    );
    expect(messages).toEqual([
      'ai_score: NaN is not a finite number from 0 to 100',
      'duration_sec: "60" is not a finite number ≥ 0',
      'tags: "vip" is not an array of strings',
      'attempt: -3 is not an integer ≥ 1',
      'outcome: {"$gt":""} is not a string',
    ]);
  });

  it('refuses a duplicated JSON key, at the top level and nested', async () => {
    const top = (await load([`{"_id":"c-1","tenant_id":"t","started_at":{"$date":"2024-03-01T09:00:00Z"},"channel":"web","direction":"inbound","status":"busy","duration_sec":5,"duration_sec":6}`])) as DataFileError;
    expect(top.message).toMatch(/:1: duration_sec: the JSON key appears twice in one object$/);
    expect(top.field).toBe('duration_sec');
    expect(findDuplicateKey('{"a":{"b":[{"c":1},{"c":2,"c":3}]}}')).toBe('a.b[1].c');
    expect(findDuplicateKey('{"a":"\\"a\\"","\\u0061":1}')).toBe('a');
    expect(findDuplicateKey('{"a":{"x":1},"b":{"x":1},"c":["a","a"]}')).toBeNull();
  });

  it('echoes at most 100 characters of a bad value', async () => {
    const error = (await load([JSON.stringify({ ...GOOD, outcome: ['x'.repeat(1_000_000)] })])) as Error;
    expect(error.message.length).toBeLessThan(250);
  });
});

describe('the same checks guard seed', () => {
  it('every generated sample call passes', () => {
    const calls = generateSampleCalls({ calls: 3_000, seed: 7, now: new Date('2026-03-01T00:00:00Z') });
    expect(() => assertCallDocuments(calls, 'sample calls')).not.toThrow();
  });

  it('a broken document is refused naming its index and field', () => {
    const calls = generateSampleCalls({ calls: 3, seed: 7, now: new Date('2026-03-01T00:00:00Z') });
    (calls[2] as unknown as Record<string, unknown>).sentiment = Number.NaN;
    expect(() => assertCallDocuments(calls, 'sample calls')).toThrow('sample calls[2]: sentiment: NaN is not a finite number from 0 to 1');
    expect(checkCallDocument(calls[0], { idsAsStrings: false }).ok).toBe(true);
  });
});
