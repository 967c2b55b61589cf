import { Writable } from 'node:stream';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/graphql/yoga.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { startTracing } from '../../src/observability/start-tracing.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { call, KEYS, testKeys } from '../support/calls.ts';

const exporter = new InMemorySpanExporter();
const tracing = await startTracing({ exporter, env: {} });
afterAll(() => tracing?.shutdown());

const NOW = new Date('2024-03-15T12:00:00.000Z');
const CALLS = [
  call({ utm_campaign: 'spring', source: 'google', started_at: '2024-03-01T10:00:00Z' }),
  call({ utm_campaign: 'brand', source: 'facebook', started_at: '2024-03-02T10:00:00Z' }),
];
const DASHBOARD = `query Dashboard($from: Date) {
  groupedCalls(groupBy: [UTM_CAMPAIGN], filter: { startDate: $from }) { rows { utmCampaign count } }
  bySource: groupedCalls(groupBy: [SOURCE]) { rows { source count } }
}`;

/** Spans are exported once the resource's attributes are detected: wait (bounded) for them. */
async function finishedSpans(until: (spans: ReadableSpan[]) => boolean): Promise<ReadableSpan[]> {
  for (let i = 0; i < 200 && !until(exporter.getFinishedSpans()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return exporter.getFinishedSpans();
}

const parentOf = (spans: ReadableSpan[], span: ReadableSpan) =>
  spans.find((candidate) => candidate.spanContext().spanId === (span as unknown as { parentSpanContext?: { spanId: string } }).parentSpanContext?.spanId);

describe('OpenTelemetry traces', () => {
  it('is off unless OTEL_EXPORTER_OTLP_ENDPOINT is set', async () => {
    expect(await startTracing({ env: {} })).toBeNull();
  });

  it('nests request → operation → pipeline field → store call, with family, engine and rows, and no argument values', async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({ write: (chunk, _encoding, done) => done(void lines.push(JSON.parse(String(chunk)))) });
    const accessLog = createLogger({ level: 'info', destination });
    const yoga = createGateway({ store: createEmbeddedStore({ calls: CALLS, apiKeys: testKeys() }), now: () => NOW, graphiql: false, tracing: true, accessLog });
    exporter.reset();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.t1}`, traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      body: JSON.stringify({ query: DASHBOARD, variables: { from: '2024-03-01' } }),
    });
    expect(((await response.json()) as any).data.groupedCalls.rows).toHaveLength(2);
    const spans = await finishedSpans((all) => all.some((span) => span.name === 'POST /graphql'));

    const request = spans.find((span) => span.name === 'POST /graphql');
    expect(request).toBeDefined();
    expect(request!.spanContext().traceId).toBe(traceId); // continued from the incoming traceparent
    expect(request!.attributes['http.response.status_code']).toBe(200);

    const operation = spans.find((span) => span.name === 'query.Dashboard');
    expect(operation && parentOf(spans, operation)).toBe(request);

    const fields = spans.filter((span) => span.name === 'field Query.groupedCalls');
    expect(fields).toHaveLength(2);
    for (const field of fields) {
      expect(parentOf(spans, field)).toBe(operation);
      expect(field.attributes['dialgraph.family']).toBe('groupedCalls');
    }

    const stores = spans.filter((span) => span.name === 'store aggregate groupedCalls');
    expect(stores).toHaveLength(2);
    for (const store of stores) {
      expect(fields).toContain(parentOf(spans, store));
      expect(store.attributes).toMatchObject({ 'dialgraph.engine': 'embedded', 'dialgraph.family': 'groupedCalls', 'dialgraph.rows': 1 });
    }
    expect(new Set(spans.map((span) => span.spanContext().traceId))).toEqual(new Set([traceId]));
    // The access line leads to the trace.
    expect(lines[0]).toMatchObject({ msg: 'request', operationName: 'Dashboard', traceId });

    // Never argument values, variables, the document or the key.
    const recorded = JSON.stringify(spans.map((span) => ({ name: span.name, attributes: span.attributes, events: span.events })));
    expect(recorded).not.toContain('2024-03-01');
    expect(recorded).not.toContain('UTM_CAMPAIGN');
    expect(recorded).not.toContain(KEYS.t1);
  });

  it('marks a failed store call and its field as errors', async () => {
    const inner = createEmbeddedStore({ calls: CALLS, apiKeys: testKeys() });
    const yoga = createGateway({ store: { ...inner, aggregate: async () => { throw new Error('boom'); } }, graphiql: false, tracing: true, logger: { error() {}, warn() {}, info() {} } });
    exporter.reset();
    await yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.t1}` },
      body: JSON.stringify({ query: '{ groupedCalls { count } }' }),
    });
    const spans = await finishedSpans((all) => all.some((span) => span.name === 'POST /graphql'));
    expect(spans.find((span) => span.name === 'store aggregate groupedCalls')?.status.code).toBe(2);
    expect(spans.find((span) => span.name === 'field Query.groupedCalls')?.status.code).toBe(2);
  });
});
