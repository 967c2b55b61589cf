import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { YogaServerInstance } from 'graphql-yoga';

/** Listens with a Yoga instance; resolves once the port is bound. */
export async function listen(options: {
  yoga: YogaServerInstance<any, any>;
  port: number;
  host: string;
}): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const server = createServer(options.yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '127.0.0.1' || options.host === '::' ? 'localhost' : options.host;
  return {
    server,
    url: `http://${shownHost}:${port}${options.yoga.graphqlEndpoint}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
