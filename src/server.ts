import { createServer, type Server } from 'node:http';
import { type AddressInfo, Server as NetServer, type Socket } from 'node:net';
import type { YogaServerInstance } from 'graphql-yoga';

/** How long in-flight requests may run after SIGTERM before their sockets are cut (DESIGN 7). */
export const DEFAULT_DRAIN_MS = 10_000;
/** A request must arrive whole within this time; a slow-body socket is closed after it (Node's 408). */
export const REQUEST_TIMEOUT_MS = 30_000;
/** The headers must arrive within this time (slowloris). */
export const HEADERS_TIMEOUT_MS = 10_000;
/**
 * How often Node looks for sockets over those timeouts. Its default (30 s) would let a
 * slow-body socket outlive `requestTimeout` by up to 30 s; a second is cheap.
 */
const TIMEOUT_CHECK_MS = 1_000;

export interface ListenOptions {
  yoga: YogaServerInstance<any, any>;
  port: number;
  host: string;
  /** In-flight requests get this long to finish on `close()`. @default DEFAULT_DRAIN_MS */
  drainMs?: number;
  /** A request (headers and body) must arrive within this time. @default REQUEST_TIMEOUT_MS */
  requestTimeoutMs?: number;
  /** The headers must arrive within this time; at most `requestTimeoutMs`. @default HEADERS_TIMEOUT_MS */
  headersTimeoutMs?: number;
}

/** Listens with a Yoga instance; resolves once the port is bound. */
export async function listen(options: ListenOptions): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  // Node requires headersTimeout <= requestTimeout.
  const headersTimeout = Math.min(options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS, requestTimeout);
  const server = createServer(
    { requestTimeout, headersTimeout, connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_MS, headersTimeout) },
    options.yoga,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const connections = trackConnections(server);
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '127.0.0.1' || options.host === '::' ? 'localhost' : options.host;
  return {
    server,
    url: `http://${shownHost}:${port}${options.yoga.graphqlEndpoint}`,
    close: () => drain(server, connections, options.drainMs ?? DEFAULT_DRAIN_MS),
  };
}

/** The open sockets, how many requests each is serving now, and what to do when none is. */
interface Connections {
  readonly active: Map<Socket, number>;
  draining: boolean;
  /** Called (while draining) each time a response ends. */
  onIdle?: () => void;
}

/**
 * Counts the requests each socket is serving. Once draining, every response says
 * `Connection: close`, and a socket whose last response ends is closed.
 */
function trackConnections(server: Server): Connections {
  const connections: Connections = { active: new Map(), draining: false };
  server.on('connection', (socket: Socket) => {
    connections.active.set(socket, 0);
    socket.once('close', () => connections.active.delete(socket));
  });
  // Before Yoga's listener, so the header is set before anything is written.
  server.prependListener('request', (request, response) => {
    const socket = request.socket;
    connections.active.set(socket, (connections.active.get(socket) ?? 0) + 1);
    if (connections.draining) response.setHeader('connection', 'close');
    response.once('close', () => {
      const left = (connections.active.get(socket) ?? 1) - 1;
      connections.active.set(socket, left);
      // A response begun before the drain may have promised keep-alive: end its socket here.
      if (connections.draining && left === 0) socket.end();
      if (connections.draining) connections.onIdle?.();
    });
  });
  return connections;
}

/** A socket that has sent no request yet gets this long to send one once the listener is closed. */
const DRAIN_GRACE_MS = 1_000;

/**
 * Lets every in-flight request finish, and resolves once the last socket is closed. Only a
 * request still running at the deadline is cut.
 *
 * While requests are in flight the listener stays open, and what arrives meanwhile is answered
 * with `Connection: close`: a client whose connection waits in the kernel's queue (the event
 * loop is busy with another request's pipeline) has sent its request too, and closing the
 * listener would reset it. Once no request is in flight the listener closes. Not with
 * `server.close()`: since Node 19 that also closes every socket not in the middle of a request,
 * including one just accepted whose request is not read yet. Sockets with no request get
 * `DRAIN_GRACE_MS` to send one, then are closed.
 */
function drain(server: Server, connections: Connections, drainMs: number): Promise<void> {
  connections.draining = true;
  return new Promise((resolve) => {
    const deadline = setTimeout(() => {
      for (const socket of connections.active.keys()) socket.destroy();
    }, drainMs);
    deadline.unref();
    let closing = false;
    const inFlight = () => [...connections.active.values()].reduce((sum, n) => sum + n, 0);
    const closeWhenIdle = () => {
      if (closing || inFlight() > 0) return;
      // Two turns of the loop: connections already queued are accepted (and their requests read) first.
      setImmediate(() =>
        setImmediate(() => {
          if (closing || inFlight() > 0) return;
          closing = true;
          netClose.call(server, () => {
            clearTimeout(deadline);
            resolve();
          });
          // Timers run before the loop reads sockets: after a busy stretch a request may wait
          // unread. setImmediate runs after that read, when such a request already counts.
          const grace = setTimeout(
            () =>
              setImmediate(() => {
                for (const [socket, active] of connections.active) if (active === 0) socket.destroy();
              }),
            Math.min(DRAIN_GRACE_MS, drainMs),
          );
          grace.unref();
        }),
      );
    };
    connections.onIdle = closeWhenIdle;
    closeWhenIdle();
  });
}

/** `net.Server`'s own close: stops listening and waits for the sockets, closing none itself. */
const netClose = NetServer.prototype.close as (this: Server, callback: () => void) => Server;
