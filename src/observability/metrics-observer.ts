import type { InstrumentationOptions } from '../store/decorators/with-instrumentation.ts';
import { pipelineDuration, pipelineRows, pipelinesInFlight } from './metrics.ts';

/**
 * Pipeline time by engine and family, rows, and the in-flight gauge, fed by the store's
 * `withInstrumentation`. The family is the caller's label (the operation's name: every
 * operation labels its pipelines), `other` for an unlabelled call.
 */
export const metricsObserver: Required<InstrumentationOptions> = {
  start({ engine }) {
    pipelinesInFlight.inc({ engine });
  },
  observe({ label, engine, ms, rows, error }) {
    const family = label ?? 'other';
    pipelinesInFlight.dec({ engine });
    pipelineDuration.observe({ engine, family, outcome: error === undefined ? 'ok' : 'error' }, ms / 1000);
    if (error === undefined) pipelineRows.inc({ engine, family }, rows);
  },
};
