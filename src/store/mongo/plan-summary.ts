import type { PlanSummary } from '../call-store.ts';

/**
 * The indexes and examined counts of an aggregation's `explain("executionStats")` output,
 * whatever its layout: a classic or SBE plan at the top level, a `$cursor` stage, or one
 * entry per shard. Every `indexName` under a winning plan counts, and every `executionStats`
 * object adds its totals once.
 */
export function summarizePlan(explained: unknown): PlanSummary {
  const indexes: string[] = [];
  let docsExamined = 0;
  let keysExamined = 0;
  const visit = (node: unknown, inWinningPlan: boolean): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, inWinningPlan);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (inWinningPlan && typeof record.indexName === 'string' && !indexes.includes(record.indexName)) indexes.push(record.indexName);
    for (const [key, value] of Object.entries(record)) {
      if (key === 'rejectedPlans' || key === 'allPlansExecution') continue;
      if (key === 'executionStats' && value && typeof value === 'object') {
        const stats = value as Record<string, unknown>;
        if (typeof stats.totalDocsExamined === 'number') docsExamined += stats.totalDocsExamined;
        if (typeof stats.totalKeysExamined === 'number') keysExamined += stats.totalKeysExamined;
        // Its executionStages repeat the winning plan's stages; indexes come from the plan.
        continue;
      }
      visit(value, inWinningPlan || key === 'winningPlan');
    }
  };
  visit(explained, false);
  return { indexes, docsExamined, keysExamined };
}
