import { createRequire } from 'node:module';
import {
  MongoBulkWriteError,
  MongoClientClosedError,
  MongoNetworkError,
  MongoNetworkTimeoutError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/command.ts';
import { indexesCommand } from '../../src/cli/commands/indexes.ts';
import { QueryTimeoutError, StoreUnavailableError } from '../../src/store/errors.ts';
import { mapMongoError } from '../../src/store/mongo/map-mongo-error.ts';
import { createMongoStore } from '../../src/store/mongo/mongo-store.ts';

// PoolClearedError is not part of the driver's public exports; the table still wants the real class.
const { PoolClearedError } = createRequire(import.meta.url)('mongodb/lib/cmap/errors.js') as {
  PoolClearedError: new (pool: { address: string; serverError?: Error }) => Error;
};

function systemError(code: string): Error {
  return Object.assign(new Error(`querySrv ${code} _mongodb._tcp.cluster.example`), { code });
}

const serverError = (code: number, codeName: string) => new MongoServerError({ ok: 0, code, codeName, errmsg: `${codeName} happened` });

describe('mapMongoError', () => {
  const cases: [string, () => unknown, typeof QueryTimeoutError | typeof StoreUnavailableError | 'unchanged'][] = [
    ['MaxTimeMSExpired (50)', () => serverError(50, 'MaxTimeMSExpired'), QueryTimeoutError],
    ['ExceededTimeLimit (262)', () => serverError(262, 'ExceededTimeLimit'), QueryTimeoutError],
    ['client-side operation timeout', () => new MongoOperationTimeoutError('Timed out'), QueryTimeoutError],
    ['server selection failed', () => new MongoServerSelectionError('Server selection timed out after 300 ms', { servers: new Map() } as never), StoreUnavailableError],
    ['network error', () => new MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017'), StoreUnavailableError],
    ['network timeout', () => new MongoNetworkTimeoutError('connection timed out'), StoreUnavailableError],
    ['pool cleared', () => new PoolClearedError({ address: 'db1:27017' }), StoreUnavailableError],
    ['topology closed', () => new MongoTopologyClosedError(), StoreUnavailableError],
    ['client closed', () => new MongoClientClosedError(), StoreUnavailableError],
    ['not connected', () => new MongoNotConnectedError('Client must be connected'), StoreUnavailableError],
    ['ShutdownInProgress (91)', () => serverError(91, 'ShutdownInProgress'), StoreUnavailableError],
    ['NotPrimaryOrSecondary (13436)', () => serverError(13436, 'NotPrimaryOrSecondary'), StoreUnavailableError],
    ['FailedToSatisfyReadPreference (133)', () => serverError(133, 'FailedToSatisfyReadPreference'), StoreUnavailableError],
    ['AuthenticationFailed (18)', () => serverError(18, 'AuthenticationFailed'), StoreUnavailableError],
    ['DNS failure of an SRV host', () => systemError('ENOTFOUND'), StoreUnavailableError],
    ['connection refused before the driver', () => systemError('ECONNREFUSED'), StoreUnavailableError],
    ['bad pipeline (server error 40324)', () => serverError(40324, 'Location40324'), 'unchanged'],
    ['duplicate key', () => serverError(11000, 'DuplicateKey'), 'unchanged'],
    ['bulk write error', () => new MongoBulkWriteError({ message: 'E11000', code: 11000, writeErrors: [] }, {} as never), 'unchanged'],
    ['a plain bug', () => new TypeError('x is undefined'), 'unchanged'],
    ['a non-error value', () => 'boom', 'unchanged'],
  ];

  it.each(cases)('%s', (_name, make, expected) => {
    const error = make();
    const mapped = mapMongoError(error);
    if (expected === 'unchanged') {
      expect(mapped).toBe(error);
      return;
    }
    expect(mapped).toBeInstanceOf(expected);
    // The driver error, with host names, stays available to the log only.
    expect((mapped as Error).cause).toBe(error);
    expect((mapped as Error).message).not.toMatch(/127\.0\.0\.1|db1|cluster\.example/);
  });

  it('leaves already-mapped errors alone', () => {
    const timeout = new QueryTimeoutError('over budget');
    const unavailable = new StoreUnavailableError('down');
    expect(mapMongoError(timeout)).toBe(timeout);
    expect(mapMongoError(unavailable)).toBe(unavailable);
  });
});

describe('createMongoStore with no server', () => {
  const escaped: unknown[] = [];
  const record = (error: unknown) => escaped.push(error);
  beforeEach(() => {
    escaped.length = 0;
    process.on('unhandledRejection', record);
    process.on('uncaughtException', record);
  });
  afterEach(() => {
    process.off('unhandledRejection', record);
    process.off('uncaughtException', record);
  });

  it('resolves at once, answers StoreUnavailableError on every query, and never crashes', async () => {
    const logs: string[] = [];
    const started = Date.now();
    const store = await createMongoStore({ uri: 'mongodb://127.0.0.1:1', serverSelectionTimeoutMS: 300, log: (m) => logs.push(m) });
    expect(Date.now() - started).toBeLessThan(200);
    expect(store.engine).toBe('mongodb');
    expect(store.dbName).toBe('dialgraph');

    const first = await store.aggregate([{ $match: { tenant_id: 't1' } }]).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(StoreUnavailableError);
    // A second query tries a fresh connection (server selection again) instead of failing on a
    // closed topology forever: that is what lets the gateway recover when MongoDB comes back.
    const second = await store.aggregate([]).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(StoreUnavailableError);
    expect((second as Error).cause).toBeInstanceOf(MongoServerSelectionError);

    await expect(store.findApiKeys(['0'.repeat(64)])).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.database()).rejects.toBeInstanceOf(StoreUnavailableError);
    // No hashes, no round trip.
    await expect(store.findApiKeys([])).resolves.toEqual([]);

    await store.close();
    await expect(store.aggregate([])).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(escaped).toEqual([]);
    expect(logs.join('\n')).toMatch(/not reachable/);
  });

  it('serves concurrent queries during an outage with one connection attempt each wave', async () => {
    const store = await createMongoStore({ uri: 'mongodb://127.0.0.1:1', serverSelectionTimeoutMS: 200, log: () => undefined });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => store.aggregate([])));
    expect(results.every((r) => r.status === 'rejected' && r.reason instanceof StoreUnavailableError)).toBe(true);
    await store.close();
    expect(escaped).toEqual([]);
  });

  it('rejects configuration errors at creation', async () => {
    await expect(createMongoStore({ uri: 'http://not-mongo', log: () => undefined })).rejects.toThrow(/Invalid scheme/i);
    await expect(createMongoStore({ uri: 'mongodb://127.0.0.1:1', readPreference: 'fastest', log: () => undefined })).rejects.toThrow(
      /Unknown read preference "fastest"/,
    );
    await expect(
      createMongoStore({ uri: 'mongodb://127.0.0.1:1', readPreferenceTags: [{ nodeType: 'ANALYTICS' }], log: () => undefined }),
    ).rejects.toThrow(/need a readPreference/);
  });

  it('accepts analytics-node routing by read preference tags', async () => {
    const store = await createMongoStore({
      uri: 'mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200',
      readPreference: 'secondary',
      readPreferenceTags: [{ nodeType: 'ANALYTICS' }],
      log: () => undefined,
    });
    await expect(store.aggregate([])).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
  });
});

describe('CLI commands with no server', () => {
  it('needs --mongodb-uri', async () => {
    await expect(indexesCommand.run({ db: 'dialgraph' })).rejects.toBeInstanceOf(UsageError);
  });

  it('reports a bad URI as a usage error', async () => {
    await expect(indexesCommand.run({ 'mongodb-uri': 'localhost:27017', db: 'dialgraph' })).rejects.toBeInstanceOf(UsageError);
  });

  it('fails fast with the reason when the server is unreachable (URI options are honoured)', async () => {
    const started = Date.now();
    const error = await indexesCommand
      .run({ 'mongodb-uri': 'mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300', db: 'dialgraph' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/MongoDB is unavailable.*ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});
