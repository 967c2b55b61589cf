import type { Db } from 'mongodb';
import { UsageError, type CommandOption, type OptionValues } from './command.ts';
import { QueryTimeoutError, StoreUnavailableError } from '../store/errors.ts';
import { mapMongoError } from '../store/mongo/map-mongo-error.ts';
import { DEFAULT_SERVER_SELECTION_TIMEOUT_MS, createMongoStore, type MongoStore } from '../store/mongo/mongo-store.ts';

/** The connection flags every MongoDB-managing command (`seed`, `indexes`, `keys create`) shares. */
export const MONGO_CONNECTION_OPTIONS = {
  'mongodb-uri': {
    type: 'string',
    env: 'MONGODB_URI',
    placeholder: 'uri',
    description: 'MongoDB connection string, e.g. mongodb://localhost:27017 (required)',
  },
  db: {
    type: 'string',
    env: 'DIALGRAPH_DB',
    placeholder: 'name',
    default: 'dialgraph',
    description: 'Database that holds the calls and api_keys collections',
  },
} satisfies Record<string, CommandOption>;

/**
 * Opens the store named by `--mongodb-uri`/`--db`, checks the server answers, runs `work` and
 * closes the store whatever happens. Unlike the gateway, a CLI command should fail at once and
 * say why, so store errors come back with the driver's reason (host, refused…) in the message.
 */
export async function withMongoStore<T>(values: OptionValues, work: (store: MongoStore, db: Db) => Promise<T>): Promise<T> {
  const uri = values['mongodb-uri'];
  if (typeof uri !== 'string' || uri.trim() === '') {
    throw new UsageError('--mongodb-uri (or MONGODB_URI) is required, e.g. mongodb://localhost:27017');
  }
  const dbName = typeof values.db === 'string' && values.db !== '' ? values.db : 'dialgraph';
  process.stderr.write(`${connectingLine(uri.trim(), dbName)}\n`);
  let store: MongoStore;
  try {
    // No background log: the command reports a connection failure itself, once.
    store = await createMongoStore({ uri: uri.trim(), db: dbName, log: () => undefined });
  } catch (error) {
    // createMongoStore rejects only on configuration (malformed URI and the like).
    throw error instanceof Error ? new UsageError(`--mongodb-uri: ${error.message}`) : error;
  }
  try {
    return await work(store, await store.database());
  } catch (error) {
    throw explainForOperator(mapMongoError(error));
  } finally {
    await store.close();
  }
}

/** Store errors carry a neutral message for API clients; an operator at a terminal wants the cause too. */
function explainForOperator(error: unknown): unknown {
  if (!(error instanceof StoreUnavailableError || error instanceof QueryTimeoutError)) return error;
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return new Error(`${error.message}${cause}`, { cause: error });
}

/**
 * "Connecting to MongoDB at host:port (database x); waiting up to N s for a server…": said
 * before the driver's server selection, which is silent until it gives up. No credentials:
 * only the hosts of the URI are shown.
 */
export function connectingLine(uri: string, db: string): string {
  const hosts = /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]+)/i.exec(uri)?.[1] ?? 'the given URI';
  const fromUri = /[?&]serverSelectionTimeoutMS=(\d+)/i.exec(uri)?.[1];
  const seconds = (fromUri ? Number(fromUri) : DEFAULT_SERVER_SELECTION_TIMEOUT_MS) / 1000;
  return `Connecting to MongoDB at ${hosts} (database "${db}"); waiting up to ${seconds} s for a server…`;
}
