import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { EJSON } from 'bson';
import type { CallDocument } from '../contract/call-document.ts';
import type { VocabularyEntry } from '../contract/vocabulary-entry.ts';
import type { DemoKey } from './demo-keys.ts';

/** Lines are written in chunks of about this many characters (one write call per chunk). */
const CHUNK_CHARS = 1 << 20;

/**
 * Streams calls to `path` as NDJSON in relaxed MongoDB Extended JSON, one call a line — what
 * `mongoexport` writes and what `dialgraph serve --data` and `mongoimport` read. Dates become
 * `{"$date":"<ISO>"}`. Written in chunks with backpressure, so a million calls never sit in
 * memory as one string. Rejects (and closes the file) on the first write error.
 */
export function writeCallsNdjson(calls: Iterable<CallDocument>, path: string): Promise<void> {
  return writeNdjson(calls, path);
}

/** Writes vocabulary entries (DESIGN 2.4) the same way: the `--vocabulary` file format. */
export function writeVocabularyNdjson(entries: Iterable<VocabularyEntry>, path: string): Promise<void> {
  return writeNdjson(entries, path);
}

async function writeNdjson(docs: Iterable<object>, path: string): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  // Without a listener an early write error would be thrown as an uncaught 'error' event.
  const failure = once(out, 'error').then(([error]) => {
    throw error;
  });
  failure.catch(() => undefined);
  try {
    let chunk = '';
    for (const doc of docs) {
      chunk += EJSON.stringify(doc, { relaxed: true });
      chunk += '\n';
      if (chunk.length >= CHUNK_CHARS) {
        if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failure]);
        chunk = '';
      }
    }
    if (chunk !== '') out.write(chunk);
    out.end();
    await Promise.race([finished(out), failure]);
  } catch (error) {
    out.destroy();
    throw error;
  }
}

/**
 * Writes demo keys as the `--keys` file of DESIGN 2.2: a pretty-printed JSON array of
 * `{ key, tenant_id, user_id?, user_email, role, name }` (`name` is optional for the loader,
 * which hashes each key on load).
 */
export async function writeKeysJson(keys: readonly DemoKey[], path: string): Promise<void> {
  const entries = keys.map((k) => ({
    key: k.key,
    tenant_id: k.tenant_id,
    ...(k.user_id === undefined ? {} : { user_id: k.user_id }),
    user_email: k.user_email,
    role: k.role,
    name: k.name,
  }));
  await writeFile(path, `${JSON.stringify(entries, null, 2)}\n`, 'utf8');
}
