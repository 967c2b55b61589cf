import type { CallDocument } from '../../contract/call-document.ts';
import { checkCallDocument } from './check-call-document.ts';
import { loadNdjsonDocuments } from './ndjson-documents.ts';

export { DataFileError } from './data-file-error.ts';

/**
 * Loads a call data file (`--data`): NDJSON in MongoDB Extended JSON, one call a line (see
 * `loadNdjsonDocuments` for the format and the errors).
 *
 * Each document must pass `checkCallDocument` (every contract field against its type, DESIGN
 * 2.3); an ObjectId `_id` becomes its 24-hex string because the embedded engine stores ids as
 * strings. The first bad line, or a repeated `_id`, rejects the whole load with a
 * `DataFileError` naming the file, the 1-based line and the field
 * (`calls.ndjson:17: ai_score: NaN is not a finite number from 0 to 100`).
 */
export function loadCallsFile(path: string): Promise<CallDocument[]> {
  return loadNdjsonDocuments(path, {
    check: (value) => {
      const check = checkCallDocument(value);
      return check.ok ? { ok: true, doc: check.call } : check;
    },
    key: (call) => ({ key: call._id as string, describe: `duplicate _id ${JSON.stringify(call._id)}` }),
  });
}
