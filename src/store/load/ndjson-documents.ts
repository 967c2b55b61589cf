import { open } from 'node:fs/promises';
import { DataFileError } from './data-file-error.ts';
import { findDuplicateKey } from './find-duplicate-key.ts';
import { parseExtendedJson } from './parse-extended-json.ts';

/** A checked document, or what is wrong with it and in which field. */
export type DocumentCheck<T> = { readonly ok: true; readonly doc: T } | { readonly ok: false; readonly field?: string; readonly problem: string };

/** What one kind of NDJSON data file (calls, vocabularies) checks per line. */
export interface NdjsonDocuments<T> {
  /** The contract's checks of one parsed document (DESIGN 2.3, 2.4). */
  check(value: unknown): DocumentCheck<T>;
  /** The document's unique key, and how a repeat of it reads (`duplicate _id "c1"`). */
  key(doc: T): { key: string; describe: string };
}

/**
 * Loads an NDJSON data file: one document a line, in MongoDB Extended JSON (relaxed or
 * canonical, as `mongoexport` writes it; dates as `{"$date": "…"}` or
 * `{"$date": {"$numberLong": "…"}}`). Blank lines are skipped; CRLF line ends and a leading
 * BOM are accepted. The file is streamed line by line, so only the documents stay in memory.
 *
 * Each document must pass `kind.check` and hold no duplicated JSON key, and no two lines may
 * share `kind.key`. The first bad line rejects the whole load with a `DataFileError` naming
 * the file, the 1-based line and the field (`calls.ndjson:17: ai_score: NaN is not a finite
 * number from 0 to 100`): nothing is returned half-loaded.
 */
export async function loadNdjsonDocuments<T>(path: string, kind: NdjsonDocuments<T>): Promise<T[]> {
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw new DataFileError({ path, problem: `cannot read file (${messageOf(error)})`, cause: error });
  });
  const docs: T[] = [];
  const lineOfKey = new Map<string, number>();
  let line = 0;
  try {
    for await (const rawText of handle.readLines({ encoding: 'utf8' })) {
      line += 1;
      const text = line === 1 && rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
      if (text.trim() === '') continue;
      const doc = parseLine({ text, path, line, check: kind.check });
      const { key, describe } = kind.key(doc);
      const firstLine = lineOfKey.get(key);
      if (firstLine !== undefined) throw new DataFileError({ path, line, problem: `${describe} (first on line ${firstLine})` });
      lineOfKey.set(key, line);
      docs.push(doc);
    }
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new DataFileError({ path, problem: `cannot read file (${messageOf(error)})`, cause: error });
  } finally {
    await handle.close();
  }
  return docs;
}

function parseLine<T>(options: { text: string; path: string; line: number; check: NdjsonDocuments<T>['check'] }): T {
  const { text, path, line } = options;
  let value: unknown;
  try {
    value = parseExtendedJson(text);
  } catch (error) {
    throw new DataFileError({ path, line, problem: `not valid Extended JSON (${messageOf(error)})`, cause: error });
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate !== null) {
    throw new DataFileError({ path, line, field: duplicate, problem: `${duplicate}: the JSON key appears twice in one object` });
  }
  const check = options.check(value);
  if (!check.ok) throw new DataFileError({ path, line, field: check.field, problem: check.problem });
  return check.doc;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
