import type { Stage } from './expression.ts';

/** A compiled aggregation pipeline (structurally the store's `Pipeline`). */
export type Pipeline = Stage[];
