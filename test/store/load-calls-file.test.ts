import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFileError, loadCallsFile } from '../../src/store/load/ndjson-calls.ts';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', name);

describe('loadCallsFile: good files', () => {
  it('loads relaxed Extended JSON, skipping blank lines', async () => {
    const calls = await loadCallsFile(fixture('calls-good.ndjson'));
    expect(calls.map((c) => c._id)).toEqual(['c-1', 'c-2', '65e1a2b3c4d5e6f708192a3b']);
    expect(calls[0]).toMatchObject({
      tenant_id: 't-alpha',
      started_at: new Date('2024-03-01T09:00:00Z'),
      ended_at: new Date('2024-03-01T09:02:00Z'),
      duration_sec: 120,
      tags: ['vip'],
      payload: { plan: 'gold', score: 7 },
    });
    expect(calls[1].started_at).toEqual(new Date('2024-03-01T08:30:00Z'));
    expect(calls[2]).toMatchObject({ duration_sec: 45.5, sentiment: 0.25, qualified: false, value_cents: null });
  });

  it('loads canonical Extended JSON: $numberLong dates, $numberInt/$numberDouble, ObjectId ids as hex strings', async () => {
    const calls = await loadCallsFile(fixture('calls-canonical.ndjson'));
    expect(calls[0]).toMatchObject({
      _id: '65e1a2b3c4d5e6f708192a01',
      started_at: new Date(1709283600000),
      ended_at: new Date(1709283720000),
      duration_sec: 120,
      talk_time_sec: 100,
      sentiment: 0.75,
      attempt: 2,
      payload: { visits: 3 },
    });
    expect(Object.is(calls[0].payload?.ratio, -0)).toBe(true);
    expect(typeof calls[1]._id).toBe('string');
    expect(calls[1].started_at).toEqual(new Date('1969-12-31T00:00:00Z'));
  });
});

describe('loadCallsFile: bad files', () => {
  it('names the file and line 3 when started_at is missing there', async () => {
    const path = fixture('calls-bad-line-3.ndjson');
    const error = await loadCallsFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect(error).toMatchObject({ name: 'DataFileError', path, line: 3 });
    expect((error as Error).message).toBe(`${path}:3: started_at: is missing (expected a date ({"$date": …}))`);
  });

  it('names both lines of a duplicate _id (CRLF file, blank line counted)', async () => {
    const path = fixture('calls-duplicate-id.ndjson');
    await expect(loadCallsFile(path)).rejects.toThrow(`${path}:4: duplicate _id "c-1" (first on line 1)`);
  });

  it('reports a missing file without a line', async () => {
    const path = fixture('no-such-file.ndjson');
    const error = await loadCallsFile(path).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DataFileError', path, line: undefined });
    expect((error as Error).message).toMatch(/^.*no-such-file\.ndjson: cannot read file \(ENOENT/);
  });

  describe('one bad line among good ones', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'dialgraph-load-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    const good = '{"_id":"ok","tenant_id":"t","user_email":"a@b.test","started_at":{"$date":"2024-01-01T00:00:00Z"},"channel":"web","direction":"inbound","status":"completed"}';
    const base = JSON.parse(good) as Record<string, unknown>;
    const variant = (patch: Record<string, unknown>) => JSON.stringify({ ...base, _id: 'bad', ...patch });

    it.each([
      { line: '{"_id": "x", ', problem: /^not valid Extended JSON \(/ },
      { line: '[1, 2]', problem: /^not a JSON object$/ },
      { line: '"just a string"', problem: /^not a JSON object$/ },
      { line: variant({ _id: undefined }), problem: /^_id: is missing \(expected a non-empty string or ObjectId\)$/ },
      { line: variant({ _id: 42 }), problem: /^_id: 42 is not a non-empty string or ObjectId$/ },
      { line: variant({ tenant_id: '' }), problem: /^tenant_id: is empty \(expected a non-empty string\)$/ },
      { line: variant({ started_at: '2024-01-01T00:00:00Z' }), problem: /^started_at: "2024-01-01T00:00:00Z" is not a date/ },
      { line: variant({ started_at: { $date: 'yesterday' } }), problem: /^started_at: Invalid Date is not a date/ },
      { line: variant({ channel: 'fax' }), problem: /^channel: "fax" is not one of web, phone$/ },
      { line: variant({ direction: undefined }), problem: /^direction: is missing \(expected one of inbound, outbound, internal\)$/ },
      { line: variant({ status: 'NO_ANSWER' }), problem: /^status: "NO_ANSWER" is not one of completed, no-answer, busy, failed, voicemail, canceled$/ },
      { line: variant({ _id: { $oid: 'not-hex' } }), problem: /^not valid Extended JSON \(/ },
    ])('$line', async ({ line, problem }) => {
      const path = join(dir, 'calls.ndjson');
      await writeFile(path, `${good}\n\n${line}\n${good.replace('"ok"', '"ok2"')}\n`);
      const error = (await loadCallsFile(path).catch((e: unknown) => e)) as DataFileError;
      expect(error).toBeInstanceOf(DataFileError);
      expect(error.line).toBe(3);
      expect(error.problem).toMatch(problem);
      expect(error.message.startsWith(`${path}:3: `)).toBe(true);
    });

    it('accepts a leading BOM and a last line without a newline', async () => {
      const path = join(dir, 'bom.ndjson');
      await writeFile(path, `\uFEFF${good}\n${good.replace('"ok"', '"ok2"')}`);
      expect((await loadCallsFile(path)).map((c) => c._id)).toEqual(['ok', 'ok2']);
    });

    it('loads an empty file as no calls', async () => {
      const path = join(dir, 'empty.ndjson');
      await writeFile(path, '\n  \n');
      expect(await loadCallsFile(path)).toEqual([]);
    });
  });
});
