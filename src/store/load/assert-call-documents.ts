import type { CallDocument } from '../../contract/call-document.ts';
import { checkCallDocument } from './check-call-document.ts';
import { DataFileError } from './data-file-error.ts';

/**
 * The same contract checks the loader applies, over documents built in memory before they are
 * written somewhere (`dialgraph seed` into MongoDB): the first broken document throws a
 * `DataFileError` naming `source[index]` and the field. Ids are left as they are.
 */
export function assertCallDocuments(calls: readonly CallDocument[], source: string): void {
  for (let index = 0; index < calls.length; index++) {
    const check = checkCallDocument(calls[index], { idsAsStrings: false });
    if (!check.ok) throw new DataFileError({ path: source, entry: index, field: check.field, problem: check.problem });
  }
}
