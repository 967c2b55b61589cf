import type { VocabularyEntry } from '../contract/vocabulary-entry.ts';
import { SAMPLE_TENANTS, type SampleTenant } from './tenants.ts';
import { NEGATIVE_OUTCOMES, NEUTRAL_OUTCOMES, POSITIVE_OUTCOMES, TAG_SETS, UNANSWERED_OUTCOME, type Outcome } from './vocabulary.ts';

/**
 * What each sample account defines beyond what its calls use, so the list shows values no call
 * carries yet (DESIGN 2.4). zen-solar defines no projects: its `projects` list falls back to the
 * projects present in its calls, so the per-kind fallback is visible in the sample too.
 */
const UNUSED: Readonly<Record<string, { tags: string[]; outcomes: Outcome[]; project: string | null }>> = {
  'acme-health': { tags: ['insurance-verified', 'new-patient'], outcomes: [{ outcome: 'referred-to-specialist', outcome_type: 'neutral' }], project: 'Telehealth pilot' },
  'brightline-realty': { tags: ['open-house', 'pre-approved'], outcomes: [{ outcome: 'showing-booked', outcome_type: 'positive' }], project: 'Spring listings' },
  'nova-insurance': { tags: ['claims', 'renewal-due'], outcomes: [{ outcome: 'policy-renewed', outcome_type: 'positive' }], project: 'Fleet quotes' },
  'zen-solar': { tags: ['site-survey'], outcomes: [{ outcome: 'survey-booked', outcome_type: 'positive' }], project: null },
};

/** Every tag and outcome the sample calls use (the generator's pools), once each. */
const USED_TAGS = [...new Set(TAG_SETS.values.flat())];
const USED_OUTCOMES: readonly Outcome[] = [
  ...POSITIVE_OUTCOMES.values,
  ...NEUTRAL_OUTCOMES.values,
  ...NEGATIVE_OUTCOMES.values,
  ...Object.values(UNANSWERED_OUTCOME),
];

/**
 * The sample accounts' vocabularies (`dialgraph sample` writes them next to the calls, `seed`
 * upserts them, `serve` without `--data` serves them): every tag, outcome and project the
 * generator uses, plus a few each account defined but no call uses yet. Independent of the
 * seed, the size and the clock (an account's definitions, not its traffic); in tenant, kind,
 * value order.
 */
export function sampleVocabulary(tenants: readonly SampleTenant[] = SAMPLE_TENANTS): VocabularyEntry[] {
  return tenants.flatMap((tenant) => {
    const unused = UNUSED[tenant.tenant_id] ?? { tags: [], outcomes: [], project: null };
    const tenant_id = tenant.tenant_id;
    const tags = [...USED_TAGS, ...unused.tags].map((value): VocabularyEntry => ({ tenant_id, kind: 'tag', value }));
    const outcomes = [...USED_OUTCOMES, ...unused.outcomes].map(
      ({ outcome, outcome_type }): VocabularyEntry => ({ tenant_id, kind: 'outcome', value: outcome, outcome_type }),
    );
    const projects =
      unused.project === null
        ? []
        : [...tenant.projects, { id: `${tenant.projects[0].id.replace(/_\d+$/, '')}_planned`, name: unused.project }].map(
            (project): VocabularyEntry => ({ tenant_id, kind: 'project', value: project.name, project_id: project.id }),
          );
    const byValue = (a: VocabularyEntry, b: VocabularyEntry) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
    return [...tags.sort(byValue), ...outcomes.sort(byValue), ...projects.sort(byValue)];
  });
}
