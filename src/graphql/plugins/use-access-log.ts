import { type ExecutionResult, getOperationAST } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import type { Logger as PinoLogger } from 'pino';
import { errorCodesOf } from '../../observability/error-codes.ts';
import { outerRequestOf } from '../../observability/inner-request.ts';
import { requestIdOf } from '../../observability/request-id.ts';
import { traceIdOf } from '../../observability/request-span.ts';
import type { GraphQLContext } from '../context.ts';

interface AccessRecord {
  start: number;
  operationName?: string;
  tenant?: string;
  user?: string;
  codes: string[];
  cost?: unknown;
  /** The request's store calls (filled by useCallContext as they settle). */
  storeCalls?: readonly { ms: number }[];
}

/**
 * One JSON access line per request (DESIGN 7): request id, method, path, operation name,
 * tenant (and user for a user-bound key), status, duration, cost, error codes, the pipelines
 * run and their store time, plus the trace id when tracing is on. Never the key, the query text or variable values.
 */
export function useAccessLog(options: { log: PinoLogger }): Plugin<GraphQLContext> {
  const { log } = options;
  const records = new WeakMap<Request, AccessRecord>();
  // A REST route's inner GraphQL request → the route request: both fill one record, one line.
  const outerOf = new WeakMap<Request, Request>();
  const recordOf = (request: Request) => {
    const owner = outerOf.get(request) ?? request;
    let record = records.get(owner);
    if (!record) {
      record = { start: performance.now(), codes: [] };
      records.set(owner, record);
    }
    return record;
  };
  return {
    onRequest({ request, serverContext }) {
      const outer = outerRequestOf(serverContext);
      if (outer) outerOf.set(request, outer);
      recordOf(request);
    },
    onParams({ request, params }) {
      // Client text: capped, so a huge operation name cannot bloat the log.
      if (params.operationName) recordOf(request).operationName = String(params.operationName).slice(0, 100);
    },
    onContextBuilding() {
      return ({ context }) => {
        const { principal, storeCalls } = context as Partial<GraphQLContext>;
        const record = recordOf((context as unknown as YogaInitialContext).request);
        record.storeCalls = storeCalls;
        if (!principal) return;
        record.tenant = principal.tenantId;
        if (principal.userId) record.user = principal.userId;
      };
    },
    onExecute({ args }) {
      // The name the document gives when the request did not send `operationName`.
      const record = recordOf((args.contextValue as unknown as YogaInitialContext).request);
      record.operationName ??= getOperationAST(args.document, args.operationName)?.name?.value.slice(0, 100);
    },
    onResultProcess({ request, result }) {
      const record = recordOf(request);
      for (const one of Array.isArray(result) ? result : [result]) {
        if (!isExecutionResult(one)) continue;
        record.codes.push(...errorCodesOf(one.errors));
        if (one.extensions?.cost !== undefined) record.cost = one.extensions.cost;
      }
    },
    onResponse({ request, response }) {
      if (outerOf.has(request)) return; // the route request writes the line
      const record = recordOf(request);
      const url = new URL(request.url);
      log.info(
        {
          requestId: requestIdOf(request),
          method: request.method,
          path: url.pathname,
          operationName: record.operationName,
          tenant: record.tenant,
          user: record.user,
          status: response.status,
          durationMs: Math.round((performance.now() - record.start) * 100) / 100,
          cost: record.cost,
          pipelines: record.storeCalls?.length || undefined,
          storeMs: record.storeCalls?.length ? Math.round(record.storeCalls.reduce((sum, call) => sum + call.ms, 0) * 100) / 100 : undefined,
          errorCodes: record.codes.length ? [...new Set(record.codes)] : undefined,
          traceId: traceIdOf(request),
        },
        'request',
      );
    },
  };
}

function isExecutionResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && ('data' in value || 'errors' in value);
}
