/**
 * `npm run bench:abuse`: the attacks of issue 13 against a real `dialgraph serve` on sample data,
 * each sent while a probe loop (another tenant's cheap requests) measures how long everybody
 * else waits. For every attack it prints what came back (status and code), the time to answer,
 * the probe's p50/p99 during the attack against idle, and the server's RSS before, at peak and
 * after; then the targets (DESIGN section 8, issue 13) as pass/fail.
 *
 * The server is a child process on 127.0.0.1 at a random port with the default limits (the
 * response cache off, so every request runs its pipelines). Every loop is bounded in count and
 * time, and the whole run stops by itself (`--max-seconds`), killing the server.
 *   --calls N (default 1,000,000)   --max-time-ms MS: the server's time budget (default 5000)
 *   --idle-seconds S (default 5)    --attack-seconds S: the least time each attack is repeated over (default 3)
 *   --load-seconds S (default 5)    --only TEXT: attacks whose name contains TEXT
 *   --max-seconds S: stop everything after this long (default 900)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { demoApiKeys } from '../src/sample/demo-keys.ts';
import { SAMPLE_TENANTS } from '../src/sample/tenants.ts';
import { fmt } from './stats.ts';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '1000000' },
    'max-time-ms': { type: 'string', default: '5000' },
    'idle-seconds': { type: 'string', default: '5' },
    'attack-seconds': { type: 'string', default: '3' },
    'load-seconds': { type: 'string', default: '5' },
    'max-seconds': { type: 'string', default: '900' },
    only: { type: 'string' },
  },
});
const CALLS = Number(values.calls);
const BUDGET_MS = Number(values['max-time-ms']);
const IDLE_MS = Number(values['idle-seconds']) * 1000;
const ATTACK_MS = Number(values['attack-seconds']) * 1000;
const LOAD_MS = Number(values['load-seconds']) * 1000;
const MAX_MS = Number(values['max-seconds']) * 1000;
for (const [flag, value] of Object.entries({ calls: CALLS, 'max-time-ms': BUDGET_MS, 'idle-seconds': IDLE_MS, 'attack-seconds': ATTACK_MS, 'load-seconds': LOAD_MS, 'max-seconds': MAX_MS })) {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${flag} must be a positive number`);
}

/** Targets of issue 13. */
const TARGET = { budgetSlack: 1.1, probeFactor: 10, probeP99Ms: 250, rssGrowthMb: 100 };
/** The probe sends one request per this many ms at most: under the per-key rate limit (20/s). */
const PROBE_EVERY_MS = 60;
/** Between attacks: the attacker's token bucket refills (burst 40 at 20/s) and the heap settles. */
const SETTLE_MS = 2500;

// Keys: the attacker is the biggest tenant; the probe is another tenant, as a bystander.
const tenantsBySize = [...SAMPLE_TENANTS].sort((a, b) => b.share - a.share);
const keys = demoApiKeys();
const accountKey = (tenantId: string) => keys.find((k) => k.tenant_id === tenantId && !k.user_id && k.role === 'user')!.key;
const ATTACKER = accountKey(tenantsBySize[0].tenant_id);
const ATTACKER_USER = keys.find((k) => k.tenant_id === tenantsBySize[0].tenant_id && k.user_id)?.key ?? ATTACKER;
const PROBE = accountKey(tenantsBySize[1].tenant_id);

const started = performance.now();
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// The server.

let server: ChildProcess | undefined;
function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
}
process.on('exit', stopServer);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopServer();
    process.exit(130);
  });
}
// The whole run is bounded: past --max-seconds the server is killed and the bench exits.
const overall = setTimeout(() => {
  console.error(`bench:abuse: stopped after --max-seconds ${values['max-seconds']}`);
  stopServer();
  process.exit(2);
}, MAX_MS);
overall.unref();

async function startServer(): Promise<{ port: number; pid: number }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 40_000);
    const child = spawn(
      process.execPath,
      [
        '--min-semi-space-size=16',
        fileURLToPath(new URL('../bin/dialgraph.js', import.meta.url)),
        'serve',
        '--host', '127.0.0.1',
        '--port', String(port),
        '--sample-calls', String(CALLS),
        '--max-time-ms', String(BUDGET_MS),
        '--response-cache', 'off',
        '--log-level', 'error',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } },
    );
    server = child;
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)).length > 10_000 && (stderr = stderr.slice(-5000)));
    // Ready once it answers; 10 minutes at most for generating the sample calls.
    const until = performance.now() + 600_000;
    while (performance.now() < until && child.exitCode === null) {
      const answer = await post(`http://127.0.0.1:${port}/graphql`, '{"query":"{ __typename }"}', PROBE, probeAgent).catch(() => undefined);
      if (answer?.status === 200) return { port, pid: child.pid! };
      await sleep(500);
    }
    stopServer();
    if (!/port|EADDRINUSE/i.test(stderr)) throw new Error(`the server did not start:\n${stderr}`);
  }
  throw new Error('no free port found in 3 tries');
}

/** Resident set of the server process (MB), from /proc. */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// HTTP: the probe has its own connection, so it never queues behind an attack's.

const probeAgent = new Agent({ keepAlive: true, maxSockets: 1 });
const attackAgent = new Agent({ keepAlive: true, maxSockets: 64 });

interface Answer {
  status: number;
  /** The first `extensions.code` in the body, `data` for a 200 without errors. */
  code: string;
  ms: number;
  bytes: number;
}

function post(url: string, body: string, key: string, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = httpRequest(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${key}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const ms = performance.now() - start;
          // No JSON.parse: a 30 MB answer must not stall the probe's clock in this process.
          const text = Buffer.concat(chunks).toString('utf8');
          const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? (res.statusCode === 200 ? 'data' : '-');
          resolve({ status: res.statusCode ?? 0, code, ms, bytes: text.length });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(Math.max(60_000, BUDGET_MS * 3), () => req.destroy(new Error('no answer')));
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// The probe loop: `{ __typename }` and a cheap query of the bystander tenant, alternately.

const PROBES = [
  JSON.stringify({ query: '{ __typename }' }),
  JSON.stringify({ query: `{ groupedCalls(groupBy: [SOURCE], limit: 5, filter: { startDate: "${day(1)}", endDate: "${day(0)}" }) { rows { source count } } }` }),
];

interface ProbeRun {
  samples: number[];
  failed: number;
  stop(): Promise<void>;
}

function startProbe(url: string): ProbeRun {
  const samples: number[] = [];
  let failed = 0;
  let running = true;
  const loop = (async () => {
    for (let i = 0; running && i < 100_000; i++) {
      const at = performance.now();
      try {
        const answer = await post(url, PROBES[i % PROBES.length], PROBE, probeAgent);
        samples.push(answer.ms);
        if (answer.status !== 200 || answer.code !== 'data') failed++;
      } catch {
        failed++;
      }
      const wait = PROBE_EVERY_MS - (performance.now() - at);
      if (wait > 0) await sleep(wait);
    }
  })();
  return {
    samples,
    get failed() {
      return failed;
    },
    async stop() {
      running = false;
      await loop;
    },
  };
}

function percentile(samples: readonly number[], q: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

// ---------------------------------------------------------------------------------------------
// The attacks.

interface Attack {
  name: string;
  /** Sends the attack (bounded); answers every response it got. */
  run(url: string): Promise<Answer[]>;
}

/** One request body sent again and again, one at a time, for at least `ATTACK_MS` (at most 20 sends). */
function repeated(name: string, body: string, key = ATTACKER): Attack {
  return {
    name,
    async run(url) {
      const answers: Answer[] = [];
      const until = performance.now() + ATTACK_MS;
      do {
        const at = performance.now();
        answers.push(await post(url, body, key, attackAgent));
        // At most ~6 sends a second: the attacker's own rate limit is the flood's attack.
        const wait = 150 - (performance.now() - at);
        if (wait > 0) await sleep(wait);
      } while (performance.now() < until && answers.length < 20);
      return answers;
    },
  };
}

/** `connections` clients sending `body` back to back for `ms` (each at most 10,000 requests). */
function concurrent(name: string, body: string, connections: number, ms: number, total: number, key = ATTACKER): Attack {
  return {
    name,
    async run(url) {
      const answers: Answer[] = [];
      const until = performance.now() + ms;
      let sent = 0;
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (performance.now() < until && sent < total) {
            sent++;
            answers.push(await post(url, body, key, attackAgent).catch(() => ({ status: 0, code: 'NO_ANSWER', ms: 0, bytes: 0 })));
          }
        }),
      );
      return answers;
    },
  };
}

const query = (document: string) => JSON.stringify({ query: document });
const aliases = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

const ATTACKS: Attack[] = [
  repeated(
    'HOURLY_HEATMAP London 0001–9999',
    query('{ analyticsQuery(input: { queryType: HOURLY_HEATMAP, timezone: "Europe/London", filters: { dateFrom: "0001-01-01T00:00:00Z", dateTo: "9999-12-31T23:59:59Z" } }) { total } }'),
  ),
  repeated(
    'groupedCalls [HOUR_OF_DAY, DAY_OF_WEEK, MONTH] 0001–9999',
    query('{ groupedCalls(groupBy: [HOUR_OF_DAY, DAY_OF_WEEK, MONTH], filter: { startDate: "0001-01-01", endDate: "9999-12-31" }) { rows { hourOfDay dayOfWeek month count } } }'),
  ),
  repeated(
    'groupedCalls [HOUR_OF_DAY, DAY_OF_WEEK, MONTH] 20 years',
    query(`{ groupedCalls(groupBy: [HOUR_OF_DAY, DAY_OF_WEEK, MONTH], limit: 1000, filter: { startDate: "${day(7300)}", endDate: "${day(0)}" }) { rows { hourOfDay dayOfWeek month count } } }`),
  ),
  repeated('500 aliases groupedCalls [DATE, SOURCE, HOUR_OF_DAY] 90 d', query(aliases(500, `groupedCalls(groupBy: [DATE, SOURCE, HOUR_OF_DAY], filter: { startDate: "${day(89)}", endDate: "${day(0)}" }) { rows { date source hourOfDay count } }`))),
  // A digit key cannot be written as a GraphQL object field: it comes as a variable.
  repeated(
    '20 aliases funnel payloadFilters {"0": null}',
    JSON.stringify({
      query: `query ($p: JSONObject) ${aliases(20, 'analyticsQuery(input: { queryType: CONVERSION_FUNNEL, filters: { payloadFilters: $p } }) { total data { ... on FunnelStage { stage leads } } }')}`,
      variables: { p: { '0': null } },
    }),
  ),
  repeated('50 aliases calls(itemsPerPage: 1000)', query(aliases(50, `calls(search: { dayFrom: "${day(29)}", dayTo: "${day(0)}" }, itemsPerPage: 1000) { calls { id timestamp status } }`))),
  repeated('callStats 20 years by HOUR', query(`{ callStats(search: { dayFrom: "${day(7300)}", dayTo: "${day(0)}" }, dateInterval: HOUR) { intervals { label all { all } } } }`)),
  repeated('deep nesting (depth 1,000)', query(`{ ${'a { '.repeat(1000)}b${' }'.repeat(1000)} }`)),
  repeated('huge token count (200,000 tokens, 2.2 MB)', query(`{ ${'__typename '.repeat(200_000)}}`)),
  concurrent('rate-limit flood: 400 × { __typename }, 20 connections', query('{ __typename }'), 20, 10_000, 400, ATTACKER_USER),
  concurrent(
    '50-connection load: groupedCalls [DATE] 30 d',
    query(`{ groupedCalls(groupBy: [DATE], filter: { startDate: "${day(29)}", endDate: "${day(0)}" }) { rows { date count } } }`),
    50,
    LOAD_MS,
    10_000,
  ),
];

// ---------------------------------------------------------------------------------------------
// The run.

interface Row {
  name: string;
  answers: string;
  maxMs: number;
  p50Ms: number;
  probeP50: number;
  probeP99: number;
  probeN: number;
  probeFailed: number;
  rssBefore: number;
  rssPeak: number;
  rssAfter: number;
}

const { port, pid } = await startServer();
const url = `http://127.0.0.1:${port}/graphql`;
const loadedMs = performance.now() - started;

// Idle: the probe alone (after one warm-up round of each probe request).
for (const body of PROBES) await post(url, body, PROBE, probeAgent);
const idleProbe = startProbe(url);
await sleep(IDLE_MS);
await idleProbe.stop();
const idle = { p50: percentile(idleProbe.samples, 0.5), p99: percentile(idleProbe.samples, 0.99), n: idleProbe.samples.length };

const rows: Row[] = [];
for (const attack of ATTACKS.filter((one) => !values.only || one.name.includes(values.only))) {
  await sleep(SETTLE_MS);
  const rssBefore = rssMb(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 100);
  const probe = startProbe(url);
  await sleep(200); // the probe is running before the attack starts
  const answers = await attack.run(url);
  await probe.stop();
  clearInterval(sampler);
  const rssAfter = rssMb(pid);
  rssPeak = Math.max(rssPeak, rssAfter);
  const counts = new Map<string, number>();
  for (const answer of answers) counts.set(`${answer.status} ${answer.code}`, (counts.get(`${answer.status} ${answer.code}`) ?? 0) + 1);
  const times = answers.map((answer) => answer.ms);
  rows.push({
    name: attack.name,
    answers: [...counts].sort((a, b) => b[1] - a[1]).map(([what, n]) => (answers.length > 1 ? `${what} ×${n}` : what)).join(', '),
    maxMs: Math.max(...times),
    p50Ms: percentile(times, 0.5),
    probeP50: percentile(probe.samples, 0.5),
    probeP99: percentile(probe.samples, 0.99),
    probeN: probe.samples.length,
    probeFailed: probe.failed,
    rssBefore,
    rssPeak,
    rssAfter,
  });
  console.error(`done: ${attack.name}`);
}
const finalRss = rssMb(pid);
stopServer();

// ---------------------------------------------------------------------------------------------
// The report.

const mb = (value: number) => value.toFixed(0);
console.log(
  `bench:abuse — ${CALLS.toLocaleString('en')} sample calls, embedded engine, serve defaults with --max-time-ms ${BUDGET_MS} and the response cache off; ` +
    `server ready after ${(loadedMs / 1000).toFixed(1)} s; attacker ${tenantsBySize[0].tenant_id}, probe ${tenantsBySize[1].tenant_id}`,
);
console.log(`idle probe ({ __typename } and a 1-day groupedCalls, alternately; one every ${PROBE_EVERY_MS} ms at most): p50 ${fmt(idle.p50)} ms, p99 ${fmt(idle.p99)} ms (${idle.n} requests)`);
console.log('');
console.log('| attack | answers (status code ×n) | time p50 / max ms | probe p50 / p99 ms (n) | p99 vs idle | RSS before → peak → after MB |');
console.log('|---|---|---:|---:|---:|---:|');
for (const row of rows) {
  const failed = row.probeFailed ? `, ${row.probeFailed} failed` : '';
  console.log(
    `| ${row.name} | ${row.answers} | ${fmt(row.p50Ms)} / ${fmt(row.maxMs)} | ${fmt(row.probeP50)} / ${fmt(row.probeP99)} (${row.probeN}${failed}) | ${(row.probeP99 / idle.p99).toFixed(1)}× | ${mb(row.rssBefore)} → ${mb(row.rssPeak)} → ${mb(row.rssAfter)} |`,
  );
}

const budgetMax = BUDGET_MS * TARGET.budgetSlack;
const probeMax = Math.min(idle.p99 * TARGET.probeFactor, TARGET.probeP99Ms);
const worst = <T>(pick: (row: Row) => number, label: (row: Row) => T) => {
  const row = rows.reduce((a, b) => (pick(b) > pick(a) ? b : a));
  return { value: pick(row), at: label(row) };
};
const slowest = worst((row) => row.maxMs, (row) => row.name);
const probeWorst = worst((row) => (Number.isNaN(row.probeP99) ? Infinity : row.probeP99), (row) => row.name);
const rssWorst = worst((row) => row.rssAfter - row.rssBefore, (row) => row.name);
const probeFailures = rows.reduce((sum, row) => sum + row.probeFailed, 0);
const targets: [string, string, boolean][] = [
  [`every attack answered (refused, timed out or done) within its budget + 10% (${fmt(budgetMax)} ms)`, `max ${fmt(slowest.value)} ms (${slowest.at})`, slowest.value <= budgetMax],
  [
    `probe p99 during any attack ≤ ${TARGET.probeFactor}× idle p99 (${fmt(idle.p99 * TARGET.probeFactor)} ms) and < ${TARGET.probeP99Ms} ms`,
    `max ${fmt(probeWorst.value)} ms (${probeWorst.at})`,
    probeWorst.value <= probeMax && probeWorst.value < TARGET.probeP99Ms,
  ],
  [`RSS grows by less than ${TARGET.rssGrowthMb} MB per attack (after − before)`, `max ${(rssWorst.value).toFixed(0)} MB (${rssWorst.at}); ${mb(rows[0]?.rssBefore ?? finalRss)} → ${mb(finalRss)} MB over the run`, rssWorst.value < TARGET.rssGrowthMb],
  ['every probe request answered 200 with data', `${probeFailures} failed`, probeFailures === 0],
];
console.log('');
console.log('| target | measured | |');
console.log('|---|---|---|');
for (const [target, measured, pass] of targets) console.log(`| ${target} | ${measured} | ${pass ? 'pass' : 'FAIL'} |`);
console.log(`\n${((performance.now() - started) / 1000).toFixed(0)} s in all`);
process.exitCode = targets.every(([, , pass]) => pass) ? 0 : 1;
