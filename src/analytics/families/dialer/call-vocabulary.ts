import type { Stage } from '../../query/expression.ts';

/** A project present in the tenant's calls: its id and name as stored (either may be missing). */
export interface CallProject {
  id: string | null;
  name: string | null;
}

/** What the list can report as present in the tenant's calls of the searched days. */
export type VocabularyPart = 'tags' | 'outcomes' | 'projects';

/** Every vocabulary part, in the order the result lists them. */
export const VOCABULARY_PARTS: readonly VocabularyPart[] = ['tags', 'outcomes', 'projects'];

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
  const strings = (part: VocabularyPart) =>
    facet(facetName(part))
      .map((row) => row._id)
      .filter((value): value is string => typeof value === 'string' && value !== '')
      .sort(compareText);
  const seen = new Set<string>();
  const projects = facet(facetName('projects'))
    .map((row) => row._id as Record<string, unknown> | null)
    .map((key) => ({ id: textOrNull(key?.id), name: textOrNull(key?.name) }))
    .filter((project) => project.id !== null || project.name !== null)
    // An empty string and a missing value read the same, so they may now repeat.
    .filter((project) => firstTime(seen, JSON.stringify([project.id, project.name])))
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
  return { tags: strings('tags'), outcomes: strings('outcomes'), projects };
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
