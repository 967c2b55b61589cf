import { ObjectId } from 'bson';
import { VOCABULARY_KINDS, type VocabularyEntry } from '../../contract/vocabulary-entry.ts';
import type { FieldRule } from './call-field-rules.ts';
import { checkField } from './check-call-document.ts';
import { DataFileError } from './data-file-error.ts';
import { loadNdjsonDocuments, type DocumentCheck } from './ndjson-documents.ts';

/**
 * Every field of a vocabulary entry (DESIGN 2.4) with its rule, in the calls' rule language
 * (call-field-rules.ts). The `satisfies` clause makes a field added to `VocabularyEntry`
 * without a rule a type error. Fields not listed are kept as they are and never read.
 */
export const VOCABULARY_FIELD_RULES = {
  _id: { kind: 'id', presence: 'optional' },
  tenant_id: { kind: 'string', presence: 'required', nonEmpty: true },
  kind: { kind: 'enum', presence: 'required', values: VOCABULARY_KINDS },
  value: { kind: 'string', presence: 'required', nonEmpty: true },
  project_id: { kind: 'string', presence: 'optional' },
  outcome_type: { kind: 'enum', presence: 'optional', values: ['positive', 'negative', 'neutral', 'absent'] },
} as const satisfies Record<keyof VocabularyEntry, FieldRule>;

/** The fields only one kind carries: anywhere else they are a mistake worth naming. */
const ONLY_ON: Partial<Record<keyof VocabularyEntry, VocabularyEntry['kind']>> = { project_id: 'project', outcome_type: 'outcome' };

/**
 * Checks one vocabulary entry: every field against its rule, and `project_id`/`outcome_type`
 * only on the kind that has them. An ObjectId `_id` becomes its 24-hex string when
 * `idsAsStrings` is set (the embedded engine's ids are strings), in place.
 */
export function checkVocabularyEntry(value: unknown, options: { idsAsStrings?: boolean } = { idsAsStrings: true }): DocumentCheck<VocabularyEntry> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'not a JSON object' };
  const doc = value as Record<string, unknown>;
  for (const [field, rule] of Object.entries(VOCABULARY_FIELD_RULES) as [string, FieldRule][]) {
    const problem = checkField(doc[field], rule);
    if (problem !== null) return { ok: false, field, problem: `${field}: ${problem}` };
  }
  for (const [field, kind] of Object.entries(ONLY_ON)) {
    if (doc[field] != null && doc.kind !== kind) {
      return { ok: false, field, problem: `${field}: only ${article(kind)} ${kind} entry has one (this entry is ${article(String(doc.kind))} ${String(doc.kind)})` };
    }
  }
  if (options.idsAsStrings && doc._id instanceof ObjectId) doc._id = doc._id.toHexString();
  return { ok: true, doc: doc as unknown as VocabularyEntry };
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** The unique key of an entry (DESIGN 2.4: one value of one kind per tenant). */
export function vocabularyKey(entry: VocabularyEntry): string {
  return JSON.stringify([entry.tenant_id, entry.kind, entry.value]);
}

/**
 * Loads a vocabulary file (`--vocabulary`): NDJSON in MongoDB Extended JSON, one entry
 * `{ tenant_id, kind, value, project_id?, outcome_type? }` a line (see `loadNdjsonDocuments`).
 * A line that breaks the contract, or repeats a `{ tenant_id, kind, value }`, fails the load
 * with `file:line` and the field (`vocabulary.ndjson:4: kind: "label" is not one of tag,
 * outcome, project`); nothing is half-loaded.
 */
export function loadVocabularyFile(path: string): Promise<VocabularyEntry[]> {
  return loadNdjsonDocuments(path, {
    check: (value) => checkVocabularyEntry(value),
    key: (entry) => ({
      key: vocabularyKey(entry),
      describe: `duplicate ${entry.kind} ${JSON.stringify(entry.value)} of tenant ${JSON.stringify(entry.tenant_id)}`,
    }),
  });
}

/**
 * The same checks over entries built in memory before they are written somewhere (`dialgraph
 * seed`): the first broken or repeated entry throws a `DataFileError` naming `source[index]`.
 */
export function assertVocabularyEntries(entries: readonly VocabularyEntry[], source: string): void {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const check = checkVocabularyEntry(entry, { idsAsStrings: false });
    if (!check.ok) throw new DataFileError({ path: source, entry: index, field: check.field, problem: check.problem });
    const key = vocabularyKey(entry);
    if (seen.has(key)) throw new DataFileError({ path: source, entry: index, problem: `duplicate ${entry.kind} ${JSON.stringify(entry.value)} of tenant ${JSON.stringify(entry.tenant_id)}` });
    seen.add(key);
  });
}
