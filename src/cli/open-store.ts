import type { CallStore } from '../store/call-store.ts';
import { createEmbeddedStore } from '../store/embedded/embedded-store.ts';
import { loadCallsFile } from '../store/load/ndjson-calls.ts';
import { loadKeysFile, toApiKeyRecords } from '../store/load/keys-file.ts';
import { loadVocabularyFile } from '../store/load/vocabulary-file.ts';
import { sampleVocabulary } from '../sample/account-vocabulary.ts';
import { createMongoStore } from '../store/mongo/mongo-store.ts';
import { demoApiKeys, type DemoKey } from '../sample/demo-keys.ts';
import { DEFAULT_SAMPLE_CALLS, generateSampleCalls } from '../sample/generate.ts';
import { createProgressBar } from './progress-bar.ts';
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
    if (values.data || values.keys || values.vocabulary) {
      throw new UsageError('--data, --vocabulary and --keys are for the embedded engine; with --mongodb-uri use "dialgraph seed" and "dialgraph keys create"');
    }
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
  const vocabularyPath = values.vocabulary as string | undefined;
  const calls = dataPath ? await stage(`Reading ${dataPath}`, () => loadCallsFile(dataPath), (c) => c.length) : generate(values, now);
  // Given data comes with its own vocabulary or none (every list then shows the values its calls hold).
  const vocabularies = vocabularyPath ? await loadVocabularyFile(vocabularyPath) : dataPath ? [] : sampleVocabulary();
  const demoKeys = keysPath ? [] : demoApiKeys();
  const apiKeys = keysPath ? await loadKeysFile(keysPath) : toApiKeyRecords(demoKeys, now);
  const store = await stage('Loading the calls into the embedded engine', async () => createEmbeddedStore({ calls, apiKeys, vocabularies }), () => calls.length);
  const what = [
    dataPath ? `${calls.length.toLocaleString('en')} calls from ${dataPath}` : `${calls.length.toLocaleString('en')} sample calls`,
    vocabularyPath ? `, ${vocabularies.length.toLocaleString('en')} vocabulary entries from ${vocabularyPath}` : '',
  ].join('');
  return {
    store,
    description: `${what} on the embedded engine`,
    demoKeys,
    graphiqlKey: demoKeys.find((key) => key.role === 'user' && !key.user_id)?.key,
    adminKey: demoKeys.find((key) => key.role === 'super_admin')?.key,
    sampleNow: dataPath ? undefined : now,
  };
}

/** Sample data with a progress bar on stderr (a line per 10 % when stderr is not a terminal). */
function generate(values: OptionValues, now: Date) {
  const total = readPositiveInt(values, 'sample-calls') ?? DEFAULT_SAMPLE_CALLS;
  const bar = createProgressBar({ total, label: 'sample calls generated', showRate: true });
  const calls = generateSampleCalls({ calls: total, seed: readPositiveInt(values, 'seed'), now, onProgress: (done) => bar.update(done) });
  bar.finish();
  return calls;
}

/** One start-up stage as lines on stderr: what, then how many calls in how long, and the rate. */
async function stage<T>(what: string, work: () => Promise<T>, count: (result: T) => number): Promise<T> {
  process.stderr.write(`${what}…\n`);
  const started = Date.now();
  const result = await work();
  const seconds = (Date.now() - started) / 1000;
  const n = count(result);
  const rate = seconds > 0.05 && n > 0 ? `, ${Math.round(n / seconds).toLocaleString('en-US')} calls/s` : '';
  process.stderr.write(`${what}: ${n.toLocaleString('en-US')} calls in ${seconds.toFixed(1)} s${rate}\n`);
  return result;
}
