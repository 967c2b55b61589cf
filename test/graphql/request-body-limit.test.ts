import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BODY_BYTES } from '../../src/graphql/plugins/use-request-body-limit.ts';
import { call, KEYS } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';
import { listenOnLoopback, type LoopbackServer } from '../support/subgraphs.ts';

const QUERY = JSON.stringify({ query: '{ callsByPhoneNumber { phoneNumber totalCalls } }' });
const MEGABYTE = Buffer.alloc(1_048_576, 0x20);

/** Sends one POST over real HTTP; `chunks` go out as written (chunked unless a length is set). */
function post(url: string, headers: Record<string, string>, chunks: readonly Buffer[]): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.t1}`, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (part: string) => (text += part));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    // The server may answer before the whole body is written: that is the point. (`agent: false`:
    // a connection left mid-body must not carry the next test's request.)
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('request body limit', () => {
  const gateway = testGateway({ calls: [call({ started_at: '2024-06-29T10:00:00Z', platform_number: '+1555' })], now: '2024-06-30T12:00:00Z' });
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await listenOnLoopback(gateway.yoga);
  });
  afterAll(() => server.close());

  it('answers a declared Content-Length over the limit with 413 before reading the body', async () => {
    const { status, body } = await post(server.url, { 'content-length': String(MAX_REQUEST_BODY_BYTES + 1) }, []);
    expect(status).toBe(413);
    expect(body.errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(body.errors[0].message).toContain('25,000,000 bytes');
  });

  it('answers a chunked body that streams past the limit with 413', async () => {
    const chunks = Array.from({ length: Math.ceil(MAX_REQUEST_BODY_BYTES / MEGABYTE.length) + 1 }, () => MEGABYTE);
    const { status, body } = await post(server.url, { 'transfer-encoding': 'chunked' }, chunks);
    expect(status).toBe(413);
    expect(body.errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  it('answers a chunked body under the limit normally', async () => {
    const { status, body } = await post(server.url, { 'transfer-encoding': 'chunked' }, [Buffer.from(QUERY.slice(0, 10)), Buffer.from(QUERY.slice(10))]);
    expect(status).toBe(200);
    expect(body.data.callsByPhoneNumber).toEqual([{ phoneNumber: '+1555', totalCalls: 1 }]);
  });

  it('answers a body with its Content-Length normally', async () => {
    const { status, body } = await post(server.url, { 'content-length': String(Buffer.byteLength(QUERY)) }, [Buffer.from(QUERY)]);
    expect(status).toBe(200);
    expect(body.data.callsByPhoneNumber).toHaveLength(1);
  });

  it('rejects an invalid Content-Length with 400', async () => {
    const response = await gateway.yoga.fetch('http://dialgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '12, 12', authorization: `Bearer ${KEYS.t1}` },
      body: QUERY,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});
