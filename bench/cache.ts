/**
 * `npm run bench:cache`: the dashboard's repeated query, served with and without the per-tenant
 * response cache, over sample data on the embedded engine. Prints the median and p95 of one
 * request (sequential) and the throughput of `--concurrency` clients repeating it.
 *   --calls N (default 100000)  --runs N (default 31)  --seconds S per throughput run (default 3)
 */
import { parseArgs } from 'node:util';
import { createGateway } from '../src/graphql/yoga.ts';
import { demoApiKeys } from '../src/sample/demo-keys.ts';
import { generateSampleCalls } from '../src/sample/generate.ts';
import { createEmbeddedStore } from '../src/store/embedded/embedded-store.ts';
import { toApiKeyRecords } from '../src/store/load/keys-file.ts';
import { fmt, summarize } from './stats.ts';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '31' },
    seconds: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '8' },
  },
});
const NOW = new Date('2026-01-15T12:00:00.000Z');
const calls = generateSampleCalls({ calls: Number(values.calls), seed: 1, now: NOW });
const keys = demoApiKeys();
const key = keys.find((k) => k.role === 'user' && !k.user_id)!.key;
const store = createEmbeddedStore({ calls, apiKeys: toApiKeyRecords(keys, NOW) });

// The dashboard's panels in one request: volume by day, by source, the heatmap and the funnel.
const DASHBOARD = `query Dashboard($from: Date, $to: Date) {
  daily: groupedCalls(groupBy: [DATE], sortBy: DATE, sortOrder: ASC, limit: 1000, filter: { startDate: $from, endDate: $to }) { rows { date count answeredCount missedCount } }
  sources: groupedCalls(groupBy: [SOURCE], filter: { startDate: $from, endDate: $to }) { rows { source count qualifiedCount totalValueCents } }
  heatmap: groupedCalls(groupBy: [DAY_OF_WEEK, HOUR_OF_DAY], limit: 168, filter: { startDate: $from, endDate: $to }) { rows { dayOfWeek hourOfDay count } }
  funnel: analyticsQuery(input: { queryType: CONVERSION_FUNNEL }) { total }
}`;
const body = JSON.stringify({ query: DASHBOARD, variables: { from: '2025-10-15', to: '2026-01-15' }, operationName: 'Dashboard' });

async function measure(label: string, cached: boolean) {
  const yoga = createGateway({ store, now: () => NOW, graphiql: false, metrics: false, responseCache: cached ? { ttlMs: 60_000 } : false });
  const ask = async () => {
    const response = await yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length), authorization: `Bearer ${key}` },
      body,
    });
    const text = await response.text();
    if (response.status !== 200 || text.includes('"errors"')) throw new Error(`${label}: ${response.status} ${text.slice(0, 300)}`);
  };
  await ask(); // warm (and, cached, fill the entry)
  const samples: number[] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const start = performance.now();
    await ask();
    samples.push(performance.now() - start);
  }
  const { median, p95 } = summarize(samples);
  let done = 0;
  const until = performance.now() + Number(values.seconds) * 1000;
  await Promise.all(
    Array.from({ length: Number(values.concurrency) }, async () => {
      while (performance.now() < until) {
        await ask();
        done++;
      }
    }),
  );
  return { label, median, p95, perSecond: done / Number(values.seconds) };
}

const uncached = await measure('uncached', false);
const cached = await measure('cached', true);
console.log(`dashboard query (4 panels), ${Number(values.calls).toLocaleString('en')} sample calls, embedded engine, ${values.runs} sequential runs, ${values.concurrency} clients for ${values.seconds} s`);
console.log('| | median ms | p95 ms | requests/s |');
console.log('|---|---:|---:|---:|');
for (const row of [uncached, cached]) console.log(`| ${row.label} | ${fmt(row.median)} | ${fmt(row.p95)} | ${row.perSecond.toFixed(0)} |`);
console.log(`cached/uncached: median ${(uncached.median / cached.median).toFixed(1)}× faster, throughput ${(cached.perSecond / uncached.perSecond).toFixed(1)}×`);
