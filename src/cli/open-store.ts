import type { CallStore } from '../store/call-store.ts';
import { createEmbeddedStore } from '../store/embedded/embedded-store.ts';
import { loadCallsFile } from '../store/load/ndjson-calls.ts';
import { loadKeysFile, toApiKeyRecords } from '../store/load/keys-file.ts';
import { createMongoStore } from '../store/mongo/mongo-store.ts';
import { demoApiKeys, type DemoKey } from '../sample/demo-keys.ts';
import { generateSampleCalls } from '../sample/generate.ts';
import { UsageError, readPositiveInt, type OptionValues } from './command.ts';

export interface OpenedStore {
  store: CallStore;
  description: string;
  /** Keys to print at start (demo keys only; real keys are never printed). */
  demoKeys: DemoKey[];
  /** Pre-filled in GraphiQL's headers. */
  graphiqlKey?: string;
  /** The demo super-admin key (GraphiQL's admin examples tab). */
  adminKey?: string;
  /** Set when serving generated sample data: the moment it ends. */
  sampleNow?: Date;
}

/** Chooses and opens the store the serve flags describe. */
export async function openStore(values: OptionValues): Promise<OpenedStore> {
  const uri = values['mongodb-uri'] as string | undefined;
  if (uri) {
    if (values.data || values.keys) throw new UsageError('--data and --keys are for the embedded engine; with --mongodb-uri use "dialgraph seed" and "dialgraph keys create"');
    const store = await createMongoStore({
      uri,
      db: String(values.db),
      readPreference: values['read-preference'] as string | undefined,
      maxTimeMS: readPositiveInt(values, 'max-time-ms'),
      serverSelectionTimeoutMS: readPositiveInt(values, 'server-selection-timeout-ms'),
    });
    return { store, description: `MongoDB database "${String(values.db)}"`, demoKeys: [] };
  }

  const dataPath = values.data as string | undefined;
  const keysPath = values.keys as string | undefined;
  const now = new Date();
  const calls = dataPath
    ? await loadCallsFile(dataPath)
    : generateSampleCalls({ calls: readPositiveInt(values, 'sample-calls'), seed: readPositiveInt(values, 'seed'), now });
  const demoKeys = keysPath ? [] : demoApiKeys();
  const apiKeys = keysPath ? await loadKeysFile(keysPath) : toApiKeyRecords(demoKeys, now);
  const store = createEmbeddedStore({ calls, apiKeys });
  const what = dataPath ? `${calls.length.toLocaleString('en')} calls from ${dataPath}` : `${calls.length.toLocaleString('en')} sample calls`;
  return {
    store,
    description: `${what} on the embedded engine`,
    demoKeys,
    graphiqlKey: demoKeys.find((key) => key.role === 'user' && !key.user_id)?.key,
    adminKey: demoKeys.find((key) => key.role === 'super_admin')?.key,
    sampleNow: dataPath ? undefined : now,
  };
}
