import type { Span } from '@opentelemetry/api';

/** The server span of each request, so the access log can carry its trace id. */
const spans = new WeakMap<Request, Span>();

export function setRequestSpan(request: Request, span: Span): void {
  spans.set(request, span);
}

export function requestSpanOf(request: Request | undefined): Span | undefined {
  return request && spans.get(request);
}

/** The request's trace id while tracing is on; undefined otherwise. */
export function traceIdOf(request: Request): string | undefined {
  const span = spans.get(request);
  return span?.isRecording() ? span.spanContext().traceId : undefined;
}
