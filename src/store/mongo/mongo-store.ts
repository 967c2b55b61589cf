import type { CollationOptions, Db, MongoClient, MongoClientOptions, TagSet } from 'mongodb';
import type { ApiKeyRecord } from '../../contract/api-key-record.ts';
import { API_KEYS_COLLECTION, CALLS_COLLECTION } from '../../contract/collections.ts';
import type { Pipeline } from '../../contract/pipeline.ts';
import type { AggregateOptions, CallStore, PlanSummary } from '../call-store.ts';
import { createClientHolder } from './client-holder.ts';
import { isClientDead, mapMongoError } from './map-mongo-error.ts';
import { exactNumbers } from './exact-numbers.ts';
import { parseReadPreference } from './read-preference.ts';
import { summarizePlan } from './plan-summary.ts';

// Collection names of the data contract (DESIGN 2), declared there.
export { API_KEYS_COLLECTION, CALLS_COLLECTION, VOCABULARIES_COLLECTION } from '../../contract/collections.ts';

const DEFAULT_DB = 'dialgraph';
const DEFAULT_MAX_TIME_MS = 15_000;
// The driver's 30 s default would keep a request hanging that long before SERVICE_UNAVAILABLE.
export const DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 5_000;

export interface MongoStoreOptions {
  /** Connection string; options in it (replicaSet, tls, readPreference…) are honoured. */
  uri: string;
  /** Database holding `calls` and `api_keys`; default `dialgraph`. */
  db?: string;
  /**
   * Read preference for analytics aggregations only, e.g. `secondaryPreferred`. Key lookups
   * keep the URI's preference (usually primary) so a key works the moment it is created.
   */
  readPreference?: string;
  /** Tag sets for `readPreference`, e.g. `[{ nodeType: 'ANALYTICS' }]` for Atlas analytics nodes. */
  readPreferenceTags?: TagSet[];
  /** Default time budget of an aggregation; default 15,000 ms. */
  maxTimeMS?: number;
  /** How long to look for a usable server before failing; default 5,000 ms unless the URI sets it. */
  serverSelectionTimeoutMS?: number;
  /** Where connection problems seen outside a request go; default stderr. */
  log?: (message: string) => void;
}

/** Aggregate options the MongoDB adapter also understands. */
export interface MongoAggregateOptions extends AggregateOptions {
  /**
   * Collation of the aggregation. A case-insensitive match (`{ locale: 'en', strength: 2 }`) can
   * then use the collated `user_email` index (see indexes.ts).
   */
  collation?: CollationOptions;
}

/** The MongoDB adapter of the `CallStore` port, plus the database handle the CLI needs. */
export interface MongoStore extends CallStore {
  readonly engine: 'mongodb';
  ping(): Promise<void>;
  /** Name of the database in use. */
  readonly dbName: string;
  /** Any pipeline, as on the embedded adapter; the `CallStore` port takes only a `ScopedPipeline`. */
  aggregate<T = Record<string, unknown>>(pipeline: Pipeline, options?: MongoAggregateOptions): Promise<T[]>;
  explain(pipeline: Pipeline, options?: Pick<AggregateOptions, 'collection'>): Promise<PlanSummary>;
  /** Connects if needed and returns the database; rejects with `StoreUnavailableError` when unreachable. */
  database(): Promise<Db>;
}

/**
 * Creates the MongoDB store without waiting for the server: it connects in the background and
 * on first use, so a gateway started while MongoDB is down keeps serving and answers
 * `SERVICE_UNAVAILABLE` until the server is back. Driver errors come out as
 * `StoreUnavailableError` / `QueryTimeoutError` (see map-mongo-error.ts). Rejects only on
 * configuration errors (malformed URI, unknown read preference).
 */
export async function createMongoStore(options: MongoStoreOptions): Promise<MongoStore> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const dbName = options.db || DEFAULT_DB;
  const maxTimeMS = options.maxTimeMS ?? DEFAULT_MAX_TIME_MS;
  const readPreference = parseReadPreference(options.readPreference, options.readPreferenceTags);
  const holder = createClientHolder({ uri: options.uri, clientOptions: clientOptions(options), log });

  /** Runs one operation on a connected client, mapping driver errors to the store's. */
  async function withClient<T>(operation: (db: Db) => Promise<T>): Promise<T> {
    let client: MongoClient | undefined;
    try {
      client = await holder.get();
      return await operation(client.db(dbName));
    } catch (error) {
      if (client && isClientDead(error)) holder.discard(client);
      throw mapMongoError(error);
    }
  }

  // Warm up so the first request does not pay for the handshake, and so an unreachable server
  // shows in the log at startup rather than only on the first query.
  holder.get().catch((error: unknown) => {
    log(`MongoDB not reachable yet (${(error as Error).message}); queries answer SERVICE_UNAVAILABLE until it is.`);
  });

  return {
    engine: 'mongodb',
    dbName,
    aggregate<T = Record<string, unknown>>(pipeline: Pipeline, aggregateOptions?: MongoAggregateOptions): Promise<T[]> {
      return withClient(async (db) => {
        const rows = await db
          .collection(aggregateOptions?.collection ?? CALLS_COLLECTION)
          .aggregate(pipeline, {
            maxTimeMS: aggregateOptions?.maxTimeMS ?? maxTimeMS,
            // $group/$sort over months of calls can pass the 100 MB in-memory stage limit.
            allowDiskUse: true,
            ...(readPreference ? { readPreference } : {}),
            ...(aggregateOptions?.collation ? { collation: aggregateOptions.collation } : {}),
          })
          .toArray();
        // Rows are whatever the pipeline's last stage shapes; the caller names that shape.
        // Long and Decimal128 values become exact numbers or a StoredValueError, never 0.
        return exactNumbers(rows) as T[];
      });
    },
    explain(pipeline: Pipeline, explainOptions?: Pick<AggregateOptions, 'collection'>): Promise<PlanSummary> {
      return withClient(async (db) =>
        summarizePlan(
          await db
            .collection(explainOptions?.collection ?? CALLS_COLLECTION)
            .aggregate(pipeline, { maxTimeMS, allowDiskUse: true, ...(readPreference ? { readPreference } : {}) })
            .explain('executionStats'),
        ),
      );
    },
    findApiKeys(keyHashes: readonly string[]): Promise<ApiKeyRecord[]> {
      if (keyHashes.length === 0) return Promise.resolve([]);
      return withClient((db) =>
        db
          .collection<ApiKeyRecord>(API_KEYS_COLLECTION)
          .find({ key_hash: { $in: [...keyHashes] } }, { projection: { _id: 0 }, maxTimeMS })
          .toArray(),
      );
    },
    ping(): Promise<void> {
      // Bounded by server selection (--server-selection-timeout-ms) like every other call.
      return withClient(async (db) => {
        await db.command({ ping: 1 });
      });
    },
    database(): Promise<Db> {
      return withClient(async (db) => db);
    },
    close(): Promise<void> {
      return holder.close();
    },
  };
}

function clientOptions(options: MongoStoreOptions): MongoClientOptions {
  const uriSetsSelectionTimeout = /[?&]serverSelectionTimeoutMS=/i.test(options.uri);
  const serverSelectionTimeoutMS =
    options.serverSelectionTimeoutMS ?? (uriSetsSelectionTimeout ? undefined : DEFAULT_SERVER_SELECTION_TIMEOUT_MS);
  return {
    appName: 'dialgraph',
    ...(serverSelectionTimeoutMS !== undefined ? { serverSelectionTimeoutMS } : {}),
  };
}
