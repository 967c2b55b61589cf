/**
 * The `--vocabulary` file (DESIGN 2.4): NDJSON entries type-checked like the calls file, the
 * first bad line failing the load with `file:line` and the field, nothing half-loaded.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleVocabulary } from '../../src/sample/account-vocabulary.ts';
import { SAMPLE_TENANTS } from '../../src/sample/tenants.ts';
import { writeVocabularyNdjson } from '../../src/sample/write-ndjson.ts';
import { DataFileError } from '../../src/store/load/data-file-error.ts';
import { assertVocabularyEntries, loadVocabularyFile } from '../../src/store/load/vocabulary-file.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dialgraph-vocabulary-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `${lines.join('\n')}\n`, 'utf8');
  return path;
}

const GOOD = [
  '{"tenant_id":"t1","kind":"tag","value":"vip"}',
  '',
  '{"_id":{"$oid":"65f1a2b3c4d5e6f708192a3b"},"tenant_id":"t1","kind":"outcome","value":"sale","outcome_type":"positive","note":"kept"}',
  '{"tenant_id":"t1","kind":"project","value":"Solar","project_id":"p1"}',
  '{"tenant_id":"t2","kind":"tag","value":"vip"}',
];

describe('loadVocabularyFile', () => {
  it('loads good entries: blank lines skipped, ObjectId ids as hex, unknown fields kept', async () => {
    const entries = await loadVocabularyFile(await file('good.ndjson', GOOD));
    expect(entries).toEqual([
      { tenant_id: 't1', kind: 'tag', value: 'vip' },
      { _id: '65f1a2b3c4d5e6f708192a3b', tenant_id: 't1', kind: 'outcome', value: 'sale', outcome_type: 'positive', note: 'kept' },
      { tenant_id: 't1', kind: 'project', value: 'Solar', project_id: 'p1' },
      { tenant_id: 't2', kind: 'tag', value: 'vip' },
    ]);
  });

  it.each([
    ['a kind outside the contract', '{"tenant_id":"t1","kind":"label","value":"x"}', 'kind', 'kind: "label" is not one of tag, outcome, project'],
    ['a missing value', '{"tenant_id":"t1","kind":"tag"}', 'value', 'value: is missing (expected a non-empty string)'],
    ['an empty value', '{"tenant_id":"t1","kind":"tag","value":""}', 'value', 'value: is empty (expected a non-empty string)'],
    ['a number value', '{"tenant_id":"t1","kind":"tag","value":7}', 'value', 'value: 7 is not a non-empty string'],
    ['no tenant', '{"kind":"tag","value":"x"}', 'tenant_id', 'tenant_id: is missing (expected a non-empty string)'],
    ['an unknown outcome type', '{"tenant_id":"t1","kind":"outcome","value":"x","outcome_type":"great"}', 'outcome_type', 'outcome_type: "great" is not one of positive, negative, neutral, absent'],
    ['a project id on a tag', '{"tenant_id":"t1","kind":"tag","value":"x","project_id":"p1"}', 'project_id', 'project_id: only a project entry has one (this entry is a tag)'],
    ['an outcome type on a project', '{"tenant_id":"t1","kind":"project","value":"x","outcome_type":"positive"}', 'outcome_type', 'outcome_type: only an outcome entry has one (this entry is a project)'],
    ['a repeated JSON key', '{"tenant_id":"t1","kind":"tag","value":"x","value":"y"}', 'value', 'value: the JSON key appears twice in one object'],
  ])('refuses %s with file:line and the field', async (_name, line, field, problem) => {
    const path = await file('bad.ndjson', [GOOD[0], line]);
    const error = await loadVocabularyFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect(error).toMatchObject({ line: 2, field, problem, message: `${path}:2: ${problem}` });
  });

  it('refuses a line that is not JSON, and a repeated { tenant_id, kind, value } naming the first line', async () => {
    const broken = await file('broken.ndjson', [GOOD[0], '{"tenant_id":']);
    await expect(loadVocabularyFile(broken)).rejects.toThrow(new RegExp(`^${broken}:2: not valid Extended JSON`));
    const repeated = await file('repeated.ndjson', [...GOOD, '{"tenant_id":"t1","kind":"tag","value":"vip","note":"again"}']);
    await expect(loadVocabularyFile(repeated)).rejects.toThrow(`${repeated}:6: duplicate tag "vip" of tenant "t1" (first on line 1)`);
  });

  it('names a file it cannot read', async () => {
    await expect(loadVocabularyFile(join(dir, 'missing.ndjson'))).rejects.toThrow(/missing\.ndjson: cannot read file/);
  });
});

describe('the sample vocabulary', () => {
  it('passes the contract checks and round-trips through the file format', async () => {
    const entries = sampleVocabulary();
    expect(() => assertVocabularyEntries(entries, 'sample vocabulary')).not.toThrow();
    const path = join(dir, 'sample.vocabulary.ndjson');
    await writeVocabularyNdjson(entries, path);
    expect(await loadVocabularyFile(path)).toEqual(entries);
  });

  it('defines every kind for every tenant but one, whose projects fall back to its calls', () => {
    const entries = sampleVocabulary();
    for (const tenant of SAMPLE_TENANTS) {
      const kinds = new Set(entries.filter((entry) => entry.tenant_id === tenant.tenant_id).map((entry) => entry.kind));
      expect([...kinds].sort()).toEqual(tenant.tenant_id === 'zen-solar' ? ['outcome', 'tag'] : ['outcome', 'project', 'tag']);
    }
  });

  it('assertVocabularyEntries names the entry that breaks the contract or repeats', () => {
    expect(() => assertVocabularyEntries([{ tenant_id: 't1', kind: 'tag', value: '' }], 'mine')).toThrow('mine[0]: value: is empty (expected a non-empty string)');
    const twice = { tenant_id: 't1', kind: 'tag' as const, value: 'x' };
    expect(() => assertVocabularyEntries([twice, { ...twice }], 'mine')).toThrow('mine[1]: duplicate tag "x" of tenant "t1"');
  });
});
