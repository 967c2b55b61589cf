/** Median and 95th percentile of timings in ms (nearest-rank). */
export function summarize(samples: readonly number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { median: at(0.5), p95: at(0.95) };
}

/** Runs `work` once to warm up, then `runs` times; returns each run's wall time in ms. */
export async function time(work: () => unknown, runs: number): Promise<number[]> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * Median over rounds of `a[i] / b[i]`: the ratio of two contenders timed in the same rounds
 * (`timeInterleaved`), so that each pair shares that round's machine state. The ratio of the
 * two medians instead compares runs from different rounds and moves with the noise of both.
 */
export function medianRatio(a: readonly number[], b: readonly number[]): number {
  return summarize(a.map((value, i) => value / b[i])).median;
}

export const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
/** A factor as the tables print it: `1.07×`. */
export const times = (factor: number): string => `${factor.toFixed(2)}×`;
export const ratio = (a: number, b: number): string => (b > 0 ? times(a / b) : '–');

/** A young-generation collection (needs `--expose-gc`; a no-op without it). */
const collectYoungGarbage = (): void => (globalThis.gc as ((options: { type: 'minor' }) => void) | undefined)?.({ type: 'minor' });

/** Bigger than any CPU cache of the machines this runs on. */
const CACHE_SWEEP = new Int32Array(64 * 1024 * 1024 / 4);
let sweepSink = 0;

/** Reads one value per cache line of `buffer`, evicting whatever the last run left warm. */
export function sweepCaches(buffer: Int32Array = CACHE_SWEEP): void {
  let sum = 0;
  for (let i = 0; i < buffer.length; i += 16) sum += buffer[i];
  sweepSink += sum;
}

/**
 * Times several contenders round-robin: one warm-up each, then `runs` rounds in which each
 * runs once. Each round starts with the next contender (round r runs contender r first), so
 * none always runs first after the round before it. Before every timed run (untimed) the CPU
 * caches are swept and the young generation is collected, so every run starts from the same
 * state: no contender pays for the short-lived garbage another left behind (the floor loops
 * allocate a lot), and none starts warm because the one before it read the same data (the
 * bare pipeline right after the GraphQL request that ran it) or cold because it streamed the
 * whole store (a floor loop). `samples[i][r]` is contender i's time in round r.
 */
export async function timeInterleaved(contenders: readonly (() => unknown)[], runs: number): Promise<number[][]> {
  for (const work of contenders) await work();
  const samples = contenders.map(() => [] as number[]);
  for (let round = 0; round < runs; round += 1) {
    for (let step = 0; step < contenders.length; step += 1) {
      const i = (round + step) % contenders.length;
      sweepCaches();
      collectYoungGarbage();
      const start = performance.now();
      await contenders[i]();
      samples[i].push(performance.now() - start);
    }
  }
  if (sweepSink === Number.MIN_SAFE_INTEGER) console.log(sweepSink); // keeps the sweep from being optimized away
  return samples;
}
