import { useOpenTelemetry, setCurrentOtelContext } from '@envelop/opentelemetry';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Plugin } from 'graphql-yoga';
import { requestIdOf } from '../../observability/request-id.ts';
import { requestSpanOf, setRequestSpan } from '../../observability/request-span.ts';
import { gatewayTracer } from '../../observability/tracer.ts';

/**
 * OpenTelemetry spans (only added while tracing is on): a server span per HTTP request
 * (continuing an incoming W3C `traceparent`), the operation span of `@envelop/opentelemetry`
 * under it, then the pipeline fields' spans (use-pipeline-fields.ts) and the store calls'
 * spans (observability/tracing-observer.ts). No span records the document, variables,
 * arguments or results: the envelop plugin's options that would are all off.
 */
export function useTracing(): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        useOpenTelemetry(
          { resolvers: false, variables: false, result: false, document: false },
          trace.getTracerProvider(),
          SpanKind.INTERNAL,
          {},
          'dialgraph',
        ) as Plugin,
      );
    },
    onRequest({ request }) {
      const url = new URL(request.url);
      const parent = propagation.extract(ROOT_CONTEXT, Object.fromEntries(request.headers));
      const span = gatewayTracer().startSpan(
        `${request.method} ${url.pathname}`,
        { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.path': url.pathname, 'dialgraph.request_id': requestIdOf(request) } },
        parent,
      );
      setRequestSpan(request, span);
    },
    onContextBuilding({ context: graphqlContext }) {
      const span = requestSpanOf(graphqlContext.request);
      if (span) setCurrentOtelContext(graphqlContext, trace.setSpan(context.active(), span));
    },
    onResponse({ request, response }) {
      const span = requestSpanOf(request);
      if (!span) return;
      span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}
