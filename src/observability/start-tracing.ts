import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

export interface TracingOptions {
  /** @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Export here, span by span, whatever the environment says (tests pass an in-memory exporter). */
  exporter?: SpanExporter;
}

/**
 * Starts the OpenTelemetry SDK when `OTEL_EXPORTER_OTLP_ENDPOINT` (or the traces-only
 * variable) is set: traces only, OTLP over HTTP, batched; the exporter reads the standard
 * OTEL_* variables (endpoint, headers). The SDK also installs the async context manager and
 * the W3C `traceparent` propagator the gateway's spans rely on. Returns the shutdown that
 * flushes pending spans, or null when tracing stays off. The SDK is loaded only then: it is
 * the heaviest import of the gateway (about a second of CPU at start).
 */
export async function startTracing(options: TracingOptions = {}): Promise<{ shutdown: () => Promise<void> } | null> {
  const env = options.env ?? process.env;
  if (!options.exporter && !env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return null;
  const [{ NodeSDK }, { SimpleSpanProcessor }, { OTLPTraceExporter }] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
  ]);
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? 'dialgraph',
    ...(options.exporter ? { spanProcessors: [new SimpleSpanProcessor(options.exporter)] } : { traceExporter: new OTLPTraceExporter() }),
    // No auto-instrumentation: the gateway makes its own spans (request, operation, field, store call).
    instrumentations: [],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
