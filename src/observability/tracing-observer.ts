import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { StoreCall } from '../store/decorators/with-instrumentation.ts';
import { gatewayTracer } from './tracer.ts';

/**
 * One client span per store call, child of the field's span (the call settles inside the
 * field's context), with engine, family and rows. It is made when the call settles, dated
 * back to its start, so the store decorator needs no per-call state for it.
 */
export function traceStoreCall({ label, engine, ms, rows, error }: StoreCall): void {
  const family = label ?? 'other';
  const end = performance.timeOrigin + performance.now();
  const span = gatewayTracer().startSpan(`store aggregate ${family}`, {
    kind: SpanKind.CLIENT,
    startTime: end - ms,
    attributes: {
      'dialgraph.engine': engine,
      'dialgraph.family': family,
      'db.system': engine === 'mongodb' ? 'mongodb' : 'dialgraph-embedded',
      'db.operation.name': 'aggregate',
    },
  });
  if (error === undefined) span.setAttribute('dialgraph.rows', rows);
  else span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.name });
  span.end(end);
}
