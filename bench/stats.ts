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

export const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
export const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');

/**
 * Times several contenders round-robin: one warm-up each, then `runs` rounds in which each
 * runs once. Interleaving spreads GC pauses and cache state over all of them instead of
 * charging one contender for garbage another left behind.
 */
export async function timeInterleaved(contenders: readonly (() => unknown)[], runs: number): Promise<number[][]> {
  for (const work of contenders) await work();
  const samples = contenders.map(() => [] as number[]);
  for (let round = 0; round < runs; round += 1) {
    for (const [i, work] of contenders.entries()) {
      const start = performance.now();
      await work();
      samples[i].push(performance.now() - start);
    }
  }
  return samples;
}
