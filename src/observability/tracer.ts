import { trace } from '@opentelemetry/api';

/**
 * The gateway's tracer, from the global OpenTelemetry API. Until an SDK registers a provider
 * (observability/start-tracing.ts, only when OTEL_EXPORTER_OTLP_ENDPOINT is set) it is the
 * API's no-op tracer, so spans cost next to nothing when tracing is off.
 */
export const TRACER_NAME = 'dialgraph';

export function gatewayTracer() {
  return trace.getTracer(TRACER_NAME);
}
