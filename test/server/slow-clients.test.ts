import { connect, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/graphql/yoga.ts';
import { listen } from '../../src/server.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';
import { testKeys } from '../support/calls.ts';

/**
 * Slow clients do not keep sockets (issue 14): a body sent byte by byte is cut at
 * `requestTimeout` (408, then closed), headers that never end at `headersTimeout`. Small
 * timeouts here (`serve --request-timeout-ms/--headers-timeout-ms` set the same options);
 * Node checks them every second at most, so a socket lives at most timeout + ~1 s.
 */
const REQUEST_TIMEOUT_MS = 1_500;
const HEADERS_TIMEOUT_MS = 800;
const yoga = createGateway({ store: createEmbeddedStore({ calls: [], apiKeys: testKeys() }), graphiql: false, metrics: false, logger: { error: () => {}, warn: () => {}, info: () => {} } });
const server = await listen({ yoga, port: 0, host: '127.0.0.1', requestTimeoutMs: REQUEST_TIMEOUT_MS, headersTimeoutMs: HEADERS_TIMEOUT_MS, drainMs: 1_000 });
const port = (server.server.address() as { port: number }).port;
afterAll(() => server.close());

/** Opens a socket and writes `head` at once, then one byte of `trickle` every `everyMs`; resolves when the server closes it. */
function slowClient(head: string, trickle: string, everyMs: number): Promise<{ answer: string; openMs: number; bytesSent: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket: Socket = connect(port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent < trickle.length && !socket.destroyed) socket.write(trickle[sent++]);
      }, everyMs);
    });
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, openMs: performance.now() - started, bytesSent: sent });
    });
    setTimeout(() => reject(new Error('the server kept the slow socket open')), 15_000).unref();
  });
}

describe('slow clients', () => {
  it('a body sent byte by byte is cut at the request timeout with 408', async () => {
    const body = JSON.stringify({ query: '{ __typename }' }).padEnd(400, ' ');
    const head = `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { answer, openMs, bytesSent } = await slowClient(head, body, 50);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(bytesSent).toBeLessThan(body.length);
    // Cut after the timeout, and not long after (Node checks every second; a loaded machine lags).
    expect(openMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    expect(openMs).toBeLessThan(REQUEST_TIMEOUT_MS + 5_000);
  });

  it('headers that never end are cut at the headers timeout', async () => {
    const { answer, openMs } = await slowClient('GET /health HTTP/1.1\r\nHost: x\r\n', 'X-Slow: ' + 'a'.repeat(500), 50);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(openMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
    expect(openMs).toBeLessThan(REQUEST_TIMEOUT_MS + 5_000);
  });

  it('a client that keeps to the timeouts is answered', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    expect(response.status).toBe(200);
  });
});
