/** The kinds of value an account defines for its calls (DESIGN 2.4). */
export const VOCABULARY_KINDS = ['tag', 'outcome', 'project'] as const;

export type VocabularyKind = (typeof VOCABULARY_KINDS)[number];

/**
 * One value an account has defined (collection `call_vocabularies`, file `--vocabulary`;
 * DESIGN 2.4), whether or not any call uses it yet: a tag, an outcome (with its type) or a
 * project (its name is `value`, its id `project_id`). Unique per `{ tenant_id, kind, value }`.
 */
export interface VocabularyEntry {
  /** Optional in files; MongoDB gives every stored entry one. */
  _id?: unknown;
  tenant_id: string;
  kind: VocabularyKind;
  value: string;
  /** Projects only: the id calls carry in `project_id`. */
  project_id?: string | null;
  /** Outcomes only: the type calls with this outcome carry in `outcome_type`. */
  outcome_type?: 'positive' | 'negative' | 'neutral' | 'absent' | null;
}
