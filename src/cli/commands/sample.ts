import { basename, dirname, join, resolve } from 'node:path';
import { sampleVocabulary } from '../../sample/account-vocabulary.ts';
import { demoApiKeys } from '../../sample/demo-keys.ts';
import { DEFAULT_SAMPLE_CALLS, DEFAULT_SAMPLE_DAYS, DEFAULT_SAMPLE_SEED, generateSampleCalls } from '../../sample/generate.ts';
import { writeCallsNdjson, writeKeysJson, writeVocabularyNdjson } from '../../sample/write-ndjson.ts';
import { readPositiveInt, UsageError, type Command, type OptionValues } from '../command.ts';

/**
 * `dialgraph sample`: writes deterministic sample calls as NDJSON (MongoDB Extended JSON), the
 * sample accounts' vocabularies next to them (DESIGN 2.4), and optionally the demo keys file. With a fixed `--now` (and the same seed, calls and days)
 * the output is byte-identical on every run and machine.
 */
export const sampleCommand: Command = {
  name: 'sample',
  summary: 'Write deterministic sample calls as NDJSON, their accounts\' vocabularies (and optionally the demo keys file)',
  options: {
    out: {
      type: 'string',
      env: 'DIALGRAPH_SAMPLE_OUT',
      placeholder: 'file',
      description: 'Where to write the calls, one MongoDB Extended JSON document a line (required)',
    },
    calls: {
      type: 'string',
      env: 'DIALGRAPH_SAMPLE_CALLS',
      placeholder: 'n',
      default: String(DEFAULT_SAMPLE_CALLS),
      description: 'Number of sample calls',
    },
    seed: {
      type: 'string',
      env: 'DIALGRAPH_SEED',
      placeholder: 'n',
      default: String(DEFAULT_SAMPLE_SEED),
      description: 'Random seed; the same seed and --now give the same calls',
    },
    days: {
      type: 'string',
      env: 'DIALGRAPH_SAMPLE_DAYS',
      placeholder: 'n',
      default: String(DEFAULT_SAMPLE_DAYS),
      description: 'Spread the calls over this many days up to --now',
    },
    now: {
      type: 'string',
      env: 'DIALGRAPH_NOW',
      placeholder: 'instant',
      description: 'ISO 8601 instant the data ends at (default: the current time); fix it for byte-identical output',
    },
    'vocabulary-out': {
      type: 'string',
      env: 'DIALGRAPH_SAMPLE_VOCABULARY_OUT',
      placeholder: 'file',
      description: 'Where to write the sample accounts\' vocabularies (serve --vocabulary) (default: next to --out, calls.ndjson → calls.vocabulary.ndjson)',
    },
    'keys-out': {
      type: 'string',
      env: 'DIALGRAPH_SAMPLE_KEYS_OUT',
      placeholder: 'file',
      description: 'Also write the demo API keys in the --keys file format (public demo keys, never for production)',
    },
  },
  async run(values) {
    const flags = readSampleFlags(values);
    const calls = generateSampleCalls({ calls: flags.calls, seed: flags.seed, days: flags.days, now: flags.now });
    await writeCallsNdjson(calls, flags.out);
    process.stdout.write(
      `Wrote ${calls.length.toLocaleString('en-US')} sample calls to ${resolve(flags.out)} ` +
        `(seed ${flags.seed}, ${flags.days} days up to ${flags.now.toISOString()}).\n`,
    );
    const vocabulary = sampleVocabulary();
    await writeVocabularyNdjson(vocabulary, flags.vocabularyOut);
    process.stdout.write(`Wrote ${vocabulary.length} vocabulary entries of the sample accounts to ${resolve(flags.vocabularyOut)}.\n`);
    if (flags.keysOut !== undefined) {
      const keys = demoApiKeys();
      await writeKeysJson(keys, flags.keysOut);
      process.stdout.write(`Wrote ${keys.length} demo API keys to ${resolve(flags.keysOut)} (public; for demos only).\n`);
    }
  },
};

/** The validated flags of `sample`. */
export interface SampleFlags {
  out: string;
  calls: number;
  seed: number;
  days: number;
  now: Date;
  vocabularyOut: string;
  keysOut?: string;
}

/** Reads and validates `sample`'s flags (defaults already filled in by the CLI). */
export function readSampleFlags(values: OptionValues): SampleFlags {
  const out = readPath(values, 'out');
  if (out === undefined) throw new UsageError('--out is required (or set DIALGRAPH_SAMPLE_OUT): the file to write the sample calls to');
  return {
    out,
    calls: readPositiveInt(values, 'calls') ?? DEFAULT_SAMPLE_CALLS,
    seed: readSeed(values.seed),
    days: readPositiveInt(values, 'days') ?? DEFAULT_SAMPLE_DAYS,
    now: readNow(values.now),
    vocabularyOut: readPath(values, 'vocabulary-out') ?? besideCalls(out),
    keysOut: readPath(values, 'keys-out'),
  };
}

/** The vocabulary file next to the calls file: `calls.ndjson` → `calls.vocabulary.ndjson`. */
export function besideCalls(out: string): string {
  const dir = dirname(out);
  const name = basename(out);
  const stem = name.replace(/\.(nd)?json$/i, '');
  return join(dir, `${stem === '' ? name : stem}.vocabulary.ndjson`);
}

function readPath(values: OptionValues, flag: string): string | undefined {
  const raw = values[flag];
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw new UsageError(`--${flag} needs a file path`);
  return raw;
}

function readSeed(raw: OptionValues[string]): number {
  if (raw === undefined || raw === '') return DEFAULT_SAMPLE_SEED;
  const n = Number(raw);
  // Same rule as `dialgraph seed`: 0 is a fine seed.
  if (!Number.isSafeInteger(n) || n < 0) throw new UsageError(`--seed must be a non-negative integer, got "${String(raw)}"`);
  return n;
}

/** An ISO 8601 date-time with an explicit zone (`Z` or `±hh:mm`); the default is the current time. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function readNow(raw: OptionValues[string]): Date {
  if (raw === undefined || raw === '') return new Date();
  const text = String(raw).trim();
  const now = new Date(text);
  // A zone is required: a bare local time would make "byte-identical" depend on the machine.
  if (!ISO_INSTANT.test(text) || Number.isNaN(now.getTime())) {
    throw new UsageError(`--now must be an ISO 8601 instant with a zone, e.g. 2025-06-01T12:00:00Z, got "${String(raw)}"`);
  }
  return now;
}
