import { VOCABULARIES_COLLECTION } from '../../../contract/collections.ts';
import type { Principal } from '../../../contract/principal.ts';
import type { VocabularyKind } from '../../../contract/vocabulary-entry.ts';
import type { CallQuery } from '../../query/call-query.ts';
import type { Stage } from '../../query/expression.ts';

/** A project of the account (or present in its calls): its id and name (either may be missing). */
export interface CallProject {
  id: string | null;
  name: string | null;
}

/**
 * The filter choices the list offers: the account's vocabulary of each kind (DESIGN 2.4), or,
 * for a kind the account defined nothing of, the values present in its calls of the searched days.
 */
export type VocabularyPart = 'tags' | 'outcomes' | 'projects';

/** Every vocabulary part, in the order the result lists them. */
export const VOCABULARY_PARTS: readonly VocabularyPart[] = ['tags', 'outcomes', 'projects'];

/** The `kind` of `call_vocabularies` each part reads. */
const KIND_OF_PART: Readonly<Record<VocabularyPart, VocabularyKind>> = { tags: 'tag', outcomes: 'outcome', projects: 'project' };

export interface CallVocabulary {
  tags: string[];
  outcomes: string[];
  projects: CallProject[];
}

/**
 * One scope facet per part: it sees the tenant's calls of the searched days before any other
 * filter, so the lists offer every choice the filters could take, whatever is searched now.
 * Each groups to one row per distinct value; the order is fixed after the pipeline.
 */
const VOCABULARY_FACETS: Record<VocabularyPart, readonly Stage[]> = {
  tags: [{ $unwind: '$tags' }, { $group: { _id: '$tags' } }],
  outcomes: [{ $group: { _id: { $ifNull: ['$outcome', null] } } }],
  projects: [{ $group: { _id: { id: { $ifNull: ['$project_id', null] }, name: { $ifNull: ['$project_name', null] } } } }],
};

/** Facet name of a part inside the list's `$facet`. */
const facetName = (part: VocabularyPart): string => `${part}Present`;

/** The scope facets for the selected parts (none selected: no facets, and no extra work). */
export function vocabularyFacets(parts: ReadonlySet<VocabularyPart>): Record<string, readonly Stage[]> {
  const facets: Record<string, readonly Stage[]> = {};
  for (const part of Object.keys(VOCABULARY_FACETS) as VocabularyPart[]) {
    if (parts.has(part)) facets[facetName(part)] = VOCABULARY_FACETS[part];
  }
  return facets;
}

/**
 * Reads the vocabulary facets: non-empty strings in code-unit order; projects with an id or a
 * name, by name then id (missing first). Parts that were not computed come back empty.
 */
export function shapeVocabulary(facet: (name: string) => Record<string, unknown>[]): CallVocabulary {
  const strings = (part: VocabularyPart) => orderedStrings(facet(facetName(part)).map((row) => row._id));
  const projects = orderedProjects(
    facet(facetName('projects'))
      .map((row) => row._id as Record<string, unknown> | null)
      .map((key) => ({ id: textOrNull(key?.id), name: textOrNull(key?.name) })),
  );
  return { tags: strings('tags'), outcomes: strings('outcomes'), projects };
}

/**
 * The account's vocabulary of the selected parts (DESIGN 2.4): one scoped pipeline over
 * `call_vocabularies`, whose tenant scope the compiler's scope stage adds like any other. It is
 * the account's list, so it does not depend on the days searched or on the key's user.
 */
export function accountVocabularyQuery(principal: Principal, parts: ReadonlySet<VocabularyPart>): CallQuery {
  return {
    principal,
    collection: VOCABULARIES_COLLECTION,
    where: [{ kind: { $in: VOCABULARY_PARTS.filter((part) => parts.has(part)).map((part) => KIND_OF_PART[part]) } }],
    project: { kind: 1, value: 1, project_id: 1 },
  };
}

/** What the account defined: the parts it has any entry of, and their values in the list's order. */
export interface AccountVocabulary {
  defined: ReadonlySet<VocabularyPart>;
  values: CallVocabulary;
}

/**
 * Reads the account vocabulary rows: a part is defined when the account has an entry of its
 * kind (even one whose value reads empty). Values are ordered as the observed ones are
 * (`shapeVocabulary`); a project is its `value` (the name) with its `project_id`.
 */
export function readAccountVocabulary(rows: readonly Record<string, unknown>[]): AccountVocabulary {
  const defined = new Set<VocabularyPart>();
  const byKind = (kind: VocabularyKind) => rows.filter((row) => row.kind === kind);
  for (const part of VOCABULARY_PARTS) if (byKind(KIND_OF_PART[part]).length) defined.add(part);
  return {
    defined,
    values: {
      tags: orderedStrings(byKind('tag').map((row) => row.value)),
      outcomes: orderedStrings(byKind('outcome').map((row) => row.value)),
      projects: orderedProjects(byKind('project').map((row) => ({ id: textOrNull(row.project_id), name: textOrNull(row.value) }))),
    },
  };
}

/**
 * The list's choices, part by part: the account's vocabulary where it defined that kind
 * (values no call uses yet included, values calls use but the account never defined left
 * out), the observed values where it did not.
 */
export function mergeVocabulary(account: AccountVocabulary | null, observed: CallVocabulary): CallVocabulary {
  if (!account) return observed;
  const pick = <P extends VocabularyPart>(part: P): CallVocabulary[P] => (account.defined.has(part) ? account.values[part] : observed[part]);
  return { tags: pick('tags'), outcomes: pick('outcomes'), projects: pick('projects') };
}

/** Non-empty strings, once each, in code-unit order. */
function orderedStrings(values: readonly unknown[]): string[] {
  return [...new Set(values.filter((value): value is string => typeof value === 'string' && value !== ''))].sort(compareText);
}

/** Projects with an id or a name, once each, by name then id (missing first). */
function orderedProjects(projects: readonly CallProject[]): CallProject[] {
  const seen = new Set<string>();
  return (
    projects
      .filter((project) => project.id !== null || project.name !== null)
      // An empty string and a missing value read the same, so they may now repeat.
      .filter((project) => firstTime(seen, JSON.stringify([project.id, project.name])))
      .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id))
  );
}

function firstTime(seen: Set<string>, key: string): boolean {
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Code-unit order, null first: the same on every machine (no locale). */
function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
