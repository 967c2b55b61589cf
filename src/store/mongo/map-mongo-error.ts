import {
  MongoClientClosedError,
  MongoError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerClosedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { QueryTimeoutError, StoreUnavailableError } from '../errors.ts';

/** Server codes meaning "over the time budget": MaxTimeMSExpired, and ExceededTimeLimit on older servers. */
const TIMEOUT_CODES = new Set([50, 262]);

/**
 * Server codes meaning "this node cannot serve you right now" (shutting down, stepping down,
 * no eligible member, the server's own network failed). Retrying later may work, so they are
 * an outage, not a bug in the query.
 */
const UNAVAILABLE_CODES = new Set([
  6, // HostUnreachable
  7, // HostNotFound
  18, // AuthenticationFailed: the gateway cannot read the store; an operator must fix the URI
  89, // NetworkTimeout
  91, // ShutdownInProgress
  133, // FailedToSatisfyReadPreference
  189, // PrimarySteppedDown
  9001, // SocketException
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
]);

/** DNS and socket errors Node raises before the driver wraps them (e.g. resolving a mongodb+srv host). */
const SYSTEM_UNAVAILABLE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ESERVFAIL']);

/**
 * Turns a driver error into the store's own error vocabulary, so the GraphQL layer can answer
 * `QUERY_TIMEOUT` or `SERVICE_UNAVAILABLE` without knowing the driver. Messages name the kind of
 * failure only (they may reach clients); the driver error, with host names, stays in `cause`
 * for the log. Anything else is returned unchanged and ends up as a masked unexpected error.
 */
export function mapMongoError(error: unknown): unknown {
  if (error instanceof QueryTimeoutError || error instanceof StoreUnavailableError) return error;
  const options = { cause: error };

  if (error instanceof MongoServerError && TIMEOUT_CODES.has(Number(error.code))) {
    return new QueryTimeoutError('The query ran over its time budget (maxTimeMS) and was stopped by MongoDB.', options);
  }
  if (error instanceof MongoOperationTimeoutError) {
    return new QueryTimeoutError('The query ran over its time budget and was stopped.', options);
  }
  if (error instanceof MongoServerSelectionError) {
    return new StoreUnavailableError('MongoDB is unavailable: no server could be selected in time.', options);
  }
  // PoolClearedError is a MongoNetworkError too: another operation failed and the pool was reset.
  if (error instanceof MongoNetworkError) {
    return new StoreUnavailableError('MongoDB is unavailable: the connection failed.', options);
  }
  if (
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoClientClosedError ||
    error instanceof MongoServerClosedError ||
    error instanceof MongoNotConnectedError
  ) {
    return new StoreUnavailableError('MongoDB is unavailable: the connection is closed.', options);
  }
  if (error instanceof MongoServerError && UNAVAILABLE_CODES.has(Number(error.code))) {
    return new StoreUnavailableError(`MongoDB is unavailable: the server answered ${error.codeName ?? `code ${String(error.code)}`}.`, options);
  }
  if (!(error instanceof MongoError) && isSystemNetworkError(error)) {
    return new StoreUnavailableError('MongoDB is unavailable: its address could not be reached.', options);
  }
  return error;
}

function isSystemNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' && SYSTEM_UNAVAILABLE_CODES.has(code);
}

/**
 * True when the error means the client itself is unusable (closed topology) rather than a
 * transient failure the driver recovers from on its own; the store then builds a new client.
 */
export function isClientDead(error: unknown): boolean {
  return (
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoClientClosedError ||
    error instanceof MongoNotConnectedError
  );
}
