import type { Db } from 'mongodb';
import type { ApiKeyRecord } from '../../contract/api-key-record.ts';
import { hashApiKey } from '../../contract/hash-api-key.ts';
import { DEFAULT_SAMPLE_CALLS, DEFAULT_SAMPLE_DAYS, DEFAULT_SAMPLE_SEED, generateSampleCalls } from '../../sample/generate.ts';
import { demoApiKeys } from '../../sample/demo-keys.ts';
import { upsertApiKeys } from '../../store/mongo/api-keys.ts';
import { MONGO_CONNECTION_OPTIONS, withMongoStore } from '../mongo-connection.ts';
import { ensureIndexes } from '../../store/mongo/indexes.ts';
import { insertCalls } from '../../store/mongo/insert-calls.ts';
import { assertCallDocuments } from '../../store/load/assert-call-documents.ts';
import { CALLS_COLLECTION, VOCABULARIES_COLLECTION } from '../../store/mongo/mongo-store.ts';
import { upsertVocabulary } from '../../store/mongo/vocabularies.ts';
import { assertVocabularyEntries } from '../../store/load/vocabulary-file.ts';
import { sampleVocabulary } from '../../sample/account-vocabulary.ts';
import { readBooleanFlag, readPositiveInt, UsageError, type Command, type OptionValues } from '../command.ts';
import { createProgressBar } from '../progress-bar.ts';

const BATCH_SIZE = 5_000;
const NAMESPACE_NOT_FOUND = 26;

/**
 * `dialgraph seed`: loads deterministic sample calls and the sample accounts' vocabularies into
 * MongoDB, then creates the indexes.
 */
export const seedCommand: Command = {
  name: 'seed',
  summary: 'Load deterministic sample calls, their accounts\' vocabularies (and optionally the demo API keys) into MongoDB, then create the indexes',
  options: {
    ...MONGO_CONNECTION_OPTIONS,
    calls: {
      type: 'string',
      env: 'DIALGRAPH_SAMPLE_CALLS',
      placeholder: 'n',
      default: String(DEFAULT_SAMPLE_CALLS),
      description: 'Number of sample calls to insert',
    },
    seed: {
      type: 'string',
      env: 'DIALGRAPH_SEED',
      placeholder: 'n',
      default: String(DEFAULT_SAMPLE_SEED),
      description: 'Random seed; the same seed gives the same calls (relative to the current time)',
    },
    days: {
      type: 'string',
      env: 'DIALGRAPH_SAMPLE_DAYS',
      placeholder: 'n',
      default: String(DEFAULT_SAMPLE_DAYS),
      description: 'Spread the calls over this many days up to now',
    },
    drop: {
      type: 'boolean',
      env: 'DIALGRAPH_SEED_DROP',
      description: 'Drop the calls collection first (api_keys is kept)',
    },
    'allow-demo-keys': {
      type: 'boolean',
      env: 'DIALGRAPH_ALLOW_DEMO_KEYS',
      description: 'With --with-demo-keys: store them in a MongoDB that is not on loopback anyway (refused otherwise)',
    },
    'with-demo-keys': {
      type: 'boolean',
      env: 'DIALGRAPH_SEED_DEMO_KEYS',
      description: 'Also store the demo API keys (hashed) and print them; they are public, never use them in production',
    },
  },
  async run(values) {
    const flags = readSeedFlags(values);
    if (flags.withDemoKeys && !readBooleanFlag(values, 'allow-demo-keys') && !isLoopbackMongoUri(String(values['mongodb-uri'] ?? ''))) {
      throw new UsageError(
        'refusing to store the public demo keys (a super-admin key among them) in a MongoDB that is not on loopback: ' +
          'create real keys with "dialgraph keys create", or pass --allow-demo-keys if this really is a demo database',
      );
    }
    const calls = generateSampleCalls({ calls: flags.calls, seed: flags.seed, days: flags.days, now: new Date() });
    const vocabulary = sampleVocabulary();
    // What reaches MongoDB passes the checks a data file must pass (DESIGN 2.3, 2.4), before anything is dropped.
    assertCallDocuments(calls, 'sample calls');
    assertVocabularyEntries(vocabulary, 'sample vocabulary');
    await withMongoStore(values, async (_store, db) => {
      if (flags.drop) await dropCalls(db);

      const bar = createProgressBar({ total: calls.length, label: 'calls inserted' });
      const result = await insertCalls({ db, calls, batchSize: BATCH_SIZE, onProgress: (done) => bar.update(done) });
      bar.finish();
      const skipped = result.duplicates ? ` (${result.duplicates.toLocaleString('en-US')} already present, skipped)` : '';
      process.stdout.write(`Inserted ${result.inserted.toLocaleString('en-US')} calls into ${db.databaseName}.${CALLS_COLLECTION}${skipped}.\n`);

      // Upserted by { tenant_id, kind, value }: a second seed adds nothing.
      const defined = await upsertVocabulary(db, vocabulary);
      process.stdout.write(
        `Upserted the sample accounts' vocabularies into ${db.databaseName}.${VOCABULARIES_COLLECTION}: ` +
          `${defined.inserted} new, ${defined.updated} changed, ${vocabulary.length - defined.inserted - defined.updated} already there.\n`,
      );

      if (flags.withDemoKeys) {
        const keys = demoApiKeys();
        const now = new Date();
        await upsertApiKeys(db, keys.map((demo) => demoKeyRecord(demo, now)));
        process.stdout.write(`Stored ${keys.length} demo API keys (public; for demos only):\n`);
        for (const demo of keys) process.stdout.write(`  ${demo.role.padEnd(11)} ${demo.tenant_id.padEnd(12)} ${demo.key}\n`);
      }

      const indexes = await ensureIndexes(db);
      process.stdout.write(`Ensured ${indexes.length} indexes (run \`dialgraph indexes\` to see why each exists).\n`);
    });
  },
};

/** The validated flags of `seed`. */
export interface SeedFlags {
  calls: number;
  seed: number;
  days: number;
  drop: boolean;
  withDemoKeys: boolean;
}

/** Reads and validates `seed`'s flags (defaults already filled in by the CLI). */
export function readSeedFlags(values: OptionValues): SeedFlags {
  return {
    calls: readPositiveInt(values, 'calls') ?? DEFAULT_SAMPLE_CALLS,
    seed: readSeed(values.seed),
    days: readPositiveInt(values, 'days') ?? DEFAULT_SAMPLE_DAYS,
    drop: readBooleanFlag(values, 'drop'),
    withDemoKeys: readBooleanFlag(values, 'with-demo-keys'),
  };
}

function readSeed(raw: OptionValues[string]): number {
  if (raw === undefined || raw === '') return DEFAULT_SAMPLE_SEED;
  const n = Number(raw);
  // 0 is a fine seed; the generator folds the value to 32 bits.
  if (!Number.isSafeInteger(n) || n < 0) throw new UsageError(`--seed must be a non-negative integer, got "${String(raw)}"`);
  return n;
}


/** True when every host of a `mongodb://` URI is loopback; `mongodb+srv://` never is. */
export function isLoopbackMongoUri(uri: string): boolean {
  const match = /^mongodb:\/\/(?:[^@/]*@)?([^/?]+)/.exec(uri.trim());
  if (!match) return false;
  return match[1].split(',').every((hostPort) => {
    const host = hostPort.startsWith('[') ? hostPort.slice(1, hostPort.indexOf(']')) : hostPort.replace(/:\d+$/, '');
    return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  });
}

async function dropCalls(db: Db): Promise<void> {
  try {
    await db.collection(CALLS_COLLECTION).drop();
    process.stderr.write(`Dropped ${db.databaseName}.${CALLS_COLLECTION}.\n`);
  } catch (error) {
    // Dropping a collection that does not exist is what the user wanted anyway.
    if ((error as { code?: unknown }).code !== NAMESPACE_NOT_FOUND) throw error;
  }
}

type DemoKey = ReturnType<typeof demoApiKeys>[number];

function demoKeyRecord(demo: DemoKey, now: Date): ApiKeyRecord {
  return {
    key_hash: hashApiKey(demo.key),
    tenant_id: demo.tenant_id,
    ...(demo.user_id ? { user_id: demo.user_id } : {}),
    user_email: demo.user_email,
    role: demo.role,
    name: demo.name,
    created_at: now,
  };
}
