import { MongoClient, type MongoClientOptions } from 'mongodb';
import { StoreUnavailableError } from '../errors.ts';

/** Hands out one connected `MongoClient`, connecting on first use and again after a failed attempt. */
export interface ClientHolder {
  /** The connected client; rejects with the driver's error when the server cannot be reached. */
  get(): Promise<MongoClient>;
  /** Drops a client that turned out unusable so the next `get()` connects afresh. */
  discard(client: MongoClient): void;
  /** Closes every client; later `get()` calls reject with `StoreUnavailableError`. */
  close(): Promise<void>;
}

export interface ClientHolderOptions {
  uri: string;
  clientOptions: MongoClientOptions;
  log: (message: string) => void;
}

/**
 * Why not simply `new MongoClient(uri)` and let the driver auto-connect: when the first automatic
 * connect fails, the driver keeps the closed topology and every later operation fails with
 * "Topology is closed" even after the server comes back. Here a failed attempt throws its client
 * away, so a gateway started before its database recovers by itself on the next request.
 */
export function createClientHolder(options: ClientHolderOptions): ClientHolder {
  // Built now so a malformed URI fails at startup, not on the first request.
  let unused: MongoClient | undefined = newClient(options);
  let pending: Promise<MongoClient> | undefined;
  const open = new Set<MongoClient>();
  let closed = false;

  async function connect(): Promise<MongoClient> {
    const client = unused ?? newClient(options);
    unused = undefined;
    open.add(client);
    try {
      await client.connect();
      return client;
    } catch (error) {
      open.delete(client);
      await client.close().catch(() => undefined);
      throw error;
    }
  }

  return {
    get() {
      if (closed) return Promise.reject(new StoreUnavailableError('MongoDB is unavailable: the store is closed.'));
      pending ??= connect().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending;
    },
    discard(client) {
      if (!open.delete(client)) return;
      pending = undefined;
      client.close().catch(() => undefined);
    },
    async close() {
      closed = true;
      pending = undefined;
      const clients = [...open, ...(unused ? [unused] : [])];
      open.clear();
      unused = undefined;
      // Closing mid-connect makes that attempt fail fast instead of waiting out server selection.
      await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
    },
  };
}

function newClient(options: ClientHolderOptions): MongoClient {
  const client = new MongoClient(options.uri, options.clientOptions);
  // The driver relays topology 'error' events; an EventEmitter 'error' without a listener
  // would throw and take the whole server down.
  client.on('error', (error: Error) => options.log(`MongoDB client error: ${error.message}`));
  return client;
}
