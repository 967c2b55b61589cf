import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { demoApiKeys } from '../../src/sample/demo-keys.ts';

/**
 * DESIGN 7: on SIGTERM `dialgraph serve` stops accepting, lets in-flight requests finish and
 * exits 0; no in-flight request is cut. The real CLI as a child process on a free port, three
 * heavy requests in flight, SIGTERM, three 200s with data, exit code 0 — every wait bounded.
 */
const BIN = new URL('../../bin/dialgraph.js', import.meta.url).pathname;
const KEY = demoApiKeys().find((k) => k.role === 'user' && !k.user_id)!.key;
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `serve` and resolves with its base URL once it listens. */
function serve(args: string[]): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--host', '127.0.0.1', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in time:\n${output}`)), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphiQL: (http:\/\/\S+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: match[1].replace('localhost', '127.0.0.1'), output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before listening:\n${output}`)));
  });
}

/** The sample data's 90 days and a little more, as days. */
const TO = new Date().toISOString().slice(0, 10);
const FROM = new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10);
/** Three different heavy operations (different, so nothing could be answered from a cache). */
const HEAVY = [
  `{ groupedCalls(groupBy: [SOURCE, HOUR_OF_DAY, DAY_OF_WEEK], filter: { startDate: "${FROM}", endDate: "${TO}" }, limit: 1000, timezone: "America/New_York") { count totals { count avgDuration uniqueCallers } } }`,
  `{ callStats(search: { dayFrom: "${FROM}", dayTo: "${TO}", timezone: "Asia/Kathmandu" }, dateInterval: DAY) { all { all } intervals { all { all } } } }`,
  `{ groupedCalls(groupBy: [STATUS, DIRECTION, DATE], filter: { startDate: "${FROM}", endDate: "${TO}" }, limit: 1000, timezone: "Europe/London") { count totals { count uniqueCallers } } }`,
];

describe('graceful shutdown of dialgraph serve', () => {
  it('three heavy requests in flight at SIGTERM all answer 200, then the process exits 0', { timeout: 240_000 }, async () => {
    const { child, base, output } = await serve(['--sample-calls', '40000', '--response-cache', 'off', '--rate-limit', '1000', '--drain-ms', '60000', '--log-level', 'warn']);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    const started = performance.now();
    const requests = HEAVY.map((query) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
        body: JSON.stringify({ query }),
        signal: AbortSignal.timeout(120_000),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as any, at: performance.now() - started })),
    );
    // Let the three reach the server, then ask it to stop while they run.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const sigtermAt = performance.now() - started;
    child.kill('SIGTERM');

    // While they drain, /ready says so (balancers stop sending); once they are done the listener
    // closes (null). The signal and the probe may race, so a 200 is retried a few times.
    let ready: { status: number; body: any } | null = null;
    for (let attempt = 0; attempt < 10; attempt += 1) {
      ready = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(60_000) }).then(
        async (response) => ({ status: response.status, body: (await response.json()) as any }),
        () => null,
      );
      if (ready?.status !== 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const answers = await Promise.all(requests);
    for (const answer of answers) {
      expect(answer.status, JSON.stringify(answer.body).slice(0, 500)).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data).toBeTruthy();
    }
    if (ready !== null) expect(ready).toMatchObject({ status: 503, body: { reason: 'shutting down' } });
    // Proof they were in flight at SIGTERM: at least one answered after it (all, on a quiet machine).
    expect(Math.max(...answers.map((a) => a.at))).toBeGreaterThan(sigtermAt);
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 90_000))]);
    expect(code, output()).toBe(0);
  });
});
