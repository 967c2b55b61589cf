import type { EntityCallAnalytics as EntityCallAnalyticsShape, EntityKind } from '../../analytics/families/entity-analytics.ts';
import { CALL_ANALYTICS } from '../../analytics/families/entity-analytics.ts';
import { costDirectives } from '../cost/field-costs.ts';
import { builder } from '../builder.ts';
import { serves } from '../served-families.ts';

// Resolved through loadEntityAnalytics, which batches the references of a request.
serves(CALL_ANALYTICS);
import { loadEntityAnalytics } from '../federation/load-entity-analytics.ts';

/**
 * Call analytics that dialgraph contributes to entities owned by other subgraphs (DESIGN 5.5).
 * The types are `externalRef`s: another service owns them, their other fields and their
 * descriptions (so none is given here); dialgraph resolves a reference to its key and adds
 * `callAnalytics`.
 */

const EntityCallAnalytics = builder.objectRef<EntityCallAnalyticsShape>('EntityCallAnalytics').implement({
  description:
    'Calls of one entity in the caller’s tenant over an inclusive range. Durations come from unrounded totals, then are rounded to 2 decimals.',
  fields: (t) => ({
    totalCalls: t.exposeInt('totalCalls', { description: 'Number of calls.' }),
    totalDurationMinutes: t.exposeFloat('totalDurationMinutes', { description: 'Sum of duration_sec / 60 (missing duration = 0).' }),
    avgDurationMinutes: t.exposeFloat('avgDurationMinutes', { description: 'Total minutes / calls; 0 when there are no calls.' }),
    answeredCalls: t.exposeInt('answeredCalls', { description: 'Calls with status completed.' }),
    answerRate: t.exposeFloat('answerRate', { description: 'answeredCalls / totalCalls × 100, 1 decimal; 0 when there are no calls.' }),
    lastCallAt: t.expose('lastCallAt', { type: 'DateTime', nullable: true, description: 'Start of the latest call in range; null when none.' }),
  }),
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** What each entity's calls are, for the field description. */
const MATCHED_ON: Record<EntityKind, string> = {
  ASSISTANT: 'calls whose assistant_id is this id',
  PHONE_NUMBER: 'phone calls whose platform_number is this number (web sessions excluded, as in callsByPhoneNumber)',
};

/** The same `callAnalytics(startDate, endDate)` field on every entity, by entity kind. */
function callAnalyticsField<Parent extends object>(
  t: PothosSchemaTypes.FieldBuilder<Types, Parent, 'ExtendedEntity'>,
  { entity, keyOf }: { entity: EntityKind; keyOf: (parent: Parent) => string },
) {
  return t.field({
    type: EntityCallAnalytics,
    directives: costDirectives(entity === 'ASSISTANT' ? 'Assistant.callAnalytics' : 'PhoneNumber.callAnalytics'),
    description: `Call analytics (dialgraph) of the ${MATCHED_ON[entity]}, in your key's tenant. Default range: the last 30 days. References of one request are answered by one aggregation.`,
    args: {
      startDate: t.arg({ type: 'DateTime', required: false, description: 'Inclusive start on started_at; default endDate − 30 days.' }),
      endDate: t.arg({ type: 'DateTime', required: false, description: 'Inclusive end on started_at; default now.' }),
    },
    resolve: (parent, args, context) => loadEntityAnalytics(context, { entity, key: keyOf(parent), args }),
  });
}

builder
  .externalRef('Assistant', builder.selection<{ id: string | number }>('id'), (ref) => ({ id: String(ref.id) }))
  .implement({
    externalFields: (t) => ({ id: t.id() }),
    fields: (t) => ({ callAnalytics: callAnalyticsField(t, { entity: 'ASSISTANT', keyOf: (assistant) => assistant.id }) }),
  });

builder
  .externalRef('PhoneNumber', builder.selection<{ number: string }>('number'), (ref) => ({ number: String(ref.number) }))
  .implement({
    externalFields: (t) => ({ number: t.string() }),
    fields: (t) => ({ callAnalytics: callAnalyticsField(t, { entity: 'PHONE_NUMBER', keyOf: (phoneNumber) => phoneNumber.number }) }),
  });

/** Types that exist only for federation: the client-facing schema (schema/schema.graphql) leaves them out. */
export const FEDERATION_ONLY_TYPES: readonly string[] = ['Assistant', 'PhoneNumber', 'EntityCallAnalytics'];
