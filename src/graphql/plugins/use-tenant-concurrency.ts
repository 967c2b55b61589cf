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
  /** Waiting operations, first come first served; each is called with the slot. */
  waiting: (() => void)[];
}

/**
 * Fairness between tenants: at most `inFlight` operations of one tenant execute (run
 * pipelines) at once; the next `queue` wait in order for a slot; beyond that the answer is
 * HTTP 429 `RATE_LIMITED` with `Retry-After`, before anything runs. Other tenants are not
 * held up by one tenant's queue, and the embedded engine's scheduler interleaves the slices of
 * the pipelines that do run, round-robin by tenant.
 *
 * The wait counts against the time budget (`--max-time-ms`, the context's `config.maxTimeMS`):
 * an operation still queued when its budget is spent leaves the queue with the same 429 (nothing
 * ran; its tenant's own operations held the slots), and one that got a slot after waiting
 * records the wait in `queueWaitMs`, which shortens its pipelines' budgets by as much. So a
 * queued request answers within its budget like any other.
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
      const context = args.contextValue as GraphQLContext;
      const tenant = context.principal?.tenantId;
      if (tenant === undefined) return;
      let slots = tenants.get(tenant);
      if (!slots) tenants.set(tenant, (slots = { active: 0, waiting: [] }));
      if (slots.active < options.inFlight) slots.active += 1;
      else if (slots.waiting.length < options.queue) {
        const budgetMs = context.config?.maxTimeMS;
        const entered = performance.now();
        const gotSlot = await waitForSlot(slots, budgetMs);
        if (!gotSlot) {
          countRefusal('concurrency');
          setResultAndStopExecution({
            errors: [
              rateLimitedError(
                `Your tenant's other operations held all its ${options.inFlight} slots for this operation's whole time budget (${budgetMs} ms, --max-time-ms) while it waited; retry shortly.`,
                1,
              ),
            ],
          });
          return;
        }
        context.queueWaitMs = performance.now() - entered;
      } else {
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

/**
 * Waits in the tenant's queue for a slot: true once it has one, false when `budgetMs` passed
 * first (the operation has then left the queue and holds no slot).
 */
function waitForSlot(slots: TenantSlots, budgetMs: number | undefined): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const take = () => {
      clearTimeout(timer);
      resolve(true);
    };
    slots.waiting.push(take);
    if (budgetMs === undefined || !(budgetMs > 0)) return;
    timer = setTimeout(() => {
      const at = slots.waiting.indexOf(take);
      if (at >= 0) slots.waiting.splice(at, 1);
      resolve(false);
    }, budgetMs);
  });
}
