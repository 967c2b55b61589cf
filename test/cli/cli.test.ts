import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Each test starts CLI processes one after another (Node + tsx, seconds apiece on a busy
// machine: the help test runs eight), so they get a wider budget than the default 30 s.
vi.setConfig({ testTimeout: 240_000 });

/**
 * The CLI as a user runs it: `dialgraph sample` writes a data file and a keys file, `dialgraph
 * serve --data --keys` serves them on a free loopback port, and the numbers it answers equal a
 * plain computation over the file. Every server started here is killed in afterAll.
 */
const BIN = new URL('../../bin/dialgraph.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dialgraph-cli-'));
const children: ReturnType<typeof spawn>[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `dialgraph serve` and resolves with its GraphiQL URL once it is listening. */
function serve(args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, [BIN, 'serve', '--host', '127.0.0.1', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphiQL: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

describe('dialgraph CLI', () => {
  it('prints help for the program and each command, and exits 2 on a bad flag', () => {
    expect(cli(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('keys create') });
    for (const command of [['serve'], ['sample'], ['seed'], ['indexes'], ['keys', 'create']]) {
      const help = cli([...command, '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/\[env [A-Z_]+\]/);
    }
    const bad = cli(['serve', '--no-such-flag']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual(['dialgraph serve: unknown flag --no-such-flag (see "dialgraph serve --help")']);
    expect(cli(['sample']).stderr).toContain('--out');
  });

  it('writes byte-identical sample files for a fixed --now, and serves them with exact numbers', async () => {
    const args = ['sample', '--calls', '400', '--seed', '3', '--now', '2026-01-15T12:00:00Z', '--keys-out', join(dir, 'keys.json')];
    expect(cli([...args, '--out', join(dir, 'a.ndjson')]).status).toBe(0);
    expect(cli([...args, '--out', join(dir, 'b.ndjson')]).status).toBe(0);
    const text = readFileSync(join(dir, 'a.ndjson'), 'utf8');
    expect(readFileSync(join(dir, 'b.ndjson'), 'utf8')).toBe(text);
    // The accounts' vocabularies, next to the calls.
    const vocabulary = readFileSync(join(dir, 'a.vocabulary.ndjson'), 'utf8');
    expect(readFileSync(join(dir, 'b.vocabulary.ndjson'), 'utf8')).toBe(vocabulary);

    const keys = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')) as { key: string; tenant_id: string; role: string; user_id?: string }[];
    const tenantKey = keys.find((k) => k.role === 'user' && !k.user_id)!;
    const url = await serve(['--data', join(dir, 'a.ndjson'), '--keys', join(dir, 'keys.json'), '--vocabulary', join(dir, 'a.vocabulary.ndjson')]);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tenantKey.key}` },
      body: JSON.stringify({
        query: '{ callsByPhoneNumber(startDate: "2025-01-01T00:00:00Z", endDate: "2026-12-31T00:00:00Z") { phoneNumber totalCalls totalDurationMinutes } }',
      }),
    });
    const body = (await response.json()) as { data: { callsByPhoneNumber: { phoneNumber: string; totalCalls: number; totalDurationMinutes: number }[] } };

    // The same figures by hand from the file.
    const expected = new Map<string, { calls: number; seconds: number }>();
    for (const line of text.trim().split('\n')) {
      const call = JSON.parse(line);
      if (call.tenant_id !== tenantKey.tenant_id) continue;
      const label = call.channel === 'web' ? 'WEB_CALL' : call.platform_number ? call.platform_number : 'UNKNOWN_PLATFORM';
      const entry = expected.get(label) ?? { calls: 0, seconds: 0 };
      entry.calls += 1;
      entry.seconds += typeof call.duration_sec === 'number' ? call.duration_sec : 0;
      expected.set(label, entry);
    }
    const rows = body.data.callsByPhoneNumber;
    expect(rows.length).toBe(expected.size);
    for (const row of rows) {
      expect(row.totalCalls).toBe(expected.get(row.phoneNumber)!.calls);
      expect(row.totalDurationMinutes).toBeCloseTo(expected.get(row.phoneNumber)!.seconds / 60, 2);
    }
    expect(rows.reduce((n, r) => n + r.totalCalls, 0)).toBeGreaterThan(50);

    // The list's tags are the tenant's vocabulary from the file, unused ones included.
    const listed = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tenantKey.key}` },
      body: JSON.stringify({ query: '{ calls(search: { dayFrom: "2026-01-01", dayTo: "2026-01-15" }, itemsPerPage: 1) { tags } }' }),
    });
    const defined = vocabulary
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.tenant_id === tenantKey.tenant_id && entry.kind === 'tag')
      .map((entry) => entry.value as string)
      .sort();
    expect(((await listed.json()) as { data: { calls: { tags: string[] } } }).data.calls.tags).toEqual(defined);
  });

  it('refuses a malformed vocabulary file with its line number, serving nothing', () => {
    writeFileSync(join(dir, 'bad.vocabulary.ndjson'), ['{"tenant_id":"t1","kind":"tag","value":"vip"}', '{"tenant_id":"t1","kind":"tags","value":"x"}'].join('\n'));
    const result = cli(['serve', '--data', join(dir, 'a.ndjson'), '--vocabulary', join(dir, 'bad.vocabulary.ndjson'), '--port', '0']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('bad.vocabulary.ndjson:2: kind: "tags" is not one of tag, outcome, project');
    expect(result.stdout).not.toContain('GraphiQL');
  });

  it('refuses a malformed data file with its line number, serving nothing', () => {
    const good = readFileSync(join(dir, 'a.ndjson'), 'utf8').split('\n');
    writeFileSync(join(dir, 'bad.ndjson'), [good[0], good[1], '{"tenant_id": "t1", "started_at": "not a date"', good[2]].join('\n'));
    const result = cli(['serve', '--data', join(dir, 'bad.ndjson'), '--port', '0']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('bad.ndjson:3');
    expect(result.stdout).not.toContain('GraphiQL');
  });

  it('reads flags from their environment variables', async () => {
    const url = await serve([], { DIALGRAPH_DATA: join(dir, 'a.ndjson'), DIALGRAPH_KEYS: join(dir, 'keys.json') });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    const unauthenticated = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(unauthenticated.status).toBe(401);
    const viaEnv = cli(['sample', '--calls', '5', '--now', '2026-01-15T12:00:00Z'], { DIALGRAPH_SAMPLE_OUT: join(dir, 'env.ndjson') });
    expect(viaEnv.status).toBe(0);
    expect(readFileSync(join(dir, 'env.ndjson'), 'utf8').trim().split('\n')).toHaveLength(5);
  });
});
