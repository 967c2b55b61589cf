import type { Plugin } from 'graphql-yoga';
import { countRefusal } from '../../observability/metrics.ts';
import type { GraphQLContext } from '../context.ts';
import { rateLimitedError } from './rate-limited-error.ts';

/** Operations one tenant may execute at once, and how many more may wait for a turn. */
export interface TenantConcurrencyOptions {
  inFlight: number;
  queue: number;
}

export const DEFAULT_TENANT_CONCURRENCY: TenantConcurrencyOptions = { inFlight: 4, queue: 8 };

interface TenantSlots {
  active: number;
  waiting: (() => void)[];
}

/**
 * Fairness between tenants: at most `inFlight` operations of one tenant execute (run
 * pipelines) at once; the next `queue` wait in order for a slot; beyond that the answer is
 * HTTP 429 `RATE_LIMITED` with `Retry-After`, before anything runs. Other tenants are not
 * held up by one tenant's queue, and the compiled executor's slices interleave the pipelines
 * that do run.
 */
export function useTenantConcurrency(options: TenantConcurrencyOptions = DEFAULT_TENANT_CONCURRENCY): Plugin<GraphQLContext> {
  const tenants = new Map<string, TenantSlots>();

  const release = (tenant: string) => {
    const slots = tenants.get(tenant);
    if (!slots) return;
    const next = slots.waiting.shift();
    if (next) next(); // the slot passes straight to the next waiting operation
    else if (--slots.active === 0) tenants.delete(tenant);
  };

  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const tenant = (args.contextValue as GraphQLContext).principal?.tenantId;
      if (tenant === undefined) return;
      let slots = tenants.get(tenant);
      if (!slots) tenants.set(tenant, (slots = { active: 0, waiting: [] }));
      if (slots.active < options.inFlight) slots.active += 1;
      else if (slots.waiting.length < options.queue) await new Promise<void>((resolve) => slots.waiting.push(resolve));
      else {
        countRefusal('concurrency');
        setResultAndStopExecution({
          errors: [rateLimitedError(`Your tenant already runs ${options.inFlight} operations with ${options.queue} waiting; retry shortly.`, 1)],
        });
        return;
      }
      let released = false;
      return {
        onExecuteDone() {
          if (!released) {
            released = true;
            release(tenant);
          }
        },
      };
    },
  };
}
