import { open } from 'node:fs/promises';
import type { CallDocument } from '../../contract/call-document.ts';
import { checkCallDocument } from './check-call-document.ts';
import { DataFileError } from './data-file-error.ts';
import { findDuplicateKey } from './find-duplicate-key.ts';
import { parseExtendedJson } from './parse-extended-json.ts';

export { DataFileError } from './data-file-error.ts';

/**
 * Loads a call data file: NDJSON, one call document a line, in MongoDB Extended JSON
 * (relaxed or canonical, as `mongoexport` writes it; dates as `{"$date": "…"}` or
 * `{"$date": {"$numberLong": "…"}}`). Blank lines are skipped; CRLF line ends and a leading
 * BOM are accepted. The file is streamed line by line, so only the documents stay in memory.
 *
 * Each document must pass `checkCallDocument` (every contract field against its type, DESIGN
 * 2.3) and hold no duplicated JSON key; an ObjectId `_id` becomes its 24-hex string
 * because the embedded engine stores ids as strings. The first bad line, or a repeated
 * `_id`, rejects the whole load with a `DataFileError` naming the file, the 1-based line and the field
 * (`calls.ndjson:17: ai_score: NaN is not a finite number from 0 to 100`): nothing is returned half-loaded.
 */
export async function loadCallsFile(path: string): Promise<CallDocument[]> {
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw new DataFileError({ path, problem: `cannot read file (${messageOf(error)})`, cause: error });
  });
  const calls: CallDocument[] = [];
  const lineOfId = new Map<string, number>();
  let line = 0;
  try {
    for await (const rawText of handle.readLines({ encoding: 'utf8' })) {
      line += 1;
      const text = line === 1 && rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
      if (text.trim() === '') continue;
      const call = parseLine({ text, path, line });
      const id = call._id as string;
      const firstLine = lineOfId.get(id);
      if (firstLine !== undefined) {
        throw new DataFileError({ path, line, problem: `duplicate _id ${JSON.stringify(id)} (first on line ${firstLine})` });
      }
      lineOfId.set(id, line);
      calls.push(call);
    }
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new DataFileError({ path, problem: `cannot read file (${messageOf(error)})`, cause: error });
  } finally {
    await handle.close();
  }
  return calls;
}

function parseLine(options: { text: string; path: string; line: number }): CallDocument {
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
  const check = checkCallDocument(value);
  if (!check.ok) throw new DataFileError({ path, line, field: check.field, problem: check.problem });
  return check.call;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
