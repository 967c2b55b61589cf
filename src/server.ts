import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { YogaServerInstance } from 'graphql-yoga';

/** How long in-flight requests may run after SIGTERM before their sockets are cut (DESIGN 7). */
export const DEFAULT_DRAIN_MS = 10_000;
/** A request must arrive whole within this time; a slow-body socket is closed after it (Node's 408). */
export const REQUEST_TIMEOUT_MS = 30_000;
/** The headers must arrive within this time (slowloris). */
export const HEADERS_TIMEOUT_MS = 10_000;

export interface ListenOptions {
  yoga: YogaServerInstance<any, any>;
  port: number;
  host: string;
  /** In-flight requests get this long to finish on `close()`. @default DEFAULT_DRAIN_MS */
  drainMs?: number;
}

/** Listens with a Yoga instance; resolves once the port is bound. */
export async function listen(options: ListenOptions): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const server = createServer({ requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: HEADERS_TIMEOUT_MS }, options.yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  // Once draining, a finished response leaves its keep-alive socket idle: close it then.
  const state = { draining: false };
  server.on('request', (_request, response) => {
    response.once('finish', () => {
      if (state.draining) setImmediate(() => server.closeIdleConnections());
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '127.0.0.1' || options.host === '::' ? 'localhost' : options.host;
  return {
    server,
    url: `http://${shownHost}:${port}${options.yoga.graphqlEndpoint}`,
    close: () => {
      state.draining = true;
      return drain(server, options.drainMs ?? DEFAULT_DRAIN_MS);
    },
  };
}

/**
 * Stops accepting, lets every in-flight request finish, and resolves once the last one has:
 * `server.close()` waits for active requests, and idle keep-alive sockets are closed at once
 * (and each time a response ends, see `listen`). Only a request still running at the deadline
 * is cut.
 */
function drain(server: Server, drainMs: number): Promise<void> {
  return new Promise((resolve) => {
    const deadline = setTimeout(() => server.closeAllConnections(), drainMs);
    deadline.unref();
    server.close(() => {
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}
